import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // End-to-end tests spawn bundles and a local API stand-in; two workers match the 2-core machines.
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One temporary folder per run, removed at its end (test/support/temp-root.ts).
    globalSetup: ["test/support/temp-root.ts"],
  },
});
