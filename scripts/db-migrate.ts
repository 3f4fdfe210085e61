/**
 * npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database.
 * With DATABASE_MIGRATION_URL (server mode): as that owner role, then grants the
 * role of DATABASE_URL what the app needs (scripts/lib/roles.ts).
 */
import { openDatabase } from "./lib/database";
import { migrateForRuntime } from "./lib/roles";

const migrationUrl = process.env.DATABASE_MIGRATION_URL || undefined;
if (migrationUrl && !process.env.DATABASE_URL) {
  console.error("DATABASE_MIGRATION_URL is set without DATABASE_URL: set the app's DATABASE_URL too, or unset it.");
  process.exit(1);
}
const db = await openDatabase();
try {
  const { applied, roles } = await migrateForRuntime(db.url, migrationUrl);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  if (roles) console.log(`Migrated as "${roles.owner}"; granted "${roles.runtime}" what the app needs.`);
} catch (error) {
  // The role checks explain themselves; no stack trace for a configuration problem.
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.stop();
}
