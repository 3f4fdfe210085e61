/**
 * npm test — every tier, in order, stopping at the first failure:
 * type-check, lint, unit + integration (vitest), the production build, end-to-end (Playwright in
 * Chromium, which starts the built app).
 * Integration and end-to-end tests use TEST_DATABASE_URL (a local PostgreSQL
 * server) when set, the embedded PostgreSQL otherwise.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `[test] Chromium is missing (${chromium}); the end-to-end tests cannot run.\n` +
      "       Install it with: sudo apt-get install -y chromium fonts-noto-cjk\n" +
      "       or point CHROMIUM_PATH at a Chromium binary.",
  );
  process.exit(1);
}

const steps: Array<[string, string[]]> = [
  ["generate the database client", ["node_modules/tsx/dist/cli.mjs", "scripts/generate.ts"]],
  ["type-check", ["node_modules/typescript/bin/tsc", "--noEmit"]],
  ["lint", ["node_modules/eslint/bin/eslint.js", ".", "--max-warnings", "0"]],
  ["unit and integration tests", ["node_modules/vitest/vitest.mjs", "run"]],
  // Before Playwright, so that its web server only starts a built app within its timeout.
  ["build the application", ["node_modules/tsx/dist/cli.mjs", "--eval", 'import("./scripts/lib/build.ts").then((m) => m.buildIfNeeded((line) => console.log(line)))']],
  ["end-to-end tests (Chromium)", ["node_modules/@playwright/test/cli.js", "test"]],
];

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
for (const [name, args] of steps) {
  console.log(`\n[test] ── ${name} ──`);
  const started = Date.now();
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) {
    console.error(`[test] ${name} failed.`);
    process.exit(result.status ?? 1);
  }
  console.log(`[test] ${name}: ok (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
console.log("\n[test] All tiers passed.");
