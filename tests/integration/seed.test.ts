import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { demoAccounts, seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { ensureReportingPeriods } from "../../src/features/seed/seed-plan";
import { testDb } from "../support/db";

const db = testDb();
const PLAN = "hs-gsyf-2021-2025";

/** Every row of every table the seed writes, in a stable order. */
async function snapshot() {
  return {
    plans: await db.plan.findMany({ orderBy: { code: "asc" } }),
    tasks: await db.keyTask.findMany({ orderBy: [{ planId: "asc" }, { number: "asc" }] }),
    measures: await db.measure.findMany({ orderBy: [{ keyTaskId: "asc" }, { number: "asc" }] }),
    departments: await db.department.findMany({ orderBy: { shortName: "asc" } }),
    assignments: await db.measureDepartment.findMany({ orderBy: [{ measureId: "asc" }, { departmentId: "asc" }] }),
    indicators: await db.indicator.findMany({ orderBy: [{ measureId: "asc" }, { key: "asc" }] }),
    users: await db.user.findMany({ where: { loginName: { in: demoAccounts().map((a) => a.loginName) } }, orderBy: { loginName: "asc" } }),
  };
}

async function measure(task: number, number: number) {
  return db.measure.findFirstOrThrow({
    where: { number, keyTask: { number: task, plan: { code: PLAN } } },
    include: { departments: { include: { department: true }, orderBy: { sortOrder: "asc" } }, indicators: true },
  });
}

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
});
afterAll(() => db.$disconnect());

