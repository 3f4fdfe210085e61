import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import type { Actor } from "../../src/lib/permissions";
import { isoDay } from "../../src/lib/due";
import { testDb } from "../support/db";

const db = testDb();
vi.mock("@/server/db", () => ({ db }));
const { getReviewQueue, getReviewQueueFacets } = await import("../../src/features/reports/queries");

const suffix = Date.now().toString(36);
const plan = {
  plan: { code: `rq-${suffix}`, title: `审核队列测试计划${suffix}`, issuer: "测试", startYear: 2026, endYear: 2026 },
  departments: [{ shortName: `戊局${suffix}`, fullName: "戊局全称", aliases: [], sortOrder: 301 }],
  keyTasks: [
    { number: 1, title: "任务一", measures: [{ number: 1, text: "措施一。", departmentsText: `戊局${suffix}`, timeArrangement: "每季度" }] },
    { number: 2, title: "任务二", measures: [{ number: 1, text: "措施二。", departmentsText: `戊局${suffix}`, timeArrangement: "2026年9月底前" }] },
  ],
};
const admin: Actor = { id: "", loginName: "admin", role: "ADMIN", departmentId: null, ip: null };
let liaison: Actor;
let deadlinePeriodId = "";
let quarterPeriodId = "";
let taskTwoId = "";

beforeAll(async () => {
  await seedPlan(db, plan);
  const department = await db.department.findUniqueOrThrow({ where: { shortName: `戊局${suffix}` } });
  liaison = { id: "", loginName: "l", role: "LIAISON", departmentId: department.id, ip: null };
  const periods = await db.reportingPeriod.findMany({ where: { measure: { keyTask: { plan: { code: plan.plan.code } } } }, include: { measure: { include: { keyTask: true } } } });
  const deadline = periods.find((p) => p.kind === "MILESTONE" && p.measure.keyTask.number === 2)!;
  const quarter = periods.find((p) => p.kind === "QUARTER" && p.measure.keyTask.number === 1 && isoDay(p.periodEnd) === "2026-06-30")!;
  deadlinePeriodId = deadline.id;
  quarterPeriodId = quarter.id;
  taskTwoId = deadline.measure.keyTaskId;
  for (const p of [deadline, quarter]) {
    await db.progressReport.create({ data: { periodId: p.id, measureId: p.measureId, departmentId: department.id, isLead: true, state: "SUBMITTED", submittedAt: new Date(), workDone: "已完成" } });
  }
});
afterAll(() => db.$disconnect());

describe("the review queue's filters", () => {
  it("offer the periods awaiting review, deadlines included, and the key tasks by name", async () => {
    const facets = await getReviewQueueFacets(admin);
    expect(facets.periods).toEqual(expect.arrayContaining([{ kind: "MILESTONE", periodEnd: "2026-09-30" }, { kind: "QUARTER", periodEnd: "2026-06-30" }]));
    // Nothing awaits review in 2030: no such option.
    expect(facets.periods.some((p) => p.periodEnd.startsWith("2030"))).toBe(false);
    expect(facets.keyTasks.filter((k) => k.plan.title === plan.plan.title).map((k) => `${k.number}. ${k.title}`)).toEqual(["1. 任务一", "2. 任务二"]);
  });

  it("filter by a deadline period and by a key task", async () => {
    const byPeriod = await getReviewQueue(admin, { period: { kind: "MILESTONE", periodEnd: "2026-09-30" } });
    expect(byPeriod.rows.map((r) => r.period.id)).toContain(deadlinePeriodId);
    expect(byPeriod.rows.map((r) => r.period.id)).not.toContain(quarterPeriodId);
    const byTask = await getReviewQueue(admin, { keyTaskId: taskTwoId });
    expect(byTask.rows.map((r) => r.period.id)).toEqual([deadlinePeriodId]);
  });

  it("are nobody's but the reviewers'", async () => {
    expect(await getReviewQueueFacets(liaison)).toEqual({ keyTasks: [], periods: [] });
  });
});
