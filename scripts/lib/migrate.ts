import { openSchemaEngine, readMigrations, noFilters } from "./schema-engine";

/** Applies pending migrations from prisma/migrations, recorded in `_prisma_migrations` as `prisma migrate deploy` does. */
export async function applyMigrations(url: string): Promise<string[]> {
  const engine = await openSchemaEngine(url);
  try {
    const result = await engine.applyMigrations({ migrationsList: await readMigrations(), filters: noFilters });
    return result.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
