/**
 * Finding 7 of issue 8: hostile or mistaken input must get a clear message and change nothing,
 * never a 500, a rolled-over date or an internal message key. The server actions are called
 * directly, as a browser's form post would.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import messages from "../../messages/zh-CN.json";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { requestExtensionAction, saveReportAction } from "@/features/reports/actions";
import { setPeriodDueDateAction } from "@/features/plan/actions";
import { updateDepartmentAction } from "@/features/admin/actions";
import { seedDemoAccounts } from "@/features/seed/seed-demo";
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
vi.mock("@/server/evidence-store", async () => {
  const { folderStore } = await import("@/features/reports/evidence");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync(`${tmpdir()}/duban-input-`);
  return { evidenceStore: () => folderStore(dir), evidenceLimits: () => ({ maxBytes: 1024 * 1024, maxFiles: 5 }) };
});

async function user(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  return f;
};

let liaison: CurrentUser;
let admin: CurrentUser;
/** Periods of a measure the liaison's department leads, none reported on by other test files. */
let periods: { id: string; version: number; dueDate: Date }[];

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  [liaison, admin] = await Promise.all([user("yjj"), user("admin")]);
  const measure = await db.measure.findFirstOrThrow({
    where: { departments: { some: { departmentId: liaison.departmentId!, isLead: true } }, periods: { none: { reports: { some: {} } } } },
    orderBy: [{ keyTask: { number: "desc" } }, { number: "desc" }],
    select: { id: true },
  });
  periods = await db.reportingPeriod.findMany({ where: { measureId: measure.id }, orderBy: { periodEnd: "asc" }, select: { id: true, version: true, dueDate: true } });
  expect(periods.length).toBeGreaterThanOrEqual(4);
});
afterAll(() => db.$disconnect());

const report = (periodId: string, over: Record<string, string> = {}) =>
  form({ periodId, expectedVersion: "0", intent: "save", progress: "IN_PROGRESS", workDone: "已召开专题会议。", problems: "", nextSteps: "", ...over });

describe("bad input to the report form", () => {
  it("refuses NUL in the text with a Chinese message beside the field, and saves nothing", async () => {
    state.user = liaison;
    const outcome = await saveReportAction(initialActionState, report(periods[0].id, { workDone: "已召开\u0000专题会议" }));
    expect(outcome).toMatchObject({ ok: false, message: messages.reports.invalidInput, fieldErrors: { workDone: [messages.reports.textInvalid] } });
    expect(await db.progressReport.count({ where: { periodId: periods[0].id } })).toBe(0);
  });

  it("refuses a version beyond INTEGER as invalid input, not as a failure with a reference", async () => {
    state.user = liaison;
    const outcome = await saveReportAction(initialActionState, report(periods[0].id, { expectedVersion: "2147483648" }));
    expect(outcome).toMatchObject({ ok: false, message: messages.reports.invalidInput });
    expect(await db.progressReport.count({ where: { periodId: periods[0].id } })).toBe(0);
  });

  it("tells the loser of two simultaneous first saves which version now stands, never the key", async () => {
    state.user = liaison;
    const outcomes = await Promise.all([
      saveReportAction(initialActionState, report(periods[1].id, { workDone: "甲的内容" })),
      saveReportAction(initialActionState, report(periods[1].id, { workDone: "乙的内容" })),
    ]);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
    const loser = outcomes.find((o) => !o.ok)!;
    expect(loser.message).toBe(messages.reports.conflict.replace("{current}", "1"));
    expect(loser.message).not.toContain("reports.");
    // What the loser typed comes back to the form.
    expect(loser.unsaved?.workDone).toMatch(/^(甲|乙)的内容$/);
  });
});

describe("dates that are not on the calendar", () => {
  it("refuses 2027-02-30 for an extension instead of storing 2027-03-02", async () => {
    state.user = liaison;
    const outcome = await requestExtensionAction(initialActionState, form({ periodId: periods[2].id, requestedDueDate: "2027-02-30", reason: "等待省厅文件" }));
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { requestedDueDate: [messages.reports.extensionDateInvalid] } });
    expect(await db.extensionRequest.count({ where: { periodId: periods[2].id } })).toBe(0);
  });

  it("asks for a date when the extension date is left empty, instead of comparing it with the due date", async () => {
    state.user = liaison;
    const outcome = await requestExtensionAction(initialActionState, form({ periodId: periods[2].id, requestedDueDate: "", reason: "等待省厅文件" }));
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { requestedDueDate: [messages.reports.dateRequired] } });
    expect(await db.extensionRequest.count({ where: { periodId: periods[2].id } })).toBe(0);
  });

  it("refuses month 13 for an administrator's due date", async () => {
    state.user = admin;
    const outcome = await setPeriodDueDateAction(initialActionState, form({ periodId: periods[3].id, expectedVersion: String(periods[3].version), dueDate: "2027-13-01" }));
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { dueDate: [messages.admin.dateInvalid] } });
    const after = await db.reportingPeriod.findUniqueOrThrow({ where: { id: periods[3].id } });
    expect(after.dueDate).toEqual(periods[3].dueDate);
  });
});

describe("bad input to the administrators' forms", () => {
  it("refuses NUL in a department's name and changes nothing", async () => {
    state.user = admin;
    const department = await db.department.findUniqueOrThrow({ where: { id: liaison.departmentId! } });
    const outcome = await updateDepartmentAction(initialActionState, form({ departmentId: department.id, fullName: "黄石市\u0000应急管理局", aliases: "" }));
    expect(outcome).toMatchObject({ ok: false, fieldErrors: { fullName: [messages.admin.textInvalid] } });
    expect((await db.department.findUniqueOrThrow({ where: { id: department.id } })).fullName).toBe(department.fullName);
  });
});
