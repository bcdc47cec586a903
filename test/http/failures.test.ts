import { describe, expect, it } from "vitest";
import { errorCode, finalError } from "../../src/http/failures.js";
import type { AttemptOutcome } from "../../src/http/retry-policy.js";

const http = (status: number, retryAfterSeconds: number | null = null): AttemptOutcome => ({ kind: "status", status, retryAfterSeconds });
const net = (code: string): AttemptOutcome => ({ kind: "error", code });

describe("errorCode", () => {
  it.each<[string, unknown, string]>([
    ["a system error", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "ECONNREFUSED"],
    ["an AggregateError of a dual-stack connect", new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]), "ECONNREFUSED"],
    ["an error whose cause has the code", new Error("fetch failed", { cause: { code: "UND_ERR_SOCKET" } }), "UND_ERR_SOCKET"],
    ["a code that is not an identifier", Object.assign(new Error("x"), { code: "https://h/?apikey=s" }), "UNKNOWN"],
    ["a string", "boom", "UNKNOWN"],
  ])("reads %s", (_name, error, expected) => {
    expect(errorCode(error)).toBe(expected);
  });
});

describe("finalError", () => {
  it.each<[string, AttemptOutcome[], string, string]>([
    ["three 503s", [http(503), http(503), http(503)], "UNAVAILABLE", "TD SYNNEX answered HTTP 503 three times"],
    ["mixed failures", [net("ECONNRESET"), http(502)], "UNAVAILABLE", "TD SYNNEX answered HTTP 502 (attempts: reset the connection, answered HTTP 502)"],
    ["a 429", [http(429, 30)], "RATE_LIMITED", "TD SYNNEX answered HTTP 429"],
    ["connect timeouts", [net("UND_ERR_CONNECT_TIMEOUT"), net("UND_ERR_CONNECT_TIMEOUT")], "TIMEOUT", "TD SYNNEX did not accept a connection in time twice"],
    ["a malformed response", [net("HPE_INVALID_CONSTANT")], "BAD_RESPONSE", "TD SYNNEX sent a response that is not valid HTTP"],
    ["an unknown error", [net("UND_ERR_INFO")], "UNAVAILABLE", "TD SYNNEX failed (UND_ERR_INFO)"],
  ])("turns %s into a curated %s", (_name, outcomes, code, message) => {
    expect(finalError("TD_SYNNEX", outcomes, "attempts-exhausted")).toMatchObject({ code, message });
  });

  it("passes the Retry-After hint on when it did not fit the deadline", () => {
    const error = finalError("STULLER", [http(503, 120)], "retry-after-past-deadline");
    expect(error).toMatchObject({ code: "UNAVAILABLE", retryAfterSeconds: 120, upstreamStatus: 503 });
    expect(error.message).toBe("Stuller answered HTTP 503; it asked to retry after 120 s, past the request deadline");
  });

  it("attaches only the error code as cause", () => {
    expect(finalError("FABRIC", [net("ECONNRESET")], "attempts-exhausted").cause).toEqual({ code: "ECONNRESET" });
    expect(finalError("FABRIC", [http(500)], "attempts-exhausted").cause).toBeUndefined();
  });
});
