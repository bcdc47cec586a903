// Runs before every test file (vitest.config.ts `setupFiles`). The suite runs with
// `isolate: false`: a worker keeps its module cache from one file to the next, so Apollo,
// graphql, undici and the other node_modules are loaded once per worker instead of once per
// file (that import cost was about a quarter of the suite's time). Our own modules, though,
// hold process-wide state that production creates once per process and tests must not share
// across files: the shared rate limiter per upstream account, warn-once sets and timestamps,
// the scrubber's secret list, the Prometheus registry. Resetting the module registry here
// makes every file import fresh copies of src/ and test/ modules (cheap: their transforms stay
// cached) while node_modules stay loaded.
import { afterAll, vi } from "vitest";
import { keepUndiciFastTimersReal } from "./helpers/fake-clock.js";

vi.resetModules();
// undici stays loaded too: its timeouts run on real time for this file, whatever clock an
// earlier file left them on (see helpers/fake-clock.ts).
keepUndiciFastTimersReal();

afterAll(() => {
  // Whatever a file left behind must not reach the next file in this worker.
  vi.useRealTimers();
  vi.restoreAllMocks();
});
