// Deadlines and undici's timeouts run on a fake clock that no test here moves
// (helpers/fake-clock.ts): on a busy machine a healthy call waits, it never times out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientCredentialsTokenSource } from "../../src/http/oauth-token.js";
import { settle, until, useFakeClock, useRealClock } from "../helpers/fake-clock.js";
import { startLoopbackServer, type Handler, type LoopbackServer } from "../helpers/loopback-server.js";
import { callContext, closeAll, testTransport } from "./support.js";

const SECRET = "CANARY-secret-91b2";
let server: LoopbackServer | null = null;

beforeEach(() => useFakeClock());
afterEach(async () => {
  useRealClock();
  await closeAll();
  await server?.close();
  server = null;
});

function source(url: string, now: () => number = Date.now) {
  return clientCredentialsTokenSource({
    provider: "FABRIC",
    transport: testTransport({ provider: "FABRIC" }),
    tokenUrl: new URL(`${url}/auth/token/`),
    clientId: "client-1",
    clientSecret: SECRET,
    now,
  });
}

const tokenReply = (token: string, expiresIn: number | string) => ({
  status: 200,
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ access_token: token, token_type: "Bearer", expires_in: expiresIn }),
});

/** A token endpoint that holds its answer until the test calls `release`. */
function heldTokenEndpoint(token: string): { handler: Handler; release(): void } {
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    handler: async (_req, res) => {
      await released;
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ access_token: token, expires_in: "86399" }));
    },
    release: () => release(),
  };
}

describe("client-credentials token source", () => {
  it("posts the client credentials as a form once for 50 concurrent cold callers", async () => {
    const endpoint = heldTokenEndpoint("tok-1");
    server = await startLoopbackServer(endpoint.handler);
    const tokens = source(server.url);
    const all = Promise.all(Array.from({ length: 50 }, () => tokens.token(callContext())));
    // All 50 are waiting while the one token request is held at the endpoint.
    await until(() => server?.requests.length === 1, "the token request at the endpoint");
    endpoint.release();
    const results = await settle(all, "the 50 callers to get the token");
    expect(new Set(results)).toEqual(new Set(["tok-1"]));
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0];
    expect(request?.method).toBe("POST");
    expect(request?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual({ grant_type: "client_credentials", client_id: "client-1", client_secret: SECRET });
  });

  it.each([[3600], ["3600"]])("accepts expires_in as %j and refreshes before expiry, capped at 24 hours", async (expiresIn) => {
    server = await startLoopbackServer([tokenReply("tok-1", expiresIn), tokenReply("tok-2", expiresIn)]);
    let clock = 1_000_000;
    const tokens = source(server.url, () => clock);
    expect(await tokens.token(callContext())).toBe("tok-1");
    clock += (3600 - 5 * 60) * 1000 - 1;
    expect(await tokens.token(callContext())).toBe("tok-1");
    clock += 2;
    expect(await tokens.token(callContext())).toBe("tok-2");
    expect(server.requests).toHaveLength(2);
  });

  it("trusts a 30-day token for at most 24 hours", async () => {
    server = await startLoopbackServer([tokenReply("tok-1", 2592000), tokenReply("tok-2", 2592000)]);
    let clock = 0;
    const tokens = source(server.url, () => clock);
    await tokens.token(callContext());
    clock = 24 * 3600_000 - 5 * 60_000;
    expect(await tokens.token(callContext())).toBe("tok-2");
  });

  it("fetches a new token after the current one is invalidated", async () => {
    server = await startLoopbackServer([tokenReply("tok-1", 3600), tokenReply("tok-2", 3600)]);
    const tokens = source(server.url);
    const first = await tokens.token(callContext());
    tokens.invalidate("some-older-token");
    expect(await tokens.token(callContext())).toBe("tok-1");
    tokens.invalidate(first);
    expect(await tokens.token(callContext())).toBe("tok-2");
  });

  it.each([
    [{ status: 401, body: '{"detail":"bad client"}' }, "AUTH_FAILED"],
    [{ status: 400, body: '{"message":"invalid_client"}' }, "AUTH_FAILED"],
    [{ status: 200, body: '{"token":"x"}' }, "BAD_RESPONSE"],
    [{ status: 200, body: "<html>" }, "BAD_RESPONSE"],
    [{ status: 503, body: "" }, "UNAVAILABLE"],
  ])("fails with a typed error and no secret for %j", async (reply, code) => {
    server = await startLoopbackServer([reply]);
    const error = await source(server.url).token(callContext()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code, provider: "FABRIC" });
    expect(JSON.stringify(error) + String(error)).not.toContain(SECRET);
  });

  it("lets a caller whose deadline passes give up without failing the shared refresh", async () => {
    const endpoint = heldTokenEndpoint("tok-slow");
    server = await startLoopbackServer(endpoint.handler);
    const tokens = source(server.url);
    const impatient = new AbortController();
    const first = tokens.token(callContext({ signal: impatient.signal }));
    const patient = tokens.token(callContext());
    await until(() => server?.requests.length === 1, "the token request at the endpoint");
    impatient.abort();
    // The impatient caller gives up while the refresh is still held at the endpoint.
    await expect(first).rejects.toMatchObject({ code: "TIMEOUT" });
    endpoint.release();
    expect(await settle(patient, "the patient caller's token")).toBe("tok-slow");
    expect(server.requests).toHaveLength(1);
  });
});
