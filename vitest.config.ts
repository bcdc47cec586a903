import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    environment: "node",
    // Integration tests start loopback servers; keep them in separate forks so a hung
    // socket in one file cannot stall another.
    pool: "forks",
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // .ci/run asks for a JSON report to print its one-line summary.
    reporters: process.env["VITEST_JSON_REPORT"] ? ["default", ["json", { outputFile: process.env["VITEST_JSON_REPORT"] }]] : ["default"],
  },
});
