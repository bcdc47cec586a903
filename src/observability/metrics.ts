// One Prometheus registry for the process. Modules register their own metrics here; the
// /metrics endpoint (operations issue) serializes this registry.
import { Registry } from "prom-client";

export const metricsRegistry = new Registry();
