import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // Node loads graphql's CommonJS build (the package has no "exports" map), and so do
    // Apollo and the federation libraries. Vite would pick the "module" build for our own
    // sources, giving two graphql realms in one process ("Cannot use GraphQLObjectType
    // from another module or realm"). Tests use the same single realm as production.
    alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // The tests of shared state need a real redis-server; this installs it where it can.
    globalSetup: ["test/setup/redis-binary.ts"],
    environment: "node",
    // Child processes rather than threads: integration tests start loopback servers and child
    // processes, as production does in a process of its own.
    pool: "forks",
    // A worker runs its files one after another in one process and loads node_modules once
    // (per-file isolation cost ~30 s of imports per run); test/setup.ts gives every file fresh
    // copies of our own modules, so module-level state never crosses files. Workers: vitest's
    // default (cores - 1, so one on 2 cores); two per suite measured slower when two suites
    // share 2 cores (README, Tests).
    isolate: false,
    setupFiles: ["test/setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // .ci/run asks for a JSON report to print its one-line summary.
    reporters: process.env["VITEST_JSON_REPORT"] ? ["default", ["json", { outputFile: process.env["VITEST_JSON_REPORT"] }]] : ["default"],
  },
});
