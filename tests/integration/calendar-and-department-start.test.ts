/**
 * Decision 031: an edit of the working-day calendar moves the due dates of periods not yet due (the
 * rule's dates only: a hand-set date, a department's own date from an extension, a plan that has
 * ended and a period already due keep theirs), in the edit's transaction; a year's published
 * arrangement is confirmed once; a department added to a running measure owes only the periods from
 * its start, and the worklist, the overview's replay and the notification scan agree on it.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { confirmCalendarYear, removeCalendarDay, setCalendarDay } from "@/features/calendar/mutations";
import { loadPlanHistory } from "@/features/dashboard/load-history";
import { scanNotifications } from "@/features/notifications/scan";
import { seedPlan } from "@/features/seed/seed-plan";
import { setMeasureDepartments } from "@/features/structure/mutations";
import { isoDay } from "@/lib/due";
import type { Actor } from "@/lib/permissions";
import { STATUTORY_SOURCE_PREFIX } from "@/lib/statutory-holidays";
import { db } from "@/server/db";

vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
const { getWorklist } = await import("@/features/reports/queries");

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const [JIA, YI] = [`甲局${suffix}`, `乙局${suffix}`];
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const departments = [
  { shortName: JIA, fullName: "甲局全称", aliases: [], sortOrder: 501 },
  { shortName: YI, fullName: "乙局全称", aliases: [], sortOrder: 502 },
];
const planOf = (code: string, status: "ACTIVE" | "ENDED", measures: { text: string; departmentsText: string; timeArrangement: string }[]) => ({
  plan: { code, title: `日历测试 ${code}`, issuer: "测试", startYear: 2026, endYear: 2027, status },
  departments,
  keyTasks: [{ number: 1, title: "任务一", measures: measures.map((m, i) => ({ number: i + 1, ...m })) }],
});

const ids = { jia: "", yi: "" };
let admin: Actor;
const liaison: Actor = { id: "", loginName: "liaison", role: "LIAISON", departmentId: null };

const periodOf = (code: string, measure: number, periodEnd: string) =>
  db.reportingPeriod.findFirstOrThrow({ where: { kind: "QUARTER", periodEnd: day(periodEnd), measure: { number: measure, keyTask: { plan: { code } } } } });
const dueOf = async (code: string, measure: number, periodEnd: string) => isoDay((await periodOf(code, measure, periodEnd)).dueDate);

beforeAll(async () => {
  await seedPlan(db, planOf(`cal-${suffix}`, "ACTIVE", [
    { text: "措施一。", departmentsText: JIA, timeArrangement: "每季度" },
    { text: "措施二。", departmentsText: JIA, timeArrangement: "每季度" },
  ]));
  await seedPlan(db, planOf(`cal-ended-${suffix}`, "ENDED", [{ text: "措施一。", departmentsText: JIA, timeArrangement: "每季度" }]));
  await seedPlan(db, planOf(`start-${suffix}`, "ACTIVE", [{ text: "每月报送。", departmentsText: JIA, timeArrangement: "每月" }]));
  const depts = await db.department.findMany({ where: { shortName: { in: [JIA, YI] } } });
  ids.jia = depts.find((d) => d.shortName === JIA)!.id;
  ids.yi = depts.find((d) => d.shortName === YI)!.id;
  const a = await db.user.create({ data: { loginName: `cal-admin-${suffix}`, displayName: "管理员", role: "ADMIN", passwordHash: "unused" } });
  admin = { id: a.id, loginName: a.loginName, role: "ADMIN", departmentId: null, ip: "127.0.0.1" };
  liaison.departmentId = ids.jia;
});
afterAll(() => db.$disconnect());

describe("a calendar edit moves the due dates not yet reached", () => {
  const code = `cal-${suffix}`;

  it("moves the rule's dates off a new holiday and back when it is removed, in the edit's transaction, audited", async () => {
    // Q1 2027 ends 03-31: due ten days later, Saturday 04-10, so Monday 04-12.
    expect(await dueOf(code, 1, "2027-03-31")).toBe("2027-04-12");
    // Measure 2's Q1 was moved by hand to 04-16; measure 1's lead has its own date, 04-20, from an extension.
    const handSet = await periodOf(code, 2, "2027-03-31");
    await db.reportingPeriod.update({ where: { id: handSet.id }, data: { dueDate: day("2027-04-16") } });
    const extended = await periodOf(code, 1, "2027-03-31");
    await db.departmentDueDate.create({ data: { periodId: extended.id, departmentId: ids.jia, dueDate: day("2027-04-20") } });
    const ended = `cal-ended-${suffix}`;
    expect(await dueOf(ended, 1, "2027-03-31")).toBe("2027-04-12");

    await expect(setCalendarDay(db, liaison, { day: "2027-04-12", working: false, name: "测试假日" }, { today: "2026-12-02" })).rejects.toMatchObject({ key: "forbidden" });
    expect(await dueOf(code, 1, "2027-03-31")).toBe("2027-04-12");

    const { periodsMoved } = await setCalendarDay(db, admin, { day: "2027-04-12", working: false, name: "测试假日" }, { today: "2026-12-02" });
    expect(periodsMoved).toBeGreaterThanOrEqual(1);
    const moved = await periodOf(code, 1, "2027-03-31");
    expect([isoDay(moved.dueDate), isoDay(moved.originalDueDate), moved.version]).toEqual(["2027-04-13", "2027-04-13", extended.version + 1]);
    // The department's own later date stays; the hand-set date and the ended plan's period stay.
    expect(isoDay((await db.departmentDueDate.findUniqueOrThrow({ where: { periodId_departmentId: { periodId: extended.id, departmentId: ids.jia } } })).dueDate)).toBe("2027-04-20");
    expect(await dueOf(code, 2, "2027-03-31")).toBe("2027-04-16");
    expect(await dueOf(ended, 1, "2027-03-31")).toBe("2027-04-12");
    // Other quarters did not move.
    expect(await dueOf(code, 1, "2027-06-30")).toBe("2027-07-12");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "calendar.set_day", entityId: "2027-04-12" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ working: false, source: "admin", periodsMoved });

    const back = await removeCalendarDay(db, admin, { day: "2027-04-12" }, { today: "2026-12-02" });
    expect(back.periodsMoved).toBe(periodsMoved);
    expect(await dueOf(code, 1, "2027-03-31")).toBe("2027-04-12");
    expect(await dueOf(code, 2, "2027-03-31")).toBe("2027-04-16");
  });

  it("never moves a period already due, nor makes one overdue after the fact", async () => {
    // Q4 2026 ends 12-31: due Sunday 2027-01-10, so Monday 01-11. On 01-12 it is already due.
    expect(await dueOf(code, 1, "2026-12-31")).toBe("2027-01-11");
    await setCalendarDay(db, admin, { day: "2027-01-11", working: false, name: "测试假日" }, { today: "2027-01-12" });
    expect(await dueOf(code, 1, "2026-12-31")).toBe("2027-01-11");
    await removeCalendarDay(db, admin, { day: "2027-01-11" }, { today: "2027-01-12" });
    // A working day made of a Saturday: 04-10 would be the rule's date now, but on 04-11 that is past; 04-12 stays.
    await setCalendarDay(db, admin, { day: "2027-04-10", working: true, name: "测试调休" }, { today: "2027-04-11" });
    expect(await dueOf(code, 1, "2027-03-31")).toBe("2027-04-12");
    await removeCalendarDay(db, admin, { day: "2027-04-10" }, { today: "2027-04-11" });
    // The same change seen before the day: the due date moves forward to the Saturday now worked.
    await setCalendarDay(db, admin, { day: "2027-04-10", working: true, name: "测试调休" }, { today: "2026-12-02" });
    expect(await dueOf(code, 1, "2027-03-31")).toBe("2027-04-10");
    await removeCalendarDay(db, admin, { day: "2027-04-10" }, { today: "2026-12-02" });
    expect(await dueOf(code, 1, "2027-03-31")).toBe("2027-04-12");
  });
});

describe("a year's published arrangement", () => {
  it("is confirmed once by an administrator: the statutory-only days become the administrators', audited", async () => {
    const statutory = { day: { gte: day("2027-01-01"), lte: day("2027-12-31") }, source: { startsWith: STATUTORY_SOURCE_PREFIX } };
    const before = await db.workingCalendarDay.findMany({ where: statutory, select: { day: true, source: true } });
    expect(before.length).toBeGreaterThan(0);
    try {
      await expect(confirmCalendarYear(db, liaison, { year: 2027 })).rejects.toMatchObject({ key: "forbidden" });
      expect(await db.workingCalendarDay.count({ where: statutory })).toBe(before.length);
      expect(await confirmCalendarYear(db, admin, { year: 2027 })).toEqual({ days: before.length });
      expect(await db.workingCalendarDay.count({ where: statutory })).toBe(0);
      expect(await db.auditEvent.findFirstOrThrow({ where: { action: "calendar.confirm_year", entityId: "2027" }, orderBy: { id: "desc" } })).toMatchObject({
        actorId: admin.id,
        after: { statutoryOnlyDays: 0 },
      });
      await expect(confirmCalendarYear(db, admin, { year: 2027 })).rejects.toMatchObject({ key: "calendarNothingToConfirm" });
    } finally {
      // Other files read the calendar as the migration left it.
      for (const r of before) await db.workingCalendarDay.update({ where: { day: r.day }, data: { source: r.source } });
    }
  });
});

describe("a department added to a running measure", () => {
  const code = `start-${suffix}`;
  let measureId = "";

  beforeAll(async () => {
    const m = await db.measure.findFirstOrThrow({ where: { keyTask: { plan: { code } } } });
    measureId = m.id;
    await db.user.createMany({
      data: [
        { loginName: `start-jia-${suffix}`, displayName: "甲联络员", role: "LIAISON", departmentId: ids.jia, passwordHash: "unused" },
        { loginName: `start-yi-${suffix}`, displayName: "乙联络员", role: "LIAISON", departmentId: ids.yi, passwordHash: "unused" },
      ],
    });
  });

  it("owes only the periods that end on or after its start: worklist, replay and scan agree", async () => {
    const m = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    await setMeasureDepartments(
      db,
      admin,
      { measureId, expectedVersion: m.version, departments: [{ departmentId: ids.jia, role: "LEAD" }, { departmentId: ids.yi, role: "SUPPORT" }], addedStartsOn: "2026-11-15" },
      { today: "2026-12-02" },
    );
    const rows = await db.measureDepartment.findMany({ where: { measureId }, orderBy: { sortOrder: "asc" } });
    expect(rows.map((r) => [r.departmentId, r.startsOn && isoDay(r.startsOn)])).toEqual([
      [ids.jia, null],
      [ids.yi, "2026-11-15"],
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "measure.departments", entityId: measureId }, orderBy: { id: "desc" } });
    expect(audit.after).toEqual({ departments: [{ department: JIA, role: "LEAD" }, { department: YI, role: "SUPPORT", startsOn: "2026-11-15" }] });

    // 我的填报 on 2026-12-05: 乙 owes November (ends 11-30) and December (begun), not October or before; 甲 owes the whole year.
    const worklist = async (departmentId: string) => (await getWorklist(admin, departmentId, "2026-12-05", "zh-CN")).filter((i) => i.planCode === code).map((i) => i.period);
    expect((await worklist(ids.yi)).sort()).toEqual(["2026年11月", "2026年12月"]);
    expect(await worklist(ids.jia)).toHaveLength(12);

    // The overview's replay: October is 甲's alone, November is both departments'.
    const history = await loadPlanHistory(db, (await db.plan.findUniqueOrThrow({ where: { code } })).id);
    const part = (periodEnd: string) => history.histories.find((h) => h.periodEnd === periodEnd)!.departments.map((d) => d.departmentId).sort();
    expect(part("2026-10-31")).toEqual([ids.jia]);
    expect(part("2026-11-30")).toEqual([ids.jia, ids.yi].sort());
    // The measure is still carried by both (led and supported counts).
    expect(history.measures!.find((x) => x.measureId === measureId)!.departments.map((d) => d.departmentId).sort()).toEqual([ids.jia, ids.yi].sort());

    // The scan on 2026-12-05: 乙 is reminded of November only; 甲 of October (overdue) and November.
    await scanNotifications(db, new Date("2026-12-05T02:00:00Z"));
    const notices = async (loginName: string) =>
      (await db.notification.findMany({ where: { user: { loginName }, link: { startsWith: "/reports/" } }, select: { kind: true, params: true } }))
        .filter((n) => (n.params as { measure?: string }).measure === "1.1")
        .map((n) => `${n.kind}:${(n.params as { period: string }).period}`)
        .sort();
    expect(await notices(`start-yi-${suffix}`)).toEqual(["DUE_SOON:2026年11月"]);
    expect(await notices(`start-jia-${suffix}`)).toEqual(["DUE_SOON:2026年11月", "OVERDUE:2026年10月"]);
  });

  it("keeps each department's start when the departments change again, and starts a new one today by default", async () => {
    const m = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    await setMeasureDepartments(db, admin, { measureId, expectedVersion: m.version, departments: [{ departmentId: ids.yi, role: "LEAD" }, { departmentId: ids.jia, role: "SUPPORT" }] }, { today: "2026-12-02" });
    const rows = await db.measureDepartment.findMany({ where: { measureId }, orderBy: { sortOrder: "asc" } });
    expect(rows.map((r) => [r.departmentId, r.isLead, r.startsOn && isoDay(r.startsOn)])).toEqual([
      [ids.yi, true, "2026-11-15"],
      [ids.jia, false, null],
    ]);
    // Taken off and added again: a new start, today.
    const v = (await db.measure.findUniqueOrThrow({ where: { id: measureId } })).version;
    await setMeasureDepartments(db, admin, { measureId, expectedVersion: v, departments: [{ departmentId: ids.jia, role: "LEAD" }] }, { today: "2026-12-02" });
    await setMeasureDepartments(db, admin, { measureId, expectedVersion: v + 1, departments: [{ departmentId: ids.jia, role: "LEAD" }, { departmentId: ids.yi, role: "SUPPORT" }] }, { today: "2026-12-02" });
    const again = await db.measureDepartment.findFirstOrThrow({ where: { measureId, departmentId: ids.yi } });
    expect(isoDay(again.startsOn!)).toBe("2026-12-02");
  });

  it("in a draft plan, a department added owes the measure's whole schedule", async () => {
    await db.plan.update({ where: { code }, data: { status: "DRAFT" } });
    try {
      const m = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
      await setMeasureDepartments(db, admin, { measureId, expectedVersion: m.version, departments: [{ departmentId: ids.jia, role: "LEAD" }] }, { today: "2026-12-02" });
      await setMeasureDepartments(db, admin, { measureId, expectedVersion: m.version + 1, departments: [{ departmentId: ids.jia, role: "LEAD" }, { departmentId: ids.yi, role: "SUPPORT" }] }, { today: "2026-12-02" });
      expect((await db.measureDepartment.findFirstOrThrow({ where: { measureId, departmentId: ids.yi } })).startsOn).toBeNull();
    } finally {
      await db.plan.update({ where: { code }, data: { status: "ACTIVE" } });
    }
  });
});
