/**
 * Writes a new migration: the SQL that takes the database from the migrations
 * folder to prisma/schema.prisma. The migrations are replayed on a throwaway
 * in-memory PostgreSQL, so no server is needed. Usage: npm run db:diff -- <name>
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { openSchemaEngine, readMigrations, migrationsDir, noFilters, schemaPath } from "./lib/schema-engine";
import { startEmbedded } from "./lib/database";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("用法 / usage: npm run db:diff -- <snake_case_name>");
  process.exit(1);
}

const main = await startEmbedded({ memory: true });
const shadow = await startEmbedded({ memory: true });
try {
  const engine = await openSchemaEngine(main.url, shadow.url);
  const migrations = await readMigrations();
  const from = migrations.migrationDirectories.length ? { tag: "migrations" as const, ...migrations } : { tag: "empty" as const };
  const result = await engine.diff({
    from,
    to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: await readFile(schemaPath, "utf8") }] },
    script: true,
    exitCode: true,
    filters: noFilters,
  });
  engine.free();
  if (result.exitCode !== 2 || !result.stdout) {
    console.log("No change: the migrations already match the schema.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "migration.sql"), result.stdout);
    await writeFile(path.join(migrationsDir, "migration_lock.toml"), 'provider = "postgresql"\n');
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  }
} finally {
  await main.stop();
  await shadow.stop();
}
