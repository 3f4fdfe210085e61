import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticate, sweepLoginAttempts } from "../../src/features/auth/authenticate";
import { hashPassword } from "../../src/features/auth/password";
import { setUserActive, setUserRole } from "../../src/features/admin/mutations";
import { testDb } from "../support/db";

const db = testDb();
const limits = { maxFailuresPerAccount: 3, maxFailuresPerAccountAddress: 3, maxFailuresPerAddress: 6, windowMinutes: 15, lockMinutes: 15 };
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

describe("the sign-in throttle under concurrent guesses", () => {
  // Five per account and address, as by default; the other limits out of the way.
  const concurrent = { maxFailuresPerAccount: 10, maxFailuresPerAccountAddress: 5, maxFailuresPerAddress: 100, windowMinutes: 15, lockMinutes: 15 };

  it("checks exactly the allowed number of 24 simultaneous wrong passwords, then refuses the right one", async () => {
    await createUser(name("grace"));
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => authenticate(db, { loginName: name("grace"), password: `guess${i}`, ip: "10.4.0.1" }, concurrent)),
    );
    // INVALID means the password was checked; THROTTLED means it was not.
    const checked = results.filter((r) => !r.ok && r.code === "INVALID").length;
    console.log(`[throttle] 24 concurrent wrong guesses from one address: ${checked} password checks`);
    expect(checked).toBe(concurrent.maxFailuresPerAccountAddress);
    expect(results.filter((r) => !r.ok && r.code === "THROTTLED")).toHaveLength(24 - checked);
    expect(await authenticate(db, { loginName: name("grace"), password: "correct horse", ip: "10.4.0.1" }, concurrent)).toEqual({
      ok: false,
      code: "THROTTLED",
    });
  });

  it("checks exactly the per-account number of 24 simultaneous wrong passwords from 24 addresses", async () => {
    await createUser(name("heidi"));
    const results = await Promise.all(
      Array.from({ length: 24 }, (_, i) => authenticate(db, { loginName: name("heidi"), password: `guess${i}`, ip: `10.5.0.${i}` }, concurrent)),
    );
    const checked = results.filter((r) => !r.ok && r.code === "INVALID").length;
    console.log(`[throttle] 24 concurrent wrong guesses from 24 addresses: ${checked} password checks`);
    expect(checked).toBe(concurrent.maxFailuresPerAccount);
    expect(await authenticate(db, { loginName: name("heidi"), password: "correct horse", ip: "10.5.0.200" }, concurrent)).toEqual({
      ok: false,
      code: "THROTTLED",
    });
  });

  it("does not count refused attempts, and ends a lock a fixed time after the last counted failure", async () => {
    await createUser(name("ivan"));
    const guess = (password: string) => authenticate(db, { loginName: name("ivan"), password, ip: "10.6.0.1" }, concurrent);
    for (let i = 0; i < concurrent.maxFailuresPerAccountAddress; i++) expect(await guess(`bad${i}`)).toEqual({ ok: false, code: "INVALID" });
    const counted = await db.loginAttempt.count({ where: { loginName: name("ivan") } });
    // An attacker keeps trying while locked out: refused, and not recorded as failures.
    for (let i = 0; i < 4; i++) expect(await guess(`more${i}`)).toEqual({ ok: false, code: "THROTTLED" });
    expect(await db.loginAttempt.count({ where: { loginName: name("ivan") } })).toBe(counted);
    expect(await db.auditEvent.count({ where: { actorLabel: name("ivan"), action: "auth.sign_in_throttled" } })).toBe(4);
    // Just inside the lock time after the last counted failure: still locked.
    const shift = async (minutes: number) =>
      db.$executeRaw`UPDATE "LoginAttempt" SET "createdAt" = "createdAt" - make_interval(mins => ${minutes}::int) WHERE "loginName" = ${name("ivan")}`;
    await shift(concurrent.lockMinutes - 1);
    expect(await guess("correct horse")).toEqual({ ok: false, code: "THROTTLED" });
    // Past it, the right password gets in, whatever was refused in between.
    await shift(2);
    expect(await guess("correct horse")).toMatchObject({ ok: true });
  });

  it("locks one address out of one account without locking the office behind it out of other accounts", async () => {
    await createUser(name("judy"));
    await createUser(name("ken"));
    for (let i = 0; i < concurrent.maxFailuresPerAccountAddress; i++) {
      await authenticate(db, { loginName: name("judy"), password: `bad${i}`, ip: "10.7.0.1" }, concurrent);
    }
    expect(await authenticate(db, { loginName: name("judy"), password: "correct horse", ip: "10.7.0.1" }, concurrent)).toEqual({ ok: false, code: "THROTTLED" });
    // The owner from elsewhere, and a colleague behind the same address, still sign in.
    expect(await authenticate(db, { loginName: name("judy"), password: "correct horse", ip: "10.7.0.2" }, concurrent)).toMatchObject({ ok: true });
    expect(await authenticate(db, { loginName: name("ken"), password: "correct horse", ip: "10.7.0.1" }, concurrent)).toMatchObject({ ok: true });
  });

  it("sweeps attempts older than two days and keeps recent ones", async () => {
    const old = await db.loginAttempt.create({ data: { loginName: name("sweep"), ip: "10.8.0.1", success: false, createdAt: new Date(Date.now() - 49 * 3_600_000) } });
    const recent = await db.loginAttempt.create({ data: { loginName: name("sweep"), ip: "10.8.0.1", success: false, createdAt: new Date(Date.now() - 47 * 3_600_000) } });
    expect(await sweepLoginAttempts(db)).toBeGreaterThanOrEqual(1);
    expect(await db.loginAttempt.findUnique({ where: { id: old.id } })).toBeNull();
    expect(await db.loginAttempt.findUnique({ where: { id: recent.id } })).not.toBeNull();
  });
});
