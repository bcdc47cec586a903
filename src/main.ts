// The only module with side effects: it validates the configuration (every variable, tracing
// included, so one start reports every bad one) and only then loads and starts the subgraph
// (start.ts). A bad variable is refused in a fraction of a second, with a message that names
// it and never echoes a value.
import { ConfigError, loadConfig } from "./config.js";
import { loadTracingConfig } from "./observability/tracing-config.js";

/** The value, or the ConfigError that reading it threw (anything else is rethrown). */
function attempt<T>(read: () => T): T | ConfigError {
  try {
    return read();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
}

const config = attempt(() => loadConfig(process.env));
const tracing = attempt(() => loadTracingConfig(process.env));
if (config instanceof ConfigError || tracing instanceof ConfigError) {
  const problems = [config, tracing].flatMap((result) => (result instanceof ConfigError ? result.problems : []));
  process.stderr.write(`${new ConfigError(problems).message}\n`);
  process.exit(1);
}
const { start } = await import("./start.js");
await start(config, tracing);
