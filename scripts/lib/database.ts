/**
 * Where the database is. With DATABASE_URL: that PostgreSQL server ("server" mode).
 * Without it: an embedded PostgreSQL (PGlite) kept in the data folder and served
 * on 127.0.0.1 over the ordinary wire protocol, so the app and every script talk
 * to it exactly as they would to a server ("embedded" mode).
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import { serveEmbedded } from "./embedded-server";

export type DatabaseMode = "server" | "embedded";

export interface DatabaseHandle {
  mode: DatabaseMode;
  url: string;
  /** Stops the embedded server if this process started it; a no-op otherwise. */
  stop(): Promise<void>;
}

/** The folder that holds the embedded database, uploaded files and the embedded session secret. */
export function dataDir(): string {
  return path.resolve(process.env.DUBAN_DATA_DIR || "data");
}

const runtimeFile = () => path.join(dataDir(), "embedded.json");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts PGlite on the data folder and serves it on 127.0.0.1 (a free port unless given). */
export async function startEmbedded(options: { port?: number; dir?: string; memory?: boolean } = {}): Promise<DatabaseHandle> {
  const dir = options.dir ?? dataDir();
  let db: PGlite;
  if (options.memory) {
    db = await PGlite.create();
  } else {
    await mkdir(dir, { recursive: true });
    db = await PGlite.create({ dataDir: path.join(dir, "pg") });
  }
  // PGlite has one session; the connections take turns on it (decision 037).
  const server = await serveEmbedded(db, { port: options.port, maxConnections: 20 });
  const url = `postgresql://postgres:postgres@${server.address}/postgres?sslmode=disable`;
  if (!options.memory) {
    await writeFile(path.join(dir, "embedded.json"), JSON.stringify({ pid: process.pid, url }));
  }
  let stopped = false;
  return {
    mode: "embedded",
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (!options.memory) await rm(path.join(dir, "embedded.json"), { force: true });
    },
  };
}

/**
 * Resolves the database for a script: DATABASE_URL if set; else the embedded
 * database of a running app (PGlite must not be opened twice); else a fresh
 * embedded server owned by this process.
 */
export async function openDatabase(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  if (url) return { mode: "server", url, stop: async () => {} };
  const file = runtimeFile();
  if (existsSync(file)) {
    const running = JSON.parse(await readFile(file, "utf8")) as { pid: number; url: string };
    if (running.pid !== process.pid && isAlive(running.pid)) {
      return { mode: "embedded", url: running.url, stop: async () => {} };
    }
  }
  return startEmbedded();
}

/** The embedded mode's session secret, made once and kept beside its data so sessions survive restarts. */
export async function embeddedSecret(): Promise<string> {
  const file = path.join(dataDir(), "session-secret");
  if (existsSync(file)) return (await readFile(file, "utf8")).trim();
  await mkdir(dataDir(), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret + "\n", { mode: 0o600 });
  return secret;
}