describe("seed of the 2021—2025 plan", () => {
  it("imports exactly 11 key tasks, 34 measures and 8 departments", async () => {
    const plan = await db.plan.findUniqueOrThrow({ where: { code: PLAN } });
    expect(plan.startYear).toBe(2021);
    expect(plan.endYear).toBe(2025);
    expect(await db.keyTask.count({ where: { planId: plan.id } })).toBe(11);
    expect(await db.measure.count({ where: { keyTask: { planId: plan.id } } })).toBe(34);
    // Other files add departments of their own crafted plans to this database.
    expect(await db.department.count({ where: { measures: { some: { measure: { keyTask: { planId: plan.id } } } } } })).toBe(8);
  });

  it("changes nothing when run a second time", async () => {
    const before = await snapshot();
    const [report] = await seedShippedPlans(db);
    expect(report).toMatchObject({ planCreated: false, keyTasksCreated: 0, measuresCreated: 0, departmentsCreated: 0 });
    expect(await seedDemoAccounts(db)).toBe(0);
    expect(await snapshot()).toEqual(before);
  });

  it("expands 市人社局等8部门 to all 8 departments with 市人社局 leading, and records the inference", async () => {
    const m = await measure(3, 4);
    expect(m.departmentsText).toBe("市人社局等8部门");
    expect(m.departmentsInferred).toBe(true);
    expect(m.departments).toHaveLength(8);
    expect(m.departments.filter((d) => d.isLead).map((d) => d.department.shortName)).toEqual(["市人社局"]);
  });

  it("resolves 市住建委 to 市住建局 and keeps the text as issued", async () => {
    const m = await measure(1, 2);
    expect(m.departmentsText).toContain("市住建委");
    expect(m.departments.map((d) => d.department.shortName)).toEqual(["市住建局", "市交运局", "市卫健委", "市应急局"]);
    expect(m.departments[0].isLead).toBe(true);
  });

  it("keeps the named departments of an open list and marks it open", async () => {
    const m = await measure(5, 1);
    expect(m.departmentsOpenList).toBe(true);
    expect(m.departments.map((d) => d.department.shortName)).toEqual(["市人社局", "市住建局", "市交运局", "市应急局", "市总工会"]);
  });

  it("makes the department marked 牵头 the lead", async () => {
    const m = await measure(6, 5);
    expect(m.departments).toHaveLength(1);
    expect(m.departments[0]).toMatchObject({ isLead: true, department: { shortName: "市卫健委" } });
  });

  it("stores parsed schedules: quarterly, a range, a deadline before the plan, a deliverable", async () => {
    const quarterly = await measure(1, 1);
    expect(quarterly.scheduleKind).toBe("QUARTERLY");
    expect(quarterly.dueDates).toHaveLength(20);
    const range = await measure(6, 1);
    expect(range.scheduleKind).toBe("RANGE");
    expect(range.deadline?.toISOString().slice(0, 10)).toBe("2023-12-31");
    const early = await measure(6, 5);
    expect(early.scheduleFlags).toEqual(["BEFORE_PLAN_START"]);
    expect(early.deadline?.toISOString().slice(0, 10)).toBe("2020-12-31");
    const firstBatch = await measure(8, 3);
    expect(firstBatch.deliverable).toBe("公布首批");
    expect(await db.measure.count({ where: { scheduleKind: null } })).toBe(0);
  });

  it("models the quantitative targets as indicators", async () => {
    const coverage = await measure(6, 1);
    expect(coverage.indicators.map((i) => [i.unit, i.comparison, Number(i.target)])).toEqual([["%", "GTE", 90]]);
    const training = await measure(9, 2);
    expect(training.indicators.find((i) => i.unit === "人")).toMatchObject({ comparison: "GTE", period: "YEAR" });
    expect(Number(training.indicators.find((i) => i.unit === "人")!.target)).toBe(200);
    const fund = await measure(11, 2);
    expect(fund.indicators.map((i) => [i.comparison, Number(i.target), i.unit])).toEqual([["LTE", 3, "%"]]);
    // Five absolute targets and one trend (4.3 「有效降低重点企业职业病发生率」: a direction only, no baseline yet; decision 031).
    const trend = await measure(4, 3);
    expect(trend.indicators.map((i) => [i.name, i.direction, i.target, i.baseline, i.confirmedAt])).toEqual([["重点企业职业病发生率", "DECREASE", null, null, null]]);
    expect(await db.indicator.count({ where: { measure: { keyTask: { plan: { code: PLAN } } } } })).toBe(6);
    expect(await db.indicator.count({ where: { direction: null, measure: { keyTask: { plan: { code: PLAN } } } } })).toBe(5);
  });

  it("gives every measure its reporting periods on its own schedule (decision 020): 537 quarters and 26 checkpoints", async () => {
    const plan = await db.plan.findUniqueOrThrow({ where: { code: PLAN } });
    // Not 34 × 20 quarters: no quarter before 11.1 starts (2022), after a deadline, or for a measure reporting on checkpoints only (3.1, 5.1, 9.1); 6.5 awaits confirmation.
    expect(await db.reportingPeriod.count({ where: { kind: "QUARTER", measure: { keyTask: { planId: plan.id } } } })).toBe(537);
    expect(await db.reportingPeriod.count({ where: { kind: "MILESTONE", measure: { keyTask: { planId: plan.id } } } })).toBe(26);
    const first = await db.reportingPeriod.findFirstOrThrow({ where: { kind: "QUARTER" }, orderBy: { periodEnd: "asc" } });
    // 10 April 2021 was a Saturday: due on the Monday after.
    expect(first.dueDate.toISOString().slice(0, 10)).toBe("2021-04-12");
    expect(await ensureReportingPeriods(db, 10)).toBe(0);
  });

  it("keeps the official text as issued, typo included", async () => {
    const m = await measure(9, 2);
    expect(m.text).toContain("第三方基数服务机构");
    expect(m.text).not.toMatch(/\s/);
  });

  it("creates one administrator, one leader, one liaison per department and one department head", async () => {
    // Other test files create accounts of their own in the same database.
    const users = await db.user.findMany({ where: { loginName: { in: demoAccounts().map((a) => a.loginName) } }, include: { department: true } });
    expect(users).toHaveLength(11);
    expect(users.filter((u) => u.role === "DEPARTMENT_HEAD").map((u) => [u.loginName, u.department?.shortName])).toEqual([["wjwfzr", "市卫健委"]]);
    expect(users.filter((u) => u.role === "ADMIN")).toHaveLength(1);
    expect(users.filter((u) => u.role === "LEADER")).toHaveLength(1);
    const liaisons = users.filter((u) => u.role === "LIAISON");
    expect(new Set(liaisons.map((u) => u.department?.shortName)).size).toBe(8);
    expect(users.every((u) => u.passwordHash.startsWith("$2"))).toBe(true);
  });
});
