/**
 * Prisma's official schema engine compiled to WebAssembly, loaded without
 * `--experimental-wasm-modules`: we instantiate the .wasm ourselves and hand it
 * to the generated bindings, which is what the package's ESM entry does.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine as SchemaEngineType, MigrationList } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindingsPromise: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  const pkgDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as Bindings;
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

export const schemaPath = path.resolve("prisma/schema.prisma");
export const migrationsDir = path.resolve("prisma/migrations");
export const noFilters = { externalTables: [] as string[], externalEnums: [] as string[] };

/** Opens a schema engine on a database; `shadowUrl` is needed only for diffs from the migrations folder. */
export async function openSchemaEngine(url: string, shadowUrl?: string): Promise<SchemaEngineType> {
  bindingsPromise ??= loadBindings();
  const { SchemaEngine } = await bindingsPromise;
  const main = new PrismaPg({ connectionString: url });
  const shadow = shadowUrl ? new PrismaPg({ connectionString: shadowUrl }) : undefined;
  // The adapter's own shadow connection reuses the main database; point it elsewhere.
  if (shadow) main.connectToShadowDb = () => shadow.connect();
  const factory = bindMigrationAwareSqlAdapterFactory(main);
  const datamodel = await readFile(schemaPath, "utf8");
  const log = (line: string) => {
    if (process.env.DUBAN_DEBUG_MIGRATIONS) console.error(line);
  };
  return SchemaEngine.new({ datamodels: [[schemaPath, datamodel]] }, log, factory);
}

/** Reads prisma/migrations in Prisma's standard layout. */
export async function readMigrations(): Promise<MigrationList> {
  const { readdir } = await import("node:fs/promises");
  const entries = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: await readFile(path.join(migrationsDir, name, "migration.sql"), "utf8").then(
          (value) => ({ tag: "ok" as const, value }),
          (error: Error) => ({ tag: "error" as const, value: error.message }),
        ),
      },
    })),
  );
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const lockContent = await readFile(lockPath, "utf8").catch(() => null);
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: lockContent },
    shadowDbInitScript: "",
    migrationDirectories,
  } as MigrationList;
}
