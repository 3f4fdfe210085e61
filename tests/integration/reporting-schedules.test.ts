/**
 * Each measure reports on its own schedule (decision 020): the migration that brought existing
 * databases to the rule, run again on a copy of the shipped plan laid out the old way; an
 * administrator regenerating a measure's periods; confirming a deadline before the plan start;
 * the working-day calendar, filled from the chinese-days package and edited by administrators only.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import planFile from "../../prisma/seed/plan-2021-2025.json";
import { chineseDaysRows, chineseDaysSource, statutoryRows, statutorySource } from "../../scripts/lib/working-calendar-data";
import { loadWorkingCalendar } from "../../src/features/calendar/queries";
import { removeCalendarDay, setCalendarDay } from "../../src/features/calendar/mutations";
import { confirmEarlyDeadline, setMeasureReporting, setPlanReporting } from "../../src/features/schedules/mutations";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { measureReportingSelect, planReportingSelect, reportingInput, seedPlan } from "../../src/features/seed/seed-plan";
import { addDays, DEFAULT_DUE_DAYS, reportingPeriods } from "../../src/lib/periods";
import { isoDay } from "../../src/lib/due";
import type { Actor } from "../../src/lib/permissions";
import { quarterEnds } from "../../src/lib/schedule";
import { testDb } from "../support/db";
import { seedShippedPlans } from "../../scripts/lib/seed";

const db = testDb();
const suffix = Date.now().toString(36);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
let admin: Actor;
let liaison: Actor;

async function actor(loginName: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  [admin, liaison] = await Promise.all([actor("admin"), actor("rsj")]);
});
afterAll(() => db.$disconnect());

/** The migration's statements that move plan data, scoped to one plan so other files' data stays as it is. */
function planDataStatements(code: string): string[] {
  const dir = path.resolve("prisma/migrations");
  const name = readdirSync(dir).find((d) => d.endsWith("_reporting_schedules"))!;
  const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  const scoped = `p."status" <> 'ARCHIVED' AND p."code" = '${code}'`;
  return sql
    .split(";")
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => /^(INSERT INTO "ReportingPeriod"|UPDATE "Measure" m|UPDATE "ReportingPeriod"|DELETE)/.test(s))
    .map((s) => s.replaceAll(`p."status" <> 'ARCHIVED'`, scoped).replace(`WHERE k."id" = m."keyTaskId"`, `WHERE k."id" = m."keyTaskId" AND p."code" = '${code}'`));
}

/** Obligations of a plan: one per period and department on its measure; and those of 市人社局. */
async function obligations(planId: string): Promise<{ all: number; rsj: number }> {
  const periods = await db.reportingPeriod.findMany({ where: { measure: { keyTask: { planId } } }, select: { measure: { select: { departments: { select: { department: { select: { shortName: true } } } } } } } });
  return {
    all: periods.reduce((n, p) => n + p.measure.departments.length, 0),
    rsj: periods.filter((p) => p.measure.departments.some((d) => d.department.shortName === "市人社局")).length,
  };
}

