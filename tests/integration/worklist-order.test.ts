/**
 * 我的填报 (decision 028): for a department on both the ended shipped plan and the running test plan,
 * what needs action now (the running plan's periods, returned reports) comes first; the ended plan's
 * unreported periods are history, by quarter, newest first; filters by plan, status and quarter.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedPlanFiles, seedShippedPlans, testPlanFiles } from "../../scripts/lib/seed";
import { SHIPPED_PLAN } from "../support/plans";
import { arrangeWorklist, filterWorklist, parseWorklistFilter, quarterKeyOf } from "@/lib/worklist";
import type { Actor } from "@/lib/permissions";
import { db } from "@/server/db";

// A database of its own: the order is asserted exactly, and other files leave returned reports and plans in the shared one.
const scratch = vi.hoisted(() => ({ drop: null as null | (() => Promise<void>) }));
vi.mock("@/server/db", async () => (await import("../support/scratch-database")).scratchDbModule(scratch));
const { getWorklist } = await import("@/features/reports/queries");

const TEST_PLAN = "hs-gsyf-2026-2030";
const TODAY = "2026-12-02";
let liaison: Actor;
let departmentId = "";
let returnedPeriodId = "";

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedPlanFiles(db, testPlanFiles);
  const dept = await db.department.findUniqueOrThrow({ where: { shortName: "市卫健委" } });
  departmentId = dept.id;
  const u = await db.user.create({ data: { loginName: `worklist-${Date.now().toString(36)}`, displayName: "联络员", role: "LIAISON", departmentId, passwordHash: "unused" } });
  liaison = { id: u.id, loginName: u.loginName, role: "LIAISON", departmentId, ip: "127.0.0.1" };
  // A report of the ended plan returned for rework: it still needs action now.
  const period = await db.reportingPeriod.findFirstOrThrow({
    // Any quarter of 2025 this department has not reported on: other files share the database and report on some.
    where: { kind: "QUARTER", periodEnd: { gte: new Date("2025-01-01T00:00:00Z"), lte: new Date("2025-12-31T00:00:00Z") }, reports: { none: { departmentId } }, measure: { closedAt: null, withdrawnAt: null, keyTask: { plan: { code: SHIPPED_PLAN } }, departments: { some: { departmentId, isLead: true } } } },
  });
  returnedPeriodId = period.id;
  await db.progressReport.create({ data: { periodId: period.id, measureId: period.measureId, departmentId, isLead: true, state: "RETURNED", returnReason: "请补充数据" } });
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop?.();
});

describe("我的填报", () => {
  it("puts the returned report and the running plan first, and the ended plan's periods in history by quarter, newest first", async () => {
    const items = await getWorklist(liaison, departmentId, TODAY, "zh-CN");
    const { now, history } = arrangeWorklist(items);
    expect(now[0]).toMatchObject({ periodId: returnedPeriodId, urgency: "RETURNED", planCode: SHIPPED_PLAN });
    expect(now.slice(1).length).toBeGreaterThan(0);
    expect(now.slice(1).every((i) => i.planCode === TEST_PLAN)).toBe(true);
    // The running plan's current quarter is on the first screen, not after years of history.
    expect(now.some((i) => quarterKeyOf(i.periodEnd) === "2026-Q4" || quarterKeyOf(i.periodEnd) === "2026-Q3")).toBe(true);
    expect(history.length).toBeGreaterThan(1);
    expect(history.flatMap((g) => g.items).every((i) => i.planCode === SHIPPED_PLAN && i.urgency !== "RETURNED")).toBe(true);
    expect(history.map((g) => g.quarter)).toEqual([...history.map((g) => g.quarter)].sort().reverse());
    expect(history.at(-1)!.quarter.startsWith("2021")).toBe(true);
    expect(now.length + history.reduce((n, g) => n + g.items.length, 0)).toBe(items.length);
  });

  it("filters by plan, status and quarter as the address says", async () => {
    const items = await getWorklist(liaison, departmentId, TODAY, "zh-CN");
    const codes = [SHIPPED_PLAN, TEST_PLAN];
    const byPlan = filterWorklist(items, parseWorklistFilter({ plan: TEST_PLAN }, codes));
    expect(byPlan.length).toBeGreaterThan(0);
    expect(byPlan.every((i) => i.planCode === TEST_PLAN)).toBe(true);
    expect(filterWorklist(items, parseWorklistFilter({ status: "RETURNED" }, codes)).map((i) => i.periodId)).toEqual([returnedPeriodId]);
    const q = filterWorklist(items, parseWorklistFilter({ quarter: "2021-Q1", plan: SHIPPED_PLAN }, codes));
    expect(q.length).toBeGreaterThan(0);
    expect(q.every((i) => i.periodEnd >= "2021-01-01" && i.periodEnd <= "2021-03-31")).toBe(true);
    expect(arrangeWorklist(q).now).toEqual([]);
  });
});
