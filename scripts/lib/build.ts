/**
 * The production build, made only when a source file is newer than the last one. Used by
 * `npm start` (scripts/start.ts) and, before Playwright starts its web server, by the end-to-end
 * tests (playwright.config.ts, scripts/test.ts): a build inside the web server's start-up timeout
 * failed on a loaded machine.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["src", "messages", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

function run(args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(process.execPath, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Whether the database client must be generated again (missing, or older than the schema). */
export function clientIsStale(): boolean {
  return !existsSync("src/generated/prisma/client.ts") || newestMtime("prisma/schema.prisma") > newestMtime("src/generated/prisma");
}

/** Whether `.next` is missing or older than a source file. */
export function buildIsStale(): boolean {
  return !(existsSync(".next/BUILD_ID") && statSync(".next/BUILD_ID").mtimeMs >= Math.max(...SOURCES.map(newestMtime)));
}

/** Generates the database client and builds the app when they are out of date; `log` says so first. */
export function buildIfNeeded(log: (line: string) => void, options: { dev?: boolean } = {}): void {
  if (clientIsStale()) {
    log("Generating the database client…");
    run(["node_modules/tsx/dist/cli.mjs", "scripts/generate.ts"]);
  }
  if (options.dev || !buildIsStale()) return;
  log("Building the application (first start or changed sources; 1–3 minutes)…");
  run(["node_modules/next/dist/bin/next", "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" });
}
