import { describe, expect, it } from "vitest";
import { createLimiter } from "../../../src/util/concurrency.js";
import { PRODUCTION_TRANSPORT } from "../../../src/providers/production.js";
import { createTdSynnexProvider } from "../../../src/providers/td-synnex/index.js";
import { startTdSynnexSimulator } from "../../../src/sandbox/td-synnex/index.js";
import { callContext, silentLogger } from "./support.js";

/** Lets the event loop turn once (a task "working"), with no timer involved. */
const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const never = new AbortController().signal;
const abortError = (): Error => new Error("aborted while queued");

describe("TD SYNNEX limiter", () => {
  it("runs at most `concurrency` tasks at once and the rest in arrival order", async () => {
    const limiter = createLimiter(2);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limiter.run(
          async () => {
            running += 1;
            most = Math.max(most, running);
            order.push(i);
            await tick();
            running -= 1;
          },
          never,
          abortError,
        ),
      ),
    );
    expect(most).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect([limiter.active, limiter.waiting]).toEqual([0, 0]);
  });

  it("keeps the limit and the arrival order when a task arrives as a slot is freed", async () => {
    const limiter = createLimiter(1);
    let running = 0;
    let most = 0;
    const order: string[] = [];
    const task = (name: string) => async (): Promise<void> => {
      running += 1;
      most = Math.max(most, running);
      order.push(name);
      await tick();
      running -= 1;
    };
    let release!: () => void;
    const first = limiter.run(() => new Promise<void>((resolve) => (release = resolve)), never, abortError);
    const second = limiter.run(task("second"), never, abortError);
    release();
    // Arrives after the slot was freed but before the waiter resumed.
    const third = limiter.run(task("third"), never, abortError);
    await Promise.all([first, second, third]);
    expect(most).toBe(1);
    expect(order).toEqual(["second", "third"]);
  });

  it("drops a waiting task when its signal aborts, without taking a slot", async () => {
    const limiter = createLimiter(1);
    let release!: () => void;
    const busy = limiter.run(() => new Promise<void>((resolve) => (release = resolve)), never, abortError);
    const controller = new AbortController();
    const waiting = limiter.run(async () => "ran", controller.signal, abortError);
    expect(limiter.waiting).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toThrow("aborted while queued");
    expect(limiter.waiting).toBe(0);
    release();
    await busy;
    expect(limiter.active).toBe(0);
  });

  it("refuses a concurrency below 1", () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe("TD SYNNEX sandbox wiring", () => {
  it("serves the sandbox purchase orders through the real client with the production transport settings", async () => {
    const simulator = await startTdSynnexSimulator();
    const provider = createTdSynnexProvider(simulator.credentials, { logger: silentLogger, transport: PRODUCTION_TRANSPORT, currency: "USD" });
    try {
      const results = await provider.findByPurchaseOrders(["PO-1001", "PO-1002", "PO-1003"], callContext());
      expect([...results.values()].map((r) => ("invoices" in r ? r.invoices.length : r.code))).toEqual([2, 3, 1]);
      expect(simulator.requests).toHaveLength(3);
    } finally {
      await provider.close();
      await simulator.close();
    }
  });
});
