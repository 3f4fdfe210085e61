/**
 * The server the end-to-end tests drive. With TEST_DATABASE_URL (a local
 * PostgreSQL server): a fresh database, migrated and seeded with the demo
 * accounts, then the app in server mode; it is dropped on exit. Without it:
 * the app in embedded mode on a fresh data folder — the newcomer's path.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "./lib/migrate";
import { prismaFor } from "./lib/prisma";
import { seedPlanFiles, seedShippedPlans, testPlanFiles } from "./lib/seed";
import { DEMO_PASSWORD, seedDemoAccounts } from "../src/features/seed/seed-demo";
import { generateLargeDataset } from "./lib/large-dataset";
import { assertLocalDatabase, withDatabase } from "../tests/support/local-database";

const serverUrl = process.env.TEST_DATABASE_URL;
const env: NodeJS.ProcessEnv = { ...process.env };
delete env.DATABASE_URL;
let cleanup = async () => {};

if (serverUrl) {
  assertLocalDatabase(serverUrl);
  // The Playwright config names it, so a test can make this database unavailable without touching any other.
  const name = /^duban_scratch_[0-9]+$/.test(process.env.E2E_DATABASE_NAME ?? "") ? process.env.E2E_DATABASE_NAME! : `duban_scratch_${Date.now()}`;
  const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
  await admin.connect();
  // Scratch databases of runs that were killed before they could clean up, older than 12 hours.
  const stale = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname ~ '^duban_(scratch|e2e)_[0-9]+$'`);
  for (const { datname } of stale.rows) {
    if (Date.now() - Number(datname.split("_").pop()) > 12 * 3_600_000) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  const db = prismaFor(url);
  await seedShippedPlans(db);
  // The test plan (2026—2030) beside the shipped one; not on the large dataset, whose plan the load test measures.
  if (process.env.DUBAN_SCRATCH_LARGE !== "1") await seedPlanFiles(db, testPlanFiles);
  await seedDemoAccounts(db);
  if (process.env.DUBAN_SCRATCH_LARGE === "1") {
    const started = Date.now();
    const counts = await generateLargeDataset(db, DEMO_PASSWORD);
    console.error(`[scratch] large dataset generated in ${((Date.now() - started) / 1000).toFixed(1)} s: ${JSON.stringify(counts)}`);
  }
  await db.$disconnect();
  env.DATABASE_URL = url;
  env.NEXTAUTH_SECRET = randomBytes(32).toString("base64url");
  cleanup = async () => {
    const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
  console.log(`[e2e] server mode on ${name}`);
} else {
  if (process.env.DUBAN_SCRATCH_LARGE === "1") throw new Error("The large dataset needs a PostgreSQL server: set TEST_DATABASE_URL (a local server).");
  const dir = path.resolve(process.env.DUBAN_SCRATCH_DIR ?? "test-results/e2e-data");
  rmSync(dir, { recursive: true, force: true });
  env.DUBAN_DATA_DIR = dir;
  env.DUBAN_SEED_TEST_PLANS = "1";
  // The tests count their own reports: no demonstration history (decision 030).
  env.DUBAN_DEMO_HISTORY = "0";
  console.log(`[e2e] embedded mode in ${dir}`);
}

const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], { stdio: "inherit", env });
const stop = () => child.kill("SIGTERM");
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
child.on("exit", (code) => {
  void cleanup().finally(() => process.exit(code ?? 0));
});
