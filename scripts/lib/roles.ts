/**
 * Two database roles in server mode: the owner of the tables, which applies the
 * migrations (DATABASE_MIGRATION_URL), and the app's runtime role (DATABASE_URL),
 * which gets only what the app needs. Only the owner (or a superuser) can alter
 * a table or disable its triggers, so the runtime role can neither switch off
 * the audit trail's append-only triggers nor, lacking UPDATE, DELETE and
 * TRUNCATE on "AuditEvent", change or remove audit rows.
 */
import pg from "pg";
import { applyMigrations } from "./migrate";

/** Tables the runtime role may only read and append to. */
const APPEND_ONLY_TABLES = ["AuditEvent"];
/** Tables the runtime role gets nothing on (the migrations' own record). */
const OWNER_ONLY_TABLES = ["_prisma_migrations"];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Grants the role of `runtimeUrl` SELECT, INSERT, UPDATE and DELETE on the
 * ordinary tables, only SELECT and INSERT on the audit trail, use of the
 * sequences, and nothing else; run as the owner after migrating (every start,
 * so tables of new migrations are covered). Refuses, with the fix in the
 * message, when the runtime role could still undo the separation: the same role
 * as the owner, a superuser, a member of the owner's role, or the owner of
 * any of the tables.
 */
export async function grantRuntimeRole(migrationUrl: string, runtimeUrl: string): Promise<{ owner: string; runtime: string }> {
  const runtime = await withClient(runtimeUrl, async (c) => (await c.query<{ role: string; db: string }>("SELECT current_user AS role, current_database() AS db")).rows[0]);
  return withClient(migrationUrl, async (c) => {
    const me = (await c.query<{ role: string; db: string }>("SELECT current_user AS role, current_database() AS db")).rows[0];
    if (me.db !== runtime.db) {
      throw new Error(`DATABASE_MIGRATION_URL (database ${me.db}) and DATABASE_URL (database ${runtime.db}) must name the same database.`);
    }
    if (me.role === runtime.role) {
      throw new Error(
        `DATABASE_MIGRATION_URL and DATABASE_URL both sign in as "${me.role}". Give the app its own role (CREATE ROLE duban_app LOGIN PASSWORD '…') in DATABASE_URL, or unset DATABASE_MIGRATION_URL.`,
      );
    }
    const facts = (
      await c.query<{ superuser: boolean; member: boolean; owns: string | null }>(
        `SELECT r.rolsuper AS superuser,
                pg_has_role($1::name, $2::name, 'MEMBER') AS member,
                (SELECT string_agg(cl.relname, ', ') FROM pg_class cl JOIN pg_namespace n ON n.oid = cl.relnamespace
                  WHERE n.nspname = 'public' AND cl.relowner = r.oid) AS owns
           FROM pg_roles r WHERE r.rolname = $1::name`,
        [runtime.role, me.role],
      )
    ).rows[0];
    if (facts.superuser) throw new Error(`The role of DATABASE_URL ("${runtime.role}") is a superuser, which no grant can restrict. Use an ordinary role.`);
    if (facts.member) {
      throw new Error(`The role of DATABASE_URL ("${runtime.role}") is a member of the owner's role "${me.role}" and could act as it. Revoke that membership.`);
    }
    if (facts.owns) {
      throw new Error(
        `The role of DATABASE_URL ("${runtime.role}") owns tables (${facts.owns.slice(0, 200)}), so it could alter them. ` +
          `Hand them to the owner once, as a superuser: REASSIGN OWNED BY "${runtime.role}" TO "${me.role}";`,
      );
    }
    const rt = c.escapeIdentifier(runtime.role);
    await c.query("BEGIN");
    try {
      await c.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${rt}`);
      await c.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${rt}`);
      await c.query(`GRANT USAGE ON SCHEMA public TO ${rt}`);
      await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${rt}`);
      for (const table of APPEND_ONLY_TABLES) await c.query(`REVOKE UPDATE, DELETE ON ${c.escapeIdentifier(table)} FROM ${rt}`);
      for (const table of OWNER_ONLY_TABLES) await c.query(`REVOKE ALL ON ${c.escapeIdentifier(table)} FROM ${rt}`);
      await c.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${rt}`);
      await c.query("COMMIT");
    } catch (error) {
      await c.query("ROLLBACK");
      throw error;
    }
    return { owner: me.role, runtime: runtime.role };
  });
}

/**
 * Applies pending migrations for the app on `runtimeUrl`: as the owner of
 * `migrationUrl` followed by the runtime role's grants when it is given;
 * otherwise on `runtimeUrl` itself, whose role then owns the tables (the
 * embedded mode, and server mode without DATABASE_MIGRATION_URL).
 */
export async function migrateForRuntime(runtimeUrl: string, migrationUrl?: string): Promise<{ applied: string[]; roles?: { owner: string; runtime: string } }> {
  if (!migrationUrl) return { applied: await applyMigrations(runtimeUrl) };
  const applied = await applyMigrations(migrationUrl);
  const roles = await grantRuntimeRole(migrationUrl, runtimeUrl);
  return { applied, roles };
}
