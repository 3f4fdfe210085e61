/**
 * npm start — builds if needed, prepares the database and serves the app.
 *
 * Without DATABASE_URL: starts the embedded PostgreSQL in the data folder,
 * applies migrations, imports the plan, the demo accounts and a demonstration
 * history (演示数据, decision 030) on first start,
 * and keeps a session secret beside the data. With DATABASE_URL: uses that
 * server, applies migrations and imports the plan, never creates demo accounts or the demonstration history
 * and refuses to start without NEXTAUTH_SECRET. With DATABASE_MIGRATION_URL as
 * well: migrates as that (owner) role and grants the role of DATABASE_URL only
 * what the app needs (scripts/lib/roles.ts).
 */
import { fork } from "node:child_process";
import path from "node:path";
import { buildIfNeeded, buildIsStale, clientIsStale } from "./lib/build";
import { dataDir, embeddedSecret, startEmbedded, type DatabaseHandle } from "./lib/database";
import { migrateForRuntime } from "./lib/roles";
import { stopChild } from "./lib/stop-child";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
const log = (line: string) => console.log(`[督办] ${line}`);

/**
 * Builds when needed; with DUBAN_REQUIRE_BUILD=1 (the end-to-end tests' web server, whose start-up
 * has a timeout) an out-of-date build is an error instead: the tests build before they start it.
 */
function prepareBuild(): void {
  if (process.env.DUBAN_REQUIRE_BUILD === "1" && !dev && (clientIsStale() || buildIsStale())) {
    console.error("[督办] The build is missing or older than the sources; build first (npm run build), then start the tests again.");
    process.exit(1);
  }
  buildIfNeeded(log, { dev });
}

async function main() {
  const serverMode = Boolean(process.env.DATABASE_URL);
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (serverMode && (!secret || secret.length < 16)) {
    console.error(
      "[督办] DATABASE_URL is set, so this is server mode, and server mode needs a session secret.\n" +
        "       Set NEXTAUTH_SECRET to a random string of at least 32 characters, for example:\n" +
        "       export NEXTAUTH_SECRET=$(openssl rand -base64 32)\n" +
        "       服务器模式需要会话密钥：请设置环境变量 NEXTAUTH_SECRET（至少 32 个随机字符）。",
    );
    process.exit(1);
  }

  prepareBuild();
  // Loaded only now: they need the database client that buildIfNeeded may just have generated.
  const { prismaFor } = await import("./lib/prisma");
  const { quarterDueDays, seedPlanFiles, seedShippedPlans, testPlanFiles } = await import("./lib/seed");
  const { ensureReportingPeriods } = await import("../src/features/seed/seed-plan");
  const { DEMO_PASSWORD, demoAccounts, seedDemoAccounts } = await import("../src/features/seed/seed-demo");
  const { insertDemoHistory } = await import("../src/features/seed/demo-history");

  let db: DatabaseHandle;
  if (serverMode) {
    db = { mode: "server", url: process.env.DATABASE_URL!, stop: async () => {} };
    log("Using the PostgreSQL server from DATABASE_URL.");
  } else {
    log(`Starting the embedded PostgreSQL in ${path.relative(process.cwd(), dataDir()) || "."}/pg …`);
    db = await startEmbedded();
  }

  const migrationUrl = process.env.DATABASE_MIGRATION_URL || undefined;
  if (migrationUrl && !serverMode) {
    console.error("[督办] DATABASE_MIGRATION_URL is set without DATABASE_URL. It names the owner role in server mode; set DATABASE_URL too, or unset it.");
    process.exit(1);
  }
  const { applied, roles } = await migrateForRuntime(db.url, migrationUrl).catch((error: unknown) => {
    console.error(`[督办] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
  if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
  if (roles) log(`Migrated as "${roles.owner}"; the app runs as "${roles.runtime}", which cannot alter tables or change the audit trail.`);
  else if (serverMode) log("DATABASE_MIGRATION_URL is not set: the app's own role owns the tables (see README, Use a PostgreSQL server).");

  const prisma = prismaFor(db.url);
  const firstStart = (await prisma.plan.count()) === 0;
  let demoCreated = 0;
  if (firstStart) {
    log("First start: importing the plan…");
    for (const r of await seedShippedPlans(prisma)) log(`Imported ${r.keyTasksCreated} key tasks and ${r.measuresCreated} measures.`);
    // Set only by scripts/e2e-server.ts in embedded mode: the test plan beside the shipped one.
    if (process.env.DUBAN_SEED_TEST_PLANS === "1") await seedPlanFiles(prisma, testPlanFiles);
    if (db.mode === "embedded") demoCreated = await seedDemoAccounts(prisma);
  }
  const periods = await ensureReportingPeriods(prisma, quarterDueDays());
  if (periods) log(`Created ${periods} reporting periods.`);
  // 演示数据 (decision 030): a new embedded database opens on five years of demonstration history, never a server's.
  // DUBAN_DEMO_HISTORY=0 leaves it out (the end-to-end tests' embedded server, which counts its own rows).
  if (firstStart && db.mode === "embedded" && process.env.DUBAN_DEMO_HISTORY !== "0") {
    const demo = await insertDemoHistory(prisma, { mode: db.mode });
    if (demo) log(`Inserted the demonstration history in ${(demo.milliseconds / 1000).toFixed(1)} s: ${demo.reports} reports, ${demo.revisions} review events, ${demo.extensions} extensions, ${demo.instructions} instructions, ${demo.notices} notices, ${demo.closures} closure applications. An administrator removes it with 清除演示数据 on any page.`);
  }
  await prisma.$disconnect();

  const sessionSecret = serverMode ? secret! : await embeddedSecret();
  const child = fork(path.resolve("scripts/serve.ts"), dev ? ["--dev"] : [], {
    // DUBAN_SERVER_PROFILE=dir writes a V8 CPU profile of the server there when it stops (npm run bench -- --profile).
    execArgv: ["--import", "tsx", ...(process.env.DUBAN_SERVER_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.DUBAN_SERVER_PROFILE}`] : [])],
    env: {
      ...process.env,
      NODE_ENV: dev ? "development" : "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: db.url,
      DUBAN_DB_MODE: db.mode,
      NEXTAUTH_SECRET: sessionSecret,
      NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
      PORT: String(port),
    },
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // The server answers what it holds and exits before its database is let go.
    await stopChild(child);
    await db.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));
  child.on("exit", (code) => void stop(code ?? 1));

  child.on("message", (message: { ready?: boolean }) => {
    if (!message.ready) return;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    log(`Ready in ${seconds} s. Open http://localhost:${port}`);
    if (db.mode === "embedded") {
      log(`Embedded database: data in ${dataDir()} (keep this folder; back it up to keep your data).`);
      const accounts = demoAccounts();
      log(`Demo accounts (password ${DEMO_PASSWORD}): ${accounts.map((a) => `${a.loginName} (${a.displayName})`).join(", ")}`);
      if (demoCreated) log(`${demoCreated} demo accounts were created on this first start.`);
    }
  });
}

await main();