describe("the working-day calendar", () => {
  it("holds the chinese-days package's holidays and 调休 working days for 2021—2027, as the migration wrote them", async () => {
    const rows = await db.workingCalendarDay.findMany({ where: { source: { startsWith: "chinese-days@" } }, orderBy: { day: "asc" } });
    const expected = chineseDaysRows(2021, 2027);
    expect(rows.map((r) => ({ day: isoDay(r.day), working: r.working, name: r.name }))).toEqual(expected);
    expect(new Set(rows.map((r) => r.source))).toEqual(new Set([chineseDaysSource()]));
    // Spot checks: National Day 2024 off, the Saturday 12 October 2024 worked.
    const calendar = await loadWorkingCalendar(db);
    expect(calendar.get("2024-10-01")).toBe(false);
    expect(calendar.get("2024-10-12")).toBe(true);
  });

  it("holds 2027's statutory public holidays only, marked statutory-only: no 调休 day is invented (decision 031)", async () => {
    const rows = await db.workingCalendarDay.findMany({ where: { day: { gte: day("2027-01-01"), lte: day("2027-12-31") } }, orderBy: { day: "asc" } });
    expect(rows.filter((r) => r.source !== "admin").map((r) => ({ day: isoDay(r.day), working: r.working, name: r.name }))).toEqual(statutoryRows(2027));
    expect(new Set(rows.filter((r) => r.source !== "admin").map((r) => r.source))).toEqual(new Set([statutorySource()]));
    expect(rows.some((r) => r.working)).toBe(false);
  });

  it("is edited by administrators only, audited; a liaison changes nothing", async () => {
    // 2027-10-08, a Friday after the statutory National Day holidays, unlisted until the arrangement is published.
    await expect(setCalendarDay(db, liaison, { day: "2027-10-08", working: false, name: "国庆节" })).rejects.toMatchObject({ key: "forbidden" });
    expect(await db.workingCalendarDay.findUnique({ where: { day: day("2027-10-08") } })).toBeNull();

    await setCalendarDay(db, admin, { day: "2027-10-08", working: false, name: "国庆节" });
    expect(await db.workingCalendarDay.findUnique({ where: { day: day("2027-10-08") } })).toMatchObject({ working: false, name: "国庆节", source: "admin" });
    const set = await db.auditEvent.findFirstOrThrow({ where: { action: "calendar.set_day", entityId: "2027-10-08" } });
    expect(set).toMatchObject({ actorId: admin.id, before: null, after: { working: false, name: "国庆节", source: "admin", periodsMoved: expect.any(Number) } });
    expect((await loadWorkingCalendar(db)).get("2027-10-08")).toBe(false);

    await expect(removeCalendarDay(db, liaison, { day: "2027-10-08" })).rejects.toMatchObject({ key: "forbidden" });
    await removeCalendarDay(db, admin, { day: "2027-10-08" });
    expect(await db.workingCalendarDay.findUnique({ where: { day: day("2027-10-08") } })).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "calendar.remove_day", entityId: "2027-10-08" } })).toBe(1);
    await expect(removeCalendarDay(db, admin, { day: "2027-10-08" })).rejects.toMatchObject({ key: "notFound" });
  });
});

