/**
 * Accounts made in the app: an administrator creates one with a one-time password, the user is held
 * on the change-password page until they choose their own, an administrator resets a forgotten
 * password, and a user changes their own. Called through the real server actions and the real
 * request context (session cookie → getCurrentUser → requireUser / getActor → the policy), so the
 * first-sign-in rule is exercised where it lives.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";
import zh from "../../messages/zh-CN.json";
import { createUserAction, resetPasswordAction } from "@/features/admin/actions";
import { changePasswordAction } from "@/features/account/actions";
import { hashPassword, verifyPassword } from "@/features/auth/password";
import { openSession } from "@/features/auth/sessions";
import { initialActionState } from "@/lib/action-state";
import { getActor, requireUser } from "@/server/auth";
import { db } from "@/server/db";

const secret = "accounts-test-secret-0123456789abcdef";
/** The Cookie header of the request under test. */
const state = vi.hoisted(() => ({ cookie: "" }));

vi.mock("next/headers", () => ({ headers: async () => new Headers(state.cookie ? { cookie: state.cookie } : {}) }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`redirect:${url}`);
  },
  forbidden: () => {
    throw new Error("forbidden");
  },
}));
vi.mock("@/server/env", () => ({ env: () => ({ NEXTAUTH_SECRET: "accounts-test-secret-0123456789abcdef", NEXTAUTH_URL: "http://localhost:3000" }) }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const ADMIN_PASSWORD = "Admin-pass-2026";
let adminId = "";
let departmentId = "";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

/** Signs `userId` in: a server-side session and the cookie that carries it. Returns the session id. */
async function signIn(userId: string): Promise<string> {
  const sid = await openSession(db, userId);
  state.cookie = `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret })}`;
  return sid;
}

async function lastAuditId() {
  return (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
}
async function auditSince(id: bigint) {
  return (await db.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((e) => ({
    action: e.action,
    entityId: e.entityId,
    actorId: e.actorId,
    after: e.after,
  }));
}
const openSessions = (userId: string) => db.userSession.findMany({ where: { userId, endedAt: null }, select: { id: true }, orderBy: { id: "asc" } });

beforeAll(async () => {
  adminId = (await db.user.create({ data: { loginName: `acc-admin-${suffix}`, displayName: "管理员", role: "ADMIN", passwordHash: await hashPassword(ADMIN_PASSWORD) } })).id;
  departmentId = (await db.department.create({ data: { shortName: `测试局${suffix}`, fullName: `测试局${suffix}全称`, sortOrder: 999 } })).id;
});
beforeEach(() => {
  state.cookie = "";
});
afterAll(() => db.$disconnect());

describe("an administrator creates an account", () => {
  it("creates it with a one-time password shown once, flagged for a change, audited without the password", async () => {
    await signIn(adminId);
    const before = await lastAuditId();
    const result = await createUserAction(initialActionState, form({ loginName: ` New.Liaison-${suffix} `, displayName: " 李四 ", role: "LIAISON", departmentId }));
    expect(result).toMatchObject({ ok: true, message: zh.admin.userCreated });
    const password = result.oneTimePassword!;
    expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
    const user = await db.user.findUniqueOrThrow({ where: { loginName: `new.liaison-${suffix}` } });
    expect(user).toMatchObject({ displayName: "李四", role: "LIAISON", departmentId, mustChangePassword: true, active: true });
    expect(user.passwordHash).not.toContain(password);
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    const events = await auditSince(before);
    expect(events).toEqual([{ action: "user.create", entityId: user.id, actorId: adminId, after: expect.objectContaining({ loginName: user.loginName, role: "LIAISON" }) }]);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it.each([
    ["a login name with a space", { loginName: "li si", displayName: "李四", role: "LIAISON", departmentId: "" }, zh.admin.invalidInput, zh.admin.loginNameInvalid],
    ["no name", { loginName: `noname-${suffix}`, displayName: "  ", role: "LEADER" }, zh.admin.invalidInput, zh.admin.displayNameRequired],
    ["a liaison without a department", { loginName: `nodept-${suffix}`, displayName: "王五", role: "LIAISON", departmentId: "" }, zh.admin.liaisonNeedsDepartment, null],
    ["a department that does not exist", { loginName: `baddept-${suffix}`, displayName: "王五", role: "LIAISON", departmentId: "no-such-department" }, zh.admin.departmentNotFound, null],
    ["a login name already in use (any case)", { loginName: `ACC-ADMIN-${suffix}`, displayName: "重复", role: "LEADER" }, zh.admin.loginNameTaken, null],
  ])("refuses %s in Chinese and creates nothing", async (_label, fields, message, fieldMessage) => {
    await signIn(adminId);
    const [users, before] = [await db.user.count(), await lastAuditId()];
    const result = await createUserAction(initialActionState, form(fields as Record<string, string>));
    expect(result).toMatchObject({ ok: false, message });
    expect(result.oneTimePassword).toBeUndefined();
    if (fieldMessage) expect(Object.values(result.fieldErrors ?? {}).flat()).toContain(fieldMessage);
    expect(await db.user.count()).toBe(users);
    expect(await auditSince(before)).toEqual([]);
  });

  it("is refused to a leader and to an administrator who has not yet chosen their own password", async () => {
    const leader = await db.user.create({ data: { loginName: `acc-leader-${suffix}`, displayName: "领导", role: "LEADER", passwordHash: "unused" } });
    const pendingAdmin = await db.user.create({ data: { loginName: `acc-pending-${suffix}`, displayName: "新管理员", role: "ADMIN", passwordHash: "unused", mustChangePassword: true } });
    for (const id of [leader.id, pendingAdmin.id]) {
      await signIn(id);
      const [users, before] = [await db.user.count(), await lastAuditId()];
      const result = await createUserAction(initialActionState, form({ loginName: `refused-${suffix}`, displayName: "不应创建", role: "LEADER" }));
      expect(result).toEqual({ ok: false, message: zh.authz.forbidden });
      expect(await db.user.count()).toBe(users);
      expect(await auditSince(before)).toEqual([]);
    }
  });
});

describe("first sign-in with a one-time password", () => {
  let userId = "";
  let password = "";
  beforeAll(async () => {
    state.cookie = `next-auth.session-token=${await encode({ token: { sub: adminId, sid: await openSession(db, adminId) }, secret })}`;
    const result = await createUserAction(initialActionState, form({ loginName: `first-${suffix}`, displayName: "赵六", role: "LIAISON", departmentId }));
    password = result.oneTimePassword!;
    userId = (await db.user.findUniqueOrThrow({ where: { loginName: `first-${suffix}` } })).id;
  });

  it("leads every page to the change-password page, and actions and routes see nobody", async () => {
    await signIn(userId);
    await expect(requireUser()).rejects.toThrow("redirect:/account/password");
    expect(await getActor()).toBeNull();
    // The change-password page itself opens.
    expect(await requireUser({ pendingPasswordChange: "allow" })).toMatchObject({ id: userId, mustChangePassword: true });
  });

  it.each([
    ["a wrong current password", { currentPassword: "not-the-password", newPassword: "Zhao-liu-2026", confirmPassword: "Zhao-liu-2026" }, zh.account.currentPasswordWrong, null],
    ["a short new password", { newPassword: "short", confirmPassword: "short" }, zh.account.invalidInput, zh.account.passwordTooShort],
    ["two different new passwords", { newPassword: "Zhao-liu-2026", confirmPassword: "Zhao-liu-2027" }, zh.account.invalidInput, zh.account.passwordMismatch],
    ["the same password again", { newPassword: "<same>", confirmPassword: "<same>" }, zh.account.samePassword, null],
    ["a new password over 72 bytes", { newPassword: "密".repeat(25), confirmPassword: "密".repeat(25) }, zh.account.invalidInput, zh.account.passwordTooLong],
  ])("refuses %s in Chinese and changes nothing", async (_label, fields, message, fieldMessage) => {
    const sid = await signIn(userId);
    const other = await openSession(db, userId);
    const [user, sessions, before] = [await db.user.findUniqueOrThrow({ where: { id: userId } }), await openSessions(userId), await lastAuditId()];
    const values = { currentPassword: password, ...fields } as Record<string, string>;
    if (values.newPassword === "<same>") values.newPassword = values.confirmPassword = password;
    const result = await changePasswordAction(initialActionState, form(values));
    expect(result).toMatchObject({ ok: false, message });
    if (fieldMessage) expect(Object.values(result.fieldErrors ?? {}).flat()).toContain(fieldMessage);
    expect(await db.user.findUniqueOrThrow({ where: { id: userId } })).toEqual(user);
    expect(await openSessions(userId)).toEqual(sessions);
    expect(sessions.map((s) => s.id)).toEqual(expect.arrayContaining([sid, other]));
    expect(await auditSince(before)).toEqual([]);
  });

  it("takes the user's own password, clears the flag, ends their other sessions and keeps this one", async () => {
    const sid = await signIn(userId);
    await openSession(db, userId);
    const before = await lastAuditId();
    const result = await changePasswordAction(initialActionState, form({ currentPassword: password, newPassword: "Zhao-liu-2026!", confirmPassword: "Zhao-liu-2026!" }));
    expect(result).toMatchObject({ ok: true, message: zh.account.passwordChanged });
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
    expect(user.mustChangePassword).toBe(false);
    expect(await verifyPassword("Zhao-liu-2026!", user.passwordHash)).toBe(true);
    expect(await verifyPassword(password, user.passwordHash)).toBe(false);
    expect(await openSessions(userId)).toEqual([{ id: sid }]);
    expect(await auditSince(before)).toEqual([{ action: "user.change_password", entityId: userId, actorId: userId, after: { sessionsEnded: expect.any(Number) } }]);
    expect(((await auditSince(before))[0]!.after as { sessionsEnded: number }).sessionsEnded).toBeGreaterThanOrEqual(1);
    // Pages open now.
    expect(await requireUser()).toMatchObject({ id: userId, mustChangePassword: false });
    expect(await getActor()).toMatchObject({ id: userId });
  });
});

describe("an administrator resets a password", () => {
  it("sets a new one-time password, ends all the user's sessions, flags a change, and audits it", async () => {
    const target = await db.user.create({ data: { loginName: `reset-${suffix}`, displayName: "孙七", role: "LEADER", passwordHash: await hashPassword("Old-password-1") } });
    await openSession(db, target.id);
    await openSession(db, target.id);
    await signIn(adminId);
    const before = await lastAuditId();
    const result = await resetPasswordAction(initialActionState, form({ userId: target.id }));
    expect(result).toMatchObject({ ok: true, message: zh.admin.passwordReset });
    const password = result.oneTimePassword!;
    const user = await db.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(user.mustChangePassword).toBe(true);
    expect(await verifyPassword(password, user.passwordHash)).toBe(true);
    expect(await verifyPassword("Old-password-1", user.passwordHash)).toBe(false);
    expect(await openSessions(target.id)).toEqual([]);
    const events = await auditSince(before);
    expect(events).toEqual([{ action: "user.reset_password", entityId: target.id, actorId: adminId, after: { sessionsEnded: 2 } }]);
    expect(JSON.stringify(events)).not.toContain(password);
  });

  it("refuses the administrator's own account, an unknown one, and a leader, changing nothing", async () => {
    const target = await db.user.create({ data: { loginName: `noreset-${suffix}`, displayName: "周八", role: "LEADER", passwordHash: "kept" } });
    const leader = await db.user.create({ data: { loginName: `reset-leader-${suffix}`, displayName: "领导", role: "LEADER", passwordHash: "kept" } });
    const cases: [string, string, string][] = [
      [adminId, adminId, zh.admin.cannotChangeSelf],
      [adminId, "no-such-user", zh.admin.notFound],
      [leader.id, target.id, zh.authz.forbidden],
    ];
    for (const [caller, userId, message] of cases) {
      await signIn(caller);
      const users = await db.user.findMany({ orderBy: { id: "asc" } });
      const before = await lastAuditId();
      const result = await resetPasswordAction(initialActionState, form({ userId }));
      expect(result).toEqual({ ok: false, message });
      expect(await db.user.findMany({ orderBy: { id: "asc" } })).toEqual(users);
      expect(await auditSince(before)).toEqual([]);
    }
  });
});
