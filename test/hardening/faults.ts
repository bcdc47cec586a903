// The same fault on whichever provider a scenario targets, in each simulator's own terms.
import type { Provider } from "../../src/__generated__/resolvers-types.js";
import type { Simulators } from "./all-providers.js";

export type FaultKind = "permanent-503" | "never-answers" | "malformed";

export function injectFault(simulators: Simulators, provider: Provider, fault: FaultKind): void {
  const { ingram, td, fabric, stuller } = simulators;
  switch (provider) {
    case "INGRAM_MICRO":
      if (fault === "permanent-503") ingram.control.always({ kind: "status", status: 503 });
      else if (fault === "never-answers") ingram.control.always({ kind: "slow-headers", delayMs: 30_000 });
      else ingram.control.always({ kind: "malformed-json" });
      return;
    case "TD_SYNNEX":
      if (fault === "permanent-503") td.control.always({ kind: "status", status: 503 });
      else if (fault === "never-answers") td.control.always({ kind: "stall" });
      else td.control.always({ kind: "truncated" });
      return;
    case "FABRIC":
      if (fault === "permanent-503") fabric.control.failNext(100_000, { status: 503 });
      else if (fault === "never-answers") fabric.control.slow(30_000);
      else fabric.control.malformed(100_000);
      return;
    case "STULLER":
      if (fault === "permanent-503") stuller.control.failAlways({ kind: "status", status: 503 });
      else if (fault === "never-answers") stuller.control.failAlways({ kind: "slow", delayMs: 30_000 });
      else stuller.control.failAlways({ kind: "malformed" });
      return;
  }
}

export function healAll(simulators: Simulators): void {
  simulators.ingram.control.always(null);
  simulators.td.control.always(null);
  simulators.fabric.control.heal();
  simulators.stuller.control.failAlways(null);
}
