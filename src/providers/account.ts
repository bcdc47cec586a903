// The identity of the upstream account a provider instance reads, for keys of anything shared
// across requests (the invoice cache). Built only from what says *whose* invoices these are
// (where, which account, as whom), never from a secret; hashed so a key in a shared store
// does not show the account number either.
import { createHash } from "node:crypto";

/** A stable, opaque account identity: the same parts always give the same 24 hex characters. */
export function accountIdentity(...parts: readonly string[]): string {
  // JSON keeps the parts unambiguous whatever characters they hold ("a,b" + "c" ≠ "a" + "b,c").
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex").slice(0, 24);
}