describe("the migration on the shipped plan laid out the old way", () => {
  const code = `mig-sched-${suffix}`;
  let planId = "";
  const before = { all: 0, rsj: 0 };

  beforeAll(async () => {
    await seedPlan(db, { ...planFile, plan: { ...planFile.plan, code, status: "ENDED" } });
    planId = (await db.plan.findUniqueOrThrow({ where: { code } })).id;
    // What every installation held before: 20 quarters per measure, due 10 days after, plus the schedule's own dates.
    const measures = await db.measure.findMany({ where: { keyTask: { planId } }, select: { id: true, scheduleKind: true, dueDates: true } });
    await db.reportingPeriod.deleteMany({ where: { measureId: { in: measures.map((m) => m.id) } } });
    await db.measure.updateMany({ where: { id: { in: measures.map((m) => m.id) } }, data: { cadence: null, checkpoints: [] } });
    const rows = measures.flatMap((m) => [
      ...quarterEnds(2021, 2025).map((end) => ({ measureId: m.id, kind: "QUARTER" as const, periodStart: day(`${end.slice(0, 5)}${String(Number(end.slice(5, 7)) - 2).padStart(2, "0")}-01`), periodEnd: day(end), dueDate: day(addDays(end, 10)), originalDueDate: day(addDays(end, 10)) })),
      ...(m.scheduleKind && ["ANNUAL", "DEADLINE", "RANGE"].includes(m.scheduleKind) ? m.dueDates : []).map((d) => ({ measureId: m.id, kind: "MILESTONE" as const, periodStart: day(`${isoDay(d).slice(0, 4)}-01-01`), periodEnd: d, dueDate: d, originalDueDate: d })),
    ]);
    await db.reportingPeriod.createMany({ data: rows });
    Object.assign(before, await obligations(planId));
  });
  // Other files count the shipped plan's rows in this database.
  afterAll(() => db.plan.delete({ where: { code } }));

  it("starts from the 1,828 obligations (616 on 市人社局) the issue counted", () => {
    expect(before).toEqual({ all: 1828, rsj: 616 });
  });

  it("leaves exactly the periods the rule lays out, and reports the new count", async () => {
    const statements = planDataStatements(code);
    expect(statements).toHaveLength(6);
    for (const statement of statements) await db.$executeRawUnsafe(statement);

    const after = await obligations(planId);
    console.info(`[reporting-schedules] shipped plan obligations: ${before.all} → ${after.all}; 市人社局 ${before.rsj} → ${after.rsj}`);
    expect(after.all).toBeLessThan(before.all);

    const plan = await db.plan.findUniqueOrThrow({ where: { id: planId }, select: planReportingSelect });
    const calendar = await loadWorkingCalendar(db);
    const measures = await db.measure.findMany({
      where: { keyTask: { planId } },
      select: { number: true, keyTask: { select: { number: true } }, ...measureReportingSelect, periods: { select: { kind: true, periodEnd: true, dueDate: true } } },
    });
    for (const m of measures) {
      const input = reportingInput(m, plan);
      const rule = reportingPeriods(input.measure, input.plan, { dueDays: DEFAULT_DUE_DAYS, calendar })
        .filter((p) => p.periodEnd <= "2025-12-31")
        .map((p) => `${p.kind} ${p.periodEnd} ${p.dueDate}`);
      const stored = m.periods.map((p) => `${p.kind} ${isoDay(p.periodEnd)} ${isoDay(p.dueDate)}`);
      expect({ measure: `${m.keyTask.number}.${m.number}`, periods: stored.sort() }).toEqual({ measure: `${m.keyTask.number}.${m.number}`, periods: rule.sort() });
    }
    const byRef = new Map(measures.map((m) => [`${m.keyTask.number}.${m.number}`, m]));
    // 11.1 「2022-2025年」 owes nothing for 2021; 5.2 and 10.2 nothing after their 2022 deadline; 6.5 nothing yet.
    expect(byRef.get("11.1")!.periods.every((p) => isoDay(p.periodEnd) >= "2022-01-01")).toBe(true);
    for (const ref of ["5.2", "10.2"]) expect(byRef.get(ref)!.periods.every((p) => isoDay(p.periodEnd) <= "2022-12-31")).toBe(true);
    expect(byRef.get("6.5")!.periods).toEqual([]);
    expect(byRef.get("5.1")!.periods.map((p) => p.kind)).toEqual(Array(5).fill("MILESTONE"));
  });
});

