import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { prismaFor } from "../../scripts/lib/prisma";
import { grantRuntimeRole, migrateForRuntime } from "../../scripts/lib/roles";
import { authenticate, sweepLoginAttempts } from "../../src/features/auth/authenticate";
import { hashPassword } from "../../src/features/auth/password";
import { withDatabase } from "../support/local-database";

const serverMode = inject("databaseKind").startsWith("PostgreSQL server");
const runUrl = inject("databaseUrl");
const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const OWNER = `duban_owner_${stamp}`;
const RUNTIME = `duban_app_${stamp}`;
const DATABASE = `duban_roles_${stamp}`;
const asRole = (role: string) => {
  const url = new URL(withDatabase(runUrl, DATABASE));
  url.username = role;
  url.password = "";
  return url.toString();
};

async function sql<T extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The error code PostgreSQL answers `text` with, or "ok". */
async function outcome(url: string, text: string): Promise<string> {
  return sql(url, text).then(
    () => "ok",
    (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
  );
}

const admin = () => withDatabase(runUrl, "postgres");
let created = false;

afterAll(async () => {
  if (!created) return;
  await sql(admin(), `DROP DATABASE IF EXISTS "${DATABASE}" WITH (FORCE)`);
  // The roles' grants lived in the dropped database only, so the roles can go now.
  await sql(admin(), `DROP ROLE IF EXISTS "${RUNTIME}"`);
  await sql(admin(), `DROP ROLE IF EXISTS "${OWNER}"`);
  const left = await sql<{ n: number }>(admin(), "SELECT count(*)::int AS n FROM pg_roles WHERE rolname = ANY($1)", [[OWNER, RUNTIME]]);
  expect(left[0].n).toBe(0);
});

describe("the owner migrates, the app runs as a role that cannot touch the audit trail", () => {
  it(
    serverMode
      ? "on the PostgreSQL server: the runtime role does its work but cannot change, delete, truncate or unprotect audit rows"
      : "on the embedded database (one role): migrating without a separate owner works, and a separate owner on the same role is refused",
    async () => {
      if (!serverMode) {
        // The embedded database has one role: migrations and the app share it, as without DATABASE_MIGRATION_URL.
        expect(await migrateForRuntime(runUrl)).toEqual({ applied: [] });
        await expect(grantRuntimeRole(runUrl, runUrl)).rejects.toThrow(/both sign in as/);
        return;
      }
      // A scratch database owned by a scratch owner role, and a scratch runtime role.
      await sql(admin(), `CREATE ROLE "${OWNER}" LOGIN`);
      await sql(admin(), `CREATE ROLE "${RUNTIME}" LOGIN`);
      created = true;
      await sql(admin(), `CREATE DATABASE "${DATABASE}" OWNER "${OWNER}"`);

      const { applied, roles } = await migrateForRuntime(asRole(RUNTIME), asRole(OWNER));
      expect(applied.length).toBeGreaterThan(0);
      expect(roles).toEqual({ owner: OWNER, runtime: RUNTIME });
      const owners = await sql<{ owner: string }>(asRole(OWNER), `SELECT DISTINCT tableowner AS owner FROM pg_tables WHERE schemaname = 'public'`);
      expect(owners).toEqual([{ owner: OWNER }]);

      // Normal work as the runtime role, through the app's own code: sign-ins (advisory locks, attempts, audit rows), the sweep.
      const app = prismaFor(asRole(RUNTIME));
      try {
        const user = await app.user.create({ data: { loginName: "roles-test", displayName: "roles-test", role: "LEADER", passwordHash: await hashPassword("pw") } });
        expect(await authenticate(app, { loginName: "roles-test", password: "wrong", ip: "10.20.0.1" })).toEqual({ ok: false, code: "INVALID" });
        expect(await authenticate(app, { loginName: "roles-test", password: "pw", ip: "10.20.0.1" })).toMatchObject({ ok: true });
        expect(await app.auditEvent.count({ where: { actorLabel: "roles-test" } })).toBe(2);
        await app.user.update({ where: { id: user.id }, data: { displayName: "renamed" } });
        await app.loginAttempt.create({ data: { loginName: "old", ip: "10.20.0.2", success: false, createdAt: new Date(Date.now() - 3 * 86_400_000) } });
        expect(await sweepLoginAttempts(app)).toBe(1);
      } finally {
        await app.$disconnect();
      }

      // What the probe did, refused: 42501 is "insufficient privilege" / "must be owner".
      const runtime = asRole(RUNTIME);
      expect(await outcome(runtime, `DELETE FROM "AuditEvent"`)).toMatch(/^42501: permission denied for table AuditEvent/);
      expect(await outcome(runtime, `UPDATE "AuditEvent" SET "actorLabel" = 'x'`)).toMatch(/^42501: permission denied for table AuditEvent/);
      expect(await outcome(runtime, `TRUNCATE "AuditEvent"`)).toMatch(/^42501: permission denied for table AuditEvent/);
      expect(await outcome(runtime, `ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).toMatch(/^42501: must be owner of table AuditEvent/);
      expect(await outcome(runtime, `ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only"`)).toMatch(/^42501: must be owner/);
      expect(await outcome(runtime, `DROP TABLE "AuditEvent"`)).toMatch(/^42501: must be owner/);
      expect(await outcome(runtime, `DELETE FROM "_prisma_migrations"`)).toMatch(/^42501: permission denied/);
      expect(await sql<{ n: number }>(asRole(OWNER), `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "actorLabel" = 'roles-test'`)).toEqual([{ n: 2 }]);

      // The owner still can: that is the power the runtime role no longer has.
      expect(await outcome(asRole(OWNER), `BEGIN; ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL; ROLLBACK`)).toBe("ok");

      // A runtime role that owns a table, or is the owner, is refused with the fix in the message.
      await expect(grantRuntimeRole(asRole(OWNER), asRole(OWNER))).rejects.toThrow(/both sign in as/);
      await sql(asRole(OWNER), `CREATE TABLE "Stray" (id int)`);
      await sql(asRole(OWNER), `ALTER TABLE "Stray" OWNER TO "${RUNTIME}"`).catch(async () => {
        await sql(withDatabase(runUrl, DATABASE), `ALTER TABLE "Stray" OWNER TO "${RUNTIME}"`);
      });
      await expect(grantRuntimeRole(asRole(OWNER), runtime)).rejects.toThrow(/owns tables \(Stray\).*REASSIGN OWNED/);
    },
  );
});
