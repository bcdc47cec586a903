// Transport settings every real provider gets outside tests: the reliability baseline
// (reliability-notes §7) of breaker, bulkhead and retry budget on top of the transport's
// timeouts and retry policy.
import { DEFAULT_RESILIENCE } from "../http/resilience.js";
import type { TransportOptions } from "../http/transport.js";

export const PRODUCTION_TRANSPORT: Partial<TransportOptions> = {
  resilience: DEFAULT_RESILIENCE,
};
