import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbedded } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrate";
import { assertLocalDatabase, withDatabase } from "../support/local-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: string;
  }
}

/**
 * One fresh database per run: on the PostgreSQL server named by TEST_DATABASE_URL
 * (or DATABASE_URL), created here and dropped at the end; without either, an
 * in-memory embedded PostgreSQL.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let url: string;
  let teardown: () => Promise<void>;
  if (serverUrl) {
    assertLocalDatabase(serverUrl);
    const name = `duban_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    url = withDatabase(serverUrl, name);
    teardown = async () => {
      const c = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    };
    project.provide("databaseKind", `PostgreSQL server (${new URL(serverUrl).host}/${name})`);
  } else {
    const embedded = await startEmbedded({ memory: true });
    url = embedded.url;
    teardown = embedded.stop;
    project.provide("databaseKind", "embedded PostgreSQL (PGlite, in memory)");
  }
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  return teardown;
}
