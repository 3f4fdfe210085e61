/** npm run db:migrate — applies pending migrations to DATABASE_URL, or to the embedded database. */
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";

const db = await openDatabase();
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
} finally {
  await db.stop();
}
