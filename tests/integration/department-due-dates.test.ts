/**
 * Finding 12 of issue 8: an approved extension of a supporting department moved the lead
 * department's due date (the measure's), because it moved the period's due date for everyone.
 * Now each department's obligation keeps its own due date: the report pages, the dashboard (live
 * and replayed "as of" a day) and the notification scan all read it through one rule.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { computeDashboard } from "../../src/features/dashboard/compute";
import { decideExtension, requestExtension } from "../../src/features/reports/mutations";
import type { Actor } from "../../src/lib/permissions";
import { scanNotifications } from "../../src/features/notifications/scan";
import { addDays } from "../../src/lib/periods";
import { isoDay, todayInChina } from "../../src/lib/due";
import { testDb } from "../support/db";

const db = testDb();
vi.mock("@/server/db", () => ({ db }));
const { loadDashboardInput } = await import("../../src/features/dashboard/queries");
const { getDecidedExtensions, getPeriodDetail, getWorklist } = await import("../../src/features/reports/queries");

const suffix = Date.now().toString(36);
const plan = {
  plan: { code: `due-${suffix}`, title: "延期测试计划", issuer: "测试", startYear: 2026, endYear: 2026 },
  departments: [
    { shortName: "丙局", fullName: "丙局全称", aliases: [], sortOrder: 201 },
    { shortName: "丁局", fullName: "丁局全称", aliases: [], sortOrder: 202 },
  ],
  keyTasks: [{ number: 1, title: "任务一", measures: [{ number: 1, text: "措施一。", departmentsText: "丙局、丁局", timeArrangement: "每季度" }] }],
};

let planId = "";
let leadId = "";
let supportId = "";
let periodId = "";
let leadLiaison: Actor;
let supportLiaison: Actor;
let admin: Actor;
const today = todayInChina();
/** The supporting department's new date: well after today, so its part is on track again. */
const extended = addDays(today, 60);
const Q3_DUE = "2026-10-10";

async function account(loginName: string, role: "ADMIN" | "LIAISON", departmentId: string | null): Promise<Actor> {
  const u = await db.user.create({ data: { loginName, displayName: loginName, passwordHash: "x", role, departmentId } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

beforeAll(async () => {
  await seedPlan(db, plan);
  planId = (await db.plan.findUniqueOrThrow({ where: { code: plan.plan.code } })).id;
  leadId = (await db.department.findUniqueOrThrow({ where: { shortName: "丙局" } })).id;
  supportId = (await db.department.findUniqueOrThrow({ where: { shortName: "丁局" } })).id;
  const period = await db.reportingPeriod.findFirstOrThrow({
    where: { kind: "QUARTER", periodEnd: new Date("2026-09-30T00:00:00Z"), measure: { keyTask: { planId } } },
    include: { measure: { include: { departments: true } } },
  });
  expect(period.measure.departments.find((d) => d.isLead)?.departmentId).toBe(leadId);
  expect(isoDay(period.dueDate)).toBe(Q3_DUE);
  periodId = period.id;
  [leadLiaison, supportLiaison, admin] = await Promise.all([
    account(`bing-${suffix}`, "LIAISON", leadId),
    account(`ding-${suffix}`, "LIAISON", supportId),
    account(`admin-${suffix}`, "ADMIN", null),
  ]);
  const id = await requestExtension(db, supportLiaison, { periodId, requestedDueDate: extended, reason: "等待省厅数据" });
  await decideExtension(db, admin, { extensionId: id, approve: true, note: "同意" });
});
afterAll(() => db.$disconnect());

describe("an approved extension of a supporting department", () => {
  it("stays in the administrators' history of decisions, with who decided and the note, and nobody else reads it", async () => {
    const { rows, total } = await getDecidedExtensions(admin, undefined, 500);
    const mine = rows.find((r) => r.period.id === periodId && r.department.shortName === "丁局");
    expect(mine).toMatchObject({ state: "APPROVED", decisionNote: "同意", decidedBy: admin.loginName, reason: "等待省厅数据" });
    expect(total).toBeGreaterThanOrEqual(1);
    expect(await getDecidedExtensions(supportLiaison, undefined, 500)).toEqual({ total: 0, page: 1, rows: [] });
  });

  it("moves the supporting department's due date and leaves the period's and the lead's", async () => {
    expect(isoDay((await db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } })).dueDate)).toBe(Q3_DUE);
    const own = await db.departmentDueDate.findMany({ where: { periodId } });
    expect(own.map((o) => [o.departmentId, isoDay(o.dueDate)])).toEqual([[supportId, extended]]);

    const detail = await getPeriodDetail(admin, periodId);
    expect(detail?.departmentDueDates).toEqual({ [leadId]: Q3_DUE, [supportId]: extended });
  });

  it("shows each department its own date in 我的填报", async () => {
    const lead = (await getWorklist(leadLiaison, leadId, today, "zh-CN")).find((w) => w.periodId === periodId);
    const support = (await getWorklist(supportLiaison, supportId, today, "zh-CN")).find((w) => w.periodId === periodId);
    expect(lead).toMatchObject({ dueDate: Q3_DUE, urgency: "OVERDUE" });
    expect(support?.dueDate).toBe(extended);
    expect(support?.urgency).not.toBe("OVERDUE");
  });

  it("keeps the measure (the lead's part) overdue on the dashboard, today and in the replay", async () => {
    const input = await loadDashboardInput(planId);
    const now = computeDashboard(input, today);
    const measure = now.measures.find((m) => m.keyTaskNumber === 1)!;
    expect(measure).toMatchObject({ status: "OVERDUE", light: "RED" });
    const overdue = now.overdue.filter((o) => o.periodId === periodId).map((o) => [o.departmentId, o.dueDate]);
    expect(overdue).toEqual([[leadId, Q3_DUE]]);

    // As of the day before the approval, both departments were overdue on the period's date.
    const before = computeDashboard(input, addDays(today, -1));
    expect(before.overdue.filter((o) => o.periodId === periodId).map((o) => [o.departmentId, o.dueDate]).sort()).toEqual(
      [[leadId, Q3_DUE], [supportId, Q3_DUE]].sort(),
    );
  });

  it("tells the lead, not the supporting department, that the period is overdue", async () => {
    // The scan as it ran five days after the period's due date.
    await scanNotifications(db, new Date("2026-10-15T02:00:00Z"));
    const notes = await db.notification.findMany({ where: { userId: { in: [leadLiaison.id, supportLiaison.id] }, link: `/reports/${periodId}` } });
    const byUser = (id: string) => notes.filter((n) => n.userId === id && n.kind !== "EXTENSION_DECIDED").map((n) => n.dedupeKey);
    expect(byUser(leadLiaison.id)).toEqual([`overdue:${periodId}:${Q3_DUE}`]);
    expect(byUser(supportLiaison.id)).toEqual([]);
  });

  it("measures the next request of the supporting department from its own date", async () => {
    await expect(requestExtension(db, supportLiaison, { periodId, requestedDueDate: addDays(extended, -1), reason: "再延" })).rejects.toMatchObject({ key: "extensionDate" });
    const id = await requestExtension(db, leadLiaison, { periodId, requestedDueDate: addDays(Q3_DUE, 1), reason: "牵头单位延期" });
    expect(isoDay((await db.extensionRequest.findUniqueOrThrow({ where: { id } })).currentDueDate)).toBe(Q3_DUE);
  });
});