describe("an administrator changes a measure's reporting", () => {
  const code = `sched-${suffix}`;
  const today = "2026-12-02";
  let ongoingId = "";
  let earlyId = "";
  beforeAll(async () => {
    await seedPlan(db, {
      plan: { code, title: "排期测试计划", issuer: "测试", startYear: 2026, endYear: 2027, status: "ACTIVE" },
      departments: planFile.departments,
      keyTasks: [
        {
          number: 1,
          title: "任务一",
          measures: [
            { number: 1, text: "持续开展宣传。", departmentsText: "市人社局", timeArrangement: "持续推进" },
            { number: 2, text: "完成摸底。", departmentsText: "市人社局", timeArrangement: "2025年底前" },
          ],
        },
      ],
    });
    const measures = await db.measure.findMany({ where: { keyTask: { plan: { code } } }, orderBy: { number: "asc" } });
    [ongoingId, earlyId] = measures.map((m) => m.id);
  });
  // A running plan that started last becomes the current plan: other files expect theirs.
  afterAll(() => db.plan.delete({ where: { code } }));
  const periodsOf = async (measureId: string) =>
    (await db.reportingPeriod.findMany({ where: { measureId }, orderBy: [{ periodEnd: "asc" }, { kind: "asc" }] })).map((p) => `${p.kind} ${isoDay(p.periodEnd)} ${isoDay(p.dueDate)}`);

  it("regenerates the future periods in one transaction, keeps a period a department has its own date on, audited", async () => {
    expect(await periodsOf(ongoingId)).toHaveLength(8);
    const q2 = await db.reportingPeriod.findFirstOrThrow({ where: { measureId: ongoingId, kind: "QUARTER", periodEnd: day("2027-06-30") } });
    const rsj = await db.department.findUniqueOrThrow({ where: { shortName: "市人社局" } });
    await db.departmentDueDate.create({ data: { periodId: q2.id, departmentId: rsj.id, dueDate: day("2027-08-31") } });
    const m = await db.measure.findUniqueOrThrow({ where: { id: ongoingId } });

    await expect(setMeasureReporting(db, liaison, { measureId: ongoingId, expectedVersion: m.version, cadence: "HALF_YEARLY", trackingStart: null, checkpoints: [] }, today)).rejects.toMatchObject({ key: "forbidden" });
    expect(await periodsOf(ongoingId)).toHaveLength(8);

    const sync = await setMeasureReporting(db, admin, { measureId: ongoingId, expectedVersion: m.version, cadence: "HALF_YEARLY", trackingStart: null, checkpoints: ["2027-06-30"] }, today);
    expect(await periodsOf(ongoingId)).toEqual([
      // Past half year 2026-H1 is not created; 2026 quarters without reports are gone.
      "HALF_YEAR 2026-12-31 2027-01-11",
      // The checkpoint covers the first half of 2027; the quarter with a department's own date stays.
      "QUARTER 2027-06-30 2027-07-12",
      "MILESTONE 2027-06-30 2027-06-30",
      "HALF_YEAR 2027-12-31 2028-01-10",
    ]);
    expect(sync).toEqual({ created: 3, removed: 7, keptWithReports: 1, moved: 0 });
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "measure.set_reporting", entityId: ongoingId } });
    expect(event.after).toMatchObject({ cadence: "HALF_YEARLY", checkpoints: ["2027-06-30"], periods: sync });

    await expect(setMeasureReporting(db, admin, { measureId: ongoingId, expectedVersion: m.version, cadence: "MONTHLY", trackingStart: null, checkpoints: [] }, today)).rejects.toMatchObject({ key: "measureConflict" });
  });

  it("a deadline before the plan start owes nothing until an administrator confirms it", async () => {
    const m = await db.measure.findUniqueOrThrow({ where: { id: earlyId } });
    expect(m.scheduleFlags).toContain("BEFORE_PLAN_START");
    expect(await periodsOf(earlyId)).toEqual([]);
    await expect(confirmEarlyDeadline(db, liaison, { measureId: earlyId, expectedVersion: m.version }, today)).rejects.toMatchObject({ key: "forbidden" });
    await confirmEarlyDeadline(db, admin, { measureId: earlyId, expectedVersion: m.version }, today);
    expect(await periodsOf(earlyId)).toEqual(["MILESTONE 2025-12-31 2025-12-31"]);
    expect(await db.auditEvent.count({ where: { action: "measure.confirm_deadline", entityId: earlyId } })).toBe(1);
    await expect(confirmEarlyDeadline(db, admin, { measureId: earlyId, expectedVersion: m.version + 1 }, today)).rejects.toMatchObject({ key: "nothingToConfirm" });
  });

  it("the plan's default cadence and tracking start apply to measures without their own", async () => {
    const plan = await db.plan.findUniqueOrThrow({ where: { code } });
    await expect(setPlanReporting(db, liaison, { planId: plan.id, defaultCadence: "ANNUAL", trackingStart: null }, today)).rejects.toMatchObject({ key: "forbidden" });
    // The first measure has its own cadence now; the second owes only its confirmed deadline. Add a third on the default.
    await db.measure.update({ where: { id: ongoingId }, data: { cadence: null, checkpoints: [] } });
    await setPlanReporting(db, admin, { planId: plan.id, defaultCadence: "ANNUAL", trackingStart: "2026-03-01" }, today);
    expect(await periodsOf(ongoingId)).toEqual(["YEAR 2026-12-31 2027-01-11", "QUARTER 2027-06-30 2027-07-12", "YEAR 2027-12-31 2028-01-10"]);
    expect(await periodsOf(earlyId)).toEqual(["MILESTONE 2025-12-31 2025-12-31"]);
    expect(await db.auditEvent.count({ where: { action: "plan.set_reporting", entityId: plan.id } })).toBe(1);
  });
});
