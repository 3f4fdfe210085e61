import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { buildIfNeeded } from "./scripts/lib/build";

const port = Number(process.env.E2E_PORT ?? 3100);
// The scratch database of this run (server mode), known to the tests too: the workers inherit it.
process.env.E2E_DATABASE_NAME ??= `duban_scratch_${Date.now()}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(`Chromium not found at ${chromium}. Install it (apt-get install -y chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
}

// Build before the web server starts (in the runner, not in its workers, which load this file too):
// its start-up timeout is then spent starting a built app, not building one.
if (!process.env.TEST_WORKER_INDEX) buildIfNeeded((line) => console.log(`[e2e] ${line}`));

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium" }],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `http://localhost:${port}/login`,
    // Migrating and seeding a scratch database, then starting the built app.
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    // A graceful stop lets the scratch server drop its database on the PostgreSQL server.
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    // The server refuses to build (it would not finish within the timeout on a loaded machine).
    env: { PORT: String(port), E2E_DATABASE_NAME: process.env.E2E_DATABASE_NAME, DUBAN_REQUIRE_BUILD: "1" },
  },
});
