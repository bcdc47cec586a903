// Vendor codes the code tables do not list. Every occurrence is counted; the warning is
// logged once per (table, code) so one bad upstream value does not flood the logs.
import { Counter } from "prom-client";
import { rootLogger } from "./logger.js";
import { metricsRegistry } from "./metrics.js";

/** Most (table, code) pairs remembered for log deduplication. */
export const UNKNOWN_CODE_LOG_CAP = 10_000;
/** Longest code text logged and remembered; real vendor codes are a few characters. */
const MAX_LOGGED_CODE_LENGTH = 100;

// Only the table is a label: the code comes from upstream and would make the label
// cardinality unbounded.
const unknownCodes = new Counter({
  name: "invoices_unknown_codes_total",
  help: "Vendor codes that the code table does not list, by table.",
  labelNames: ["table"] as const,
  registers: [metricsRegistry],
});

const logged = new Set<string>();
let capReported = false;

export function reportUnknownCode(table: string, code: string): void {
  unknownCodes.inc({ table });
  const shownCode = code.length > MAX_LOGGED_CODE_LENGTH ? `${code.slice(0, MAX_LOGGED_CODE_LENGTH)}…` : code;
  // JSON keeps the pair unambiguous whatever characters the code holds.
  const key = JSON.stringify([table, shownCode]);
  if (logged.has(key)) return;
  if (logged.size >= UNKNOWN_CODE_LOG_CAP) {
    // Past the cap new pairs are still counted but no longer logged: both memory and log
    // volume stay bounded when an upstream sends endless distinct junk.
    if (!capReported) {
      capReported = true;
      rootLogger.warn({ table, cap: UNKNOWN_CODE_LOG_CAP }, "unknown vendor code log full; further new codes are only counted");
    }
    return;
  }
  logged.add(key);
  rootLogger.warn({ table, code: shownCode }, "unknown vendor code");
}

/** Forgets which pairs were logged (tests). The counter is left alone. */
export function resetUnknownCodeLog(): void {
  logged.clear();
  capReported = false;
}
