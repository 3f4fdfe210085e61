import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate } from "../../src/features/auth/authenticate";
import { hashPassword } from "../../src/features/auth/password";
import { setUserActive, setUserRole } from "../../src/features/admin/mutations";
import { testDb } from "../support/db";

const db = testDb();
const limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 6, windowMinutes: 15 };
const suffix = Date.now().toString(36);
const name = (s: string) => `${s}-${suffix}`;
let adminId = "";

async function createUser(loginName: string, role: "ADMIN" | "LEADER" = "LEADER") {
  return db.user.create({ data: { loginName, displayName: loginName, role, passwordHash: await hashPassword("correct horse") } });
}

beforeAll(async () => {
  adminId = (await createUser(name("boss"), "ADMIN")).id;
});
afterAll(() => db.$disconnect());

describe("authenticate", () => {
  it("signs in with the right password and records success", async () => {
    const user = await createUser(name("alice"));
    const result = await authenticate(db, { loginName: ` ${name("ALICE")} `, password: "correct horse", ip: "10.0.0.1" }, limits);
    expect(result).toEqual({ ok: true, user: expect.objectContaining({ id: user.id, role: "LEADER" }) });
    const events = await db.auditEvent.findMany({ where: { actorLabel: name("alice") } });
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in"]);
  });

  it("answers an unknown user and a wrong password the same way", async () => {
    await createUser(name("bob"));
    const wrong = await authenticate(db, { loginName: name("bob"), password: "nope", ip: "10.0.0.2" }, limits);
    const unknown = await authenticate(db, { loginName: name("nobody"), password: "nope", ip: "10.0.0.2" }, limits);
    expect(wrong).toEqual({ ok: false, code: "INVALID" });
    expect(unknown).toEqual(wrong);
    expect(await db.auditEvent.count({ where: { actorLabel: { in: [name("bob"), name("nobody")] }, action: "auth.sign_in_failed" } })).toBe(2);
  });

  it("throttles an account after repeated failures, even with the right password afterwards", async () => {
    await createUser(name("carol"));
    for (let i = 0; i < limits.maxFailuresPerAccount; i++) {
      expect(await authenticate(db, { loginName: name("carol"), password: `bad${i}`, ip: `10.1.0.${i}` }, limits)).toEqual({ ok: false, code: "INVALID" });
    }
    expect(await authenticate(db, { loginName: name("carol"), password: "correct horse", ip: "10.1.0.99" }, limits)).toEqual({
      ok: false,
      code: "THROTTLED",
    });
  });

  it("throttles an address that tries many accounts", async () => {
    for (let i = 0; i < limits.maxFailuresPerAddress; i++) {
      await authenticate(db, { loginName: name(`spray${i}`), password: "x", ip: "10.2.0.1" }, limits);
    }
    const dave = await createUser(name("dave"));
    expect(await authenticate(db, { loginName: name("dave"), password: "correct horse", ip: "10.2.0.1" }, limits)).toEqual({
      ok: false,
      code: "THROTTLED",
    });
    // The same account from another address is not affected.
    expect(await authenticate(db, { loginName: name("dave"), password: "correct horse", ip: "10.2.0.2" }, limits)).toMatchObject({
      ok: true,
      user: { id: dave.id },
    });
  });

  it("refuses a deactivated account and lets it back in once reactivated", async () => {
    const erin = await createUser(name("erin"));
    const actor = { id: adminId, loginName: name("boss"), role: "ADMIN" as const, departmentId: null };
    await setUserActive(db, actor, { userId: erin.id, active: false });
    expect(await authenticate(db, { loginName: name("erin"), password: "correct horse", ip: "10.3.0.1" }, limits)).toEqual({ ok: false, code: "INVALID" });
    await setUserActive(db, actor, { userId: erin.id, active: true });
    expect(await authenticate(db, { loginName: name("erin"), password: "correct horse", ip: "10.3.0.1" }, limits)).toMatchObject({ ok: true });
    const trail = await db.auditEvent.findMany({ where: { entityId: erin.id, actorId: adminId }, orderBy: { id: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["user.deactivate", "user.activate"]);
  });

  it("refuses to make a user without a department a liaison, and changes nothing", async () => {
    const frank = await createUser(name("frank"));
    await expect(setUserRole(db, { id: adminId, loginName: name("boss"), role: "ADMIN", departmentId: null }, { userId: frank.id, role: "LIAISON" })).rejects.toThrow(
      "liaisonNeedsDepartment",
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: frank.id } })).role).toBe("LEADER");
    expect(await db.auditEvent.count({ where: { entityId: frank.id, action: "user.change_role" } })).toBe(0);
  });

  it("does not let an administrator lock themselves out", async () => {
    await expect(setUserActive(db, { id: adminId, loginName: name("boss"), role: "ADMIN", departmentId: null }, { userId: adminId, active: false })).rejects.toThrow("cannotChangeSelf");
  });
});
