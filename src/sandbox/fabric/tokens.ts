// The simulator's OAuth2 client-credentials endpoint (`POST /auth/token/`, form body, or
// HTTP Basic client authentication) and the bearer tokens it issued.
import { randomBytes } from "node:crypto";

export class TokenIssuer {
  private readonly live = new Map<string, number>();

  constructor(
    private readonly clientId: string,
    private readonly clientSecret: string,
    private readonly lifetimeSeconds: number,
    private readonly now: () => number,
  ) {}

  /** The status and body fabric's token endpoint answers for this request. */
  issue(body: string, authorization: string | undefined): [number, unknown] {
    const form = new URLSearchParams(body);
    let id = form.get("client_id");
    let secret = form.get("client_secret");
    if (authorization?.startsWith("Basic ")) {
      const [basicId = "", basicSecret = ""] = Buffer.from(authorization.slice(6), "base64").toString("utf8").split(":");
      id = decodeURIComponent(basicId);
      secret = decodeURIComponent(basicSecret);
    }
    if (form.get("grant_type") !== "client_credentials") return [400, { error: "unsupported_grant_type" }];
    if (id !== this.clientId || secret !== this.clientSecret) return [401, { error: "invalid_client" }];
    const token = randomBytes(15).toString("base64url");
    this.live.set(token, this.now() + this.lifetimeSeconds * 1000);
    return [200, { access_token: token, token_type: "Bearer", expires_in: this.lifetimeSeconds, scope: "read write" }];
  }

  valid(token: string): boolean {
    const expires = this.live.get(token);
    return expires !== undefined && this.now() < expires;
  }

  /** Every token issued so far stops working (revoked, or fabric's daily re-authentication). */
  revokeAll(): void {
    this.live.clear();
  }
}
