import pg from "pg";
import { inject } from "vitest";
import { startEmbedded } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrate";
import { assertLocalDatabase, withDatabase } from "./local-database";

/**
 * A database of its own, migrated and empty, for a test file that needs one as a new installation
 * has it (the run's shared database holds what the other files wrote): another database on the run's
 * PostgreSQL server, or another in-memory embedded PostgreSQL when the run uses one. `drop` removes it.
 */
export async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const shared = inject("databaseUrl");
  if (inject("databaseKind").startsWith("PostgreSQL server")) {
    assertLocalDatabase(shared);
    const name = `duban_scratch_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
    const admin = new pg.Client({ connectionString: withDatabase(shared, "postgres") });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = withDatabase(shared, name);
    await applyMigrations(url);
    return {
      url,
      drop: async () => {
        const c = new pg.Client({ connectionString: withDatabase(shared, "postgres") });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const embedded = await startEmbedded({ memory: true });
  await applyMigrations(embedded.url);
  return { url: embedded.url, drop: embedded.stop };
}

/**
 * The `@/server/db` module of a test file that runs on a scratch database of its own; `keep.drop`
 * is set for the file's afterAll. Use it from a `vi.mock` factory (hoisted above the imports):
 *
 *   const scratch = vi.hoisted(() => ({ drop: null as null | (() => Promise<void>) }));
 *   vi.mock("@/server/db", async () => (await import("../support/scratch-database")).scratchDbModule(scratch));
 */
export async function scratchDbModule(keep: { drop: null | (() => Promise<void>) }) {
  const { prismaFor } = await import("../../scripts/lib/prisma");
  const database = await scratchDatabase();
  keep.drop = database.drop;
  return { db: prismaFor(database.url) };
}
