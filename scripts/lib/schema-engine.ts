/**
 * Prisma's official schema engine compiled to WebAssembly, loaded without
 * `--experimental-wasm-modules`: we instantiate the .wasm ourselves and hand it
 * to the generated bindings, which is what the package's ESM entry does.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import type { SchemaEngine as SchemaEngineType, MigrationList } from "@prisma/schema-engine-wasm";

const require = createRequire(import.meta.url);

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
};

let bindingsPromise: Promise<Bindings> | undefined;

async function loadBindings(): Promise<Bindings> {
  // The engine reports a panic's message here before it aborts; make it visible.
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message: (message: string) => console.error(`[schema engine panic] ${message}`),
  };
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

type QueryResult = { fields: { dataTypeID: number }[] };
type Queryable = {
  performIO(...args: unknown[]): Promise<QueryResult>;
  queryRaw(query: unknown): Promise<{ columnTypes: number[] }>;
};
let charPatched = false;

/**
 * Introspection reads catalog columns of PostgreSQL's one-byte type "char"
 * (OID 18, e.g. pg_constraint.contype), which the pg adapter does not map and
 * the engine expects as a Character column. In this tooling process only,
 * such columns are passed through as text and typed Character.
 */
async function typeCharColumns(adapterFactory: PrismaPg): Promise<void> {
  if (charPatched) return;
  const adapter = await adapterFactory.connect();
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "queryRaw")) proto = Object.getPrototypeOf(proto);
  await adapter.dispose();
  if (!proto) throw new Error("pg adapter layout changed: queryRaw not found");
  const queryable = proto as Queryable;
  const originalQueryRaw = queryable.queryRaw;
  queryable.queryRaw = async function (this: Queryable, query: unknown) {
    const charColumns: number[] = [];
    const view = Object.create(this) as Queryable;
    const performIO = this.performIO.bind(this);
    view.performIO = async (...args: unknown[]) => {
      const result = await performIO(...args);
      result.fields.forEach((field, i) => {
        if (field.dataTypeID === 18) {
          field.dataTypeID = 25;
          charColumns.push(i);
        }
      });
      return result;
    };
    const resultSet = await originalQueryRaw.call(view, query);
    for (const i of charColumns) resultSet.columnTypes[i] = ColumnTypeEnum.Character;
    return resultSet;
  };
  charPatched = true;
}

/** Opens a schema engine on a database; `shadowUrl` is needed only for diffs from the migrations folder. */
export async function openSchemaEngine(url: string, shadowUrl?: string): Promise<SchemaEngineType> {
  bindingsPromise ??= loadBindings();
  const { SchemaEngine } = await bindingsPromise;
  const main = new PrismaPg({ connectionString: url });
  const shadow = shadowUrl ? new PrismaPg({ connectionString: shadowUrl }) : undefined;
  // The adapter's own shadow connection reuses the main database; point it elsewhere.
  if (shadow) main.connectToShadowDb = () => shadow.connect();
  await typeCharColumns(main);
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
