/**
 * An administrator sets a user's e-mail address through the server action:
 * validated, audited like the other user edits, and refused with a message in
 * the administrator's language.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { setUserEmailAction } from "@/features/admin/actions";
import { setUserEmail } from "@/features/admin/mutations";
import { initialActionState } from "@/lib/action-state";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

/** Who is signed in, and in which language they read. */
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, locale: "zh-CN" as "zh-CN" | "en" }));

vi.mock("@/server/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth")>()),
  getCurrentUser: async () => state.user,
  getActor: async () => (state.user ? { ...state.user, ip: "127.0.0.1" } : null),
  requestAddress: async () => "127.0.0.1",
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = { "zh-CN": (await import("../../messages/zh-CN.json")).default, en: (await import("../../messages/en.json")).default };
  return {
    getTranslations: async (namespace: "admin" | "errors") => createTranslator({ locale: state.locale, messages: messages[state.locale], namespace, timeZone: "Asia/Shanghai" }),
  };
});
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let admin: CurrentUser;
let targetId = "";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

async function trail() {
  return (await db.auditEvent.findMany({ where: { entityId: targetId, action: "user.change_email" }, orderBy: { id: "asc" } })).map((e) => ({
    actorId: e.actorId,
    before: e.before,
    after: e.after,
  }));
}

beforeAll(async () => {
  const a = await db.user.create({ data: { loginName: `email-admin-${suffix}`, displayName: "管理员", role: "ADMIN", passwordHash: "unused" } });
  admin = { id: a.id, loginName: a.loginName, displayName: a.displayName, role: "ADMIN", departmentId: null, departmentName: null };
  targetId = (await db.user.create({ data: { loginName: `email-target-${suffix}`, displayName: "王芳", role: "LEADER", passwordHash: "unused" } })).id;
});
afterAll(() => db.$disconnect());

describe("setting a user's e-mail address", () => {
  it("saves a trimmed address, removes it when the field is emptied, and audits each change", async () => {
    state.user = admin;
    state.locale = "zh-CN";
    const address = `wang.fang.${suffix}@example.gov.cn`;
    expect(await setUserEmailAction(initialActionState, form({ userId: targetId, email: `  ${address}  ` }))).toMatchObject({ ok: true, message: zh.admin.saved });
    expect((await db.user.findUniqueOrThrow({ where: { id: targetId } })).email).toBe(address);
    // The same address again changes nothing and records nothing.
    expect(await setUserEmailAction(initialActionState, form({ userId: targetId, email: address }))).toMatchObject({ ok: true });
    expect(await setUserEmailAction(initialActionState, form({ userId: targetId, email: "" }))).toMatchObject({ ok: true, message: zh.admin.saved });
    expect((await db.user.findUniqueOrThrow({ where: { id: targetId } })).email).toBeNull();
    expect(await trail()).toEqual([
      { actorId: admin.id, before: { email: null }, after: { email: address } },
      { actorId: admin.id, before: { email: address }, after: { email: null } },
    ]);
  });

  it.each([
    ["zh-CN", zh.admin.emailInvalid, zh.admin.invalidInput],
    ["en", en.admin.emailInvalid, en.admin.invalidInput],
  ] as const)("refuses a malformed address with the message in %s, and changes nothing", async (locale, fieldMessage, formMessage) => {
    state.user = admin;
    state.locale = locale;
    await db.user.update({ where: { id: targetId }, data: { email: `kept.${suffix}@example.gov.cn` } });
    const audited = (await trail()).length;
    const result = await setUserEmailAction(initialActionState, form({ userId: targetId, email: "wang.fang@" }));
    expect(result).toEqual({ ok: false, message: formMessage, fieldErrors: { email: [fieldMessage] } });
    expect(fieldMessage).toMatch(locale === "en" ? /valid e-mail address/ : /有效的电子邮箱地址/);
    expect((await db.user.findUniqueOrThrow({ where: { id: targetId } })).email).toBe(`kept.${suffix}@example.gov.cn`);
    expect(await trail()).toHaveLength(audited);
  });

  it("is refused to anyone but an administrator", async () => {
    const leader = await db.user.create({ data: { loginName: `email-leader-${suffix}`, displayName: "领导", role: "LEADER", passwordHash: "unused" } });
    state.user = { id: leader.id, loginName: leader.loginName, displayName: leader.displayName, role: "LEADER", departmentId: null, departmentName: null };
    state.locale = "zh-CN";
    const before = (await db.user.findUniqueOrThrow({ where: { id: targetId } })).email;
    expect(await setUserEmailAction(initialActionState, form({ userId: targetId, email: `x.${suffix}@example.gov.cn` }))).toEqual({ ok: false, message: zh.authz.forbidden });
    expect((await db.user.findUniqueOrThrow({ where: { id: targetId } })).email).toBe(before);
  });

  it("answers an unknown user with notFound", async () => {
    await expect(setUserEmail(db, admin, { userId: `missing-${suffix}`, email: null })).rejects.toThrow("notFound");
  });
});
