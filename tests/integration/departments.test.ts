/**
 * Administrators add departments (市直部门 or 县市区) through the server action: validated, refused
 * in Chinese when a name is already taken, audited, and refused to everyone else; and correct a
 * department's short name, full name, aliases and kind (市直部门 ↔ 县市区) the same way.
 */
import { afterAll, describe, expect, it, vi } from "vitest";
import zh from "../../messages/zh-CN.json";
import { createDepartmentAction, updateDepartmentAction } from "@/features/admin/actions";
import { initialActionState } from "@/lib/action-state";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const admin: CurrentUser = { id: "", loginName: `dept-admin-${suffix}`, displayName: "管理员", role: "ADMIN", departmentId: null, departmentName: null };

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}
const lastAuditId = async () => (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
const departments = () => db.department.findMany({ orderBy: { id: "asc" } });

afterAll(() => db.$disconnect());

describe("an administrator adds a department", () => {
  it("creates a 县市区 with its aliases, after the others, and audits it", async () => {
    admin.id = (await db.user.create({ data: { loginName: admin.loginName, displayName: "管理员", role: "ADMIN", passwordHash: "unused" } })).id;
    state.user = admin;
    const before = await lastAuditId();
    const highest = (await db.department.aggregate({ _max: { sortOrder: true } }))._max.sortOrder ?? 0;
    const result = await createDepartmentAction(initialActionState, form({ shortName: ` 阳新县${suffix} `, fullName: "阳新县人民政府", aliases: "阳新、阳新县政府", kind: "COUNTY" }));
    expect(result).toMatchObject({ ok: true, message: zh.admin.departmentCreated });
    const created = await db.department.findUniqueOrThrow({ where: { shortName: `阳新县${suffix}` } });
    expect(created).toMatchObject({ fullName: "阳新县人民政府", aliases: ["阳新", "阳新县政府"], kind: "COUNTY", sortOrder: highest + 1 });
    const events = await db.auditEvent.findMany({ where: { id: { gt: before } } });
    expect(events.map((e) => [e.action, e.entityId, e.actorId])).toEqual([["department.create", created.id, admin.id]]);
  });

  it.each([
    ["no short name", { shortName: " ", fullName: "某局", aliases: "", kind: "CITY" }, zh.admin.invalidInput, zh.admin.shortNameRequired],
    ["no full name", { shortName: `某局${suffix}`, fullName: "", aliases: "", kind: "CITY" }, zh.admin.invalidInput, zh.admin.fullNameRequired],
    ["an unknown kind", { shortName: `某局${suffix}`, fullName: "某局", aliases: "", kind: "PROVINCE" }, zh.admin.invalidInput, zh.admin.kindRequired],
    ["a short name another department has", { shortName: `阳新县${suffix}`, fullName: "重复", aliases: "", kind: "COUNTY" }, zh.admin.departmentNameTaken, null],
    ["a short name that is another department's alias", { shortName: "阳新县政府", fullName: "重复", aliases: "", kind: "COUNTY" }, zh.admin.departmentNameTaken, null],
    ["an alias that is another department's alias", { shortName: `新县${suffix}`, fullName: "重复", aliases: "阳新", kind: "COUNTY" }, zh.admin.departmentNameTaken, null],
  ])("refuses %s in Chinese and adds nothing", async (_label, fields, message, fieldMessage) => {
    state.user = admin;
    const [all, before] = [await departments(), await lastAuditId()];
    const result = await createDepartmentAction(initialActionState, form(fields));
    expect(result).toMatchObject({ ok: false, message });
    if (fieldMessage) expect(Object.values(result.fieldErrors ?? {}).flat()).toContain(fieldMessage);
    expect(await departments()).toEqual(all);
    expect(await lastAuditId()).toBe(before);
  });
});

describe("an administrator edits a department", () => {
  it("changes its short name, full name, aliases and kind (县市区 → 市直部门), and audits the change", async () => {
    state.user = admin;
    const department = await db.department.findUniqueOrThrow({ where: { shortName: `阳新县${suffix}` } });
    const before = await lastAuditId();
    const result = await updateDepartmentAction(
      initialActionState,
      form({ departmentId: department.id, shortName: `阳新${suffix}`, fullName: "阳新县人民政府办公室", aliases: "阳新县政府", kind: "CITY" }),
    );
    expect(result).toMatchObject({ ok: true, message: zh.admin.saved });
    expect(await db.department.findUniqueOrThrow({ where: { id: department.id } })).toMatchObject({
      shortName: `阳新${suffix}`,
      fullName: "阳新县人民政府办公室",
      aliases: ["阳新县政府"],
      kind: "CITY",
    });
    const events = await db.auditEvent.findMany({ where: { id: { gt: before } } });
    expect(events.map((e) => [e.action, e.entityId, (e.before as { kind: string }).kind, (e.after as { kind: string }).kind])).toEqual([
      ["department.update", department.id, "COUNTY", "CITY"],
    ]);
  });

  it.each([
    ["another department's short name", { shortName: `大冶${suffix}`, kind: "CITY" }, zh.admin.departmentNameTaken],
    ["an unknown kind", { shortName: `阳新${suffix}`, kind: "TOWN" }, zh.admin.invalidInput],
    ["an empty short name", { shortName: "", kind: "CITY" }, zh.admin.invalidInput],
  ])("refuses %s in Chinese and changes nothing", async (_label, fields, message) => {
    state.user = admin;
    await db.department.upsert({ where: { shortName: `大冶${suffix}` }, create: { shortName: `大冶${suffix}`, fullName: "大冶市人民政府", kind: "COUNTY" }, update: {} });
    const department = await db.department.findUniqueOrThrow({ where: { shortName: `阳新${suffix}` } });
    const [all, before] = [await departments(), await lastAuditId()];
    const result = await updateDepartmentAction(initialActionState, form({ departmentId: department.id, fullName: "某某", aliases: "", ...fields }));
    expect(result).toMatchObject({ ok: false, message });
    expect(await departments()).toEqual(all);
    expect(await lastAuditId()).toBe(before);
  });
});
