import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve("src"),
  // Server-only modules are imported directly by tests; the guard only matters in the Next bundle.
  "server-only": path.resolve("tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["src/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/integration/global-setup.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          // One database for the run; files take turns so their counts stay exact.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
