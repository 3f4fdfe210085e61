/**
 * The migration that introduced DepartmentDueDate (decision 013) carries over extensions approved
 * under the old rule, which had moved the period's due date for every department: each becomes its
 * department's own date, and the period goes back to the date an administrator last set, or the
 * scheduled one. Its data statements are run again here on data shaped the old way.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { isoDay } from "../../src/lib/due";
import { testDb } from "../support/db";

const db = testDb();
const suffix = Date.now().toString(36);
const plan = {
  plan: { code: `mig-${suffix}`, title: "迁移测试计划", issuer: "测试", startYear: 2025, endYear: 2025 },
  departments: [
    { shortName: "戊局", fullName: "戊局全称", aliases: [], sortOrder: 301 },
    { shortName: "己局", fullName: "己局全称", aliases: [], sortOrder: 302 },
  ],
  keyTasks: [{ number: 1, title: "任务一", measures: [{ number: 1, text: "措施一。", departmentsText: "戊局、己局", timeArrangement: "每季度" }] }],
};

/** The migration's statements that move data (after its DDL), split as the migration runner splits them. */
function dataStatements(): string[] {
  const dir = path.resolve("prisma/migrations");
  const name = readdirSync(dir).find((d) => d.endsWith("_department_due_date"))!;
  const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  return sql
    .split(";")
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => /^(INSERT|UPDATE)/.test(s));
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let q1 = "";
let q2 = "";
let support = "";

beforeAll(async () => {
  await seedPlan(db, plan);
  const planId = (await db.plan.findUniqueOrThrow({ where: { code: plan.plan.code } })).id;
  support = (await db.department.findUniqueOrThrow({ where: { shortName: "己局" } })).id;
  const periods = await db.reportingPeriod.findMany({ where: { kind: "QUARTER", measure: { keyTask: { planId } } }, orderBy: { periodEnd: "asc" } });
  [q1, q2] = [periods[0].id, periods[1].id];
  const requester = (await db.user.create({ data: { loginName: `mig-${suffix}`, displayName: "m", passwordHash: "x", role: "LIAISON", departmentId: support } })).id;
  const approved = (periodId: string, current: string, requested: string) =>
    db.extensionRequest.create({
      data: { periodId, departmentId: support, requestedById: requester, currentDueDate: day(current), requestedDueDate: day(requested), reason: "旧数据", state: "APPROVED", decidedAt: new Date() },
    });
  // Q1 (due 2025-04-10): the supporting department's extension had moved the period for everyone.
  await approved(q1, "2025-04-10", "2025-05-31");
  await db.reportingPeriod.update({ where: { id: q1 }, data: { dueDate: day("2025-05-31") } });
  // Q2 (due 2025-07-10): an administrator set 2025-07-20, then an extension moved it to 2025-08-31.
  await db.auditEvent.create({ data: { actorLabel: "admin", action: "period.set_due_date", entityType: "ReportingPeriod", entityId: q2, after: { dueDate: "2025-07-20" } } });
  await approved(q2, "2025-07-20", "2025-08-31");
  await db.reportingPeriod.update({ where: { id: q2 }, data: { dueDate: day("2025-08-31") } });
});
afterAll(() => db.$disconnect());

describe("the DepartmentDueDate migration on data from before it", () => {
  it("gives the extension to its department and puts the period back", async () => {
    const statements = dataStatements();
    expect(statements).toHaveLength(2);
    for (const statement of statements) await db.$executeRawUnsafe(statement);

    const own = await db.departmentDueDate.findMany({ where: { periodId: { in: [q1, q2] } }, orderBy: { dueDate: "asc" } });
    expect(own.map((o) => [o.periodId, o.departmentId, isoDay(o.dueDate)])).toEqual([
      [q1, support, "2025-05-31"],
      [q2, support, "2025-08-31"],
    ]);
    const period = async (id: string) => isoDay((await db.reportingPeriod.findUniqueOrThrow({ where: { id } })).dueDate);
    expect(await period(q1)).toBe("2025-04-10");
    expect(await period(q2)).toBe("2025-07-20");
  });
});
