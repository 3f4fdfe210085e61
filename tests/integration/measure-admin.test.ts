import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { setPeriodDueDate, updateMeasure } from "../../src/features/plan/mutations";
import type { Actor } from "../../src/lib/permissions";
import { testDb } from "../support/db";
import { whileShippedPlanRan } from "../support/plans";

const db = testDb();
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
  // Schedules set by hand while the plan ran make milestone periods (an ended plan makes none).
  endPlan = await whileShippedPlanRan(db);
});
let endPlan: () => Promise<void> = async () => {};
let originalText = "";
afterAll(async () => {
  // Other files in this database check the text as issued.
  const m = await measure(9, 2);
  await db.measure.update({ where: { id: m.id }, data: { currentText: null } });
  await endPlan();
  await db.$disconnect();
});

const measure = (task: number, number: number) =>
  db.measure.findFirstOrThrow({ where: { number, keyTask: { number: task } }, include: { periods: { where: { kind: "MILESTONE" }, orderBy: { periodEnd: "asc" } } } });

describe("an administrator edits a measure", () => {
  it("corrects the official typo, audited, and refuses a second edit based on the old version", async () => {
    const m = await measure(9, 2);
    originalText = m.text;
    const corrected = m.text.replace("第三方基数服务机构", "第三方技术服务机构");
    const version = await updateMeasure(db, admin, {
      measureId: m.id,
      expectedVersion: m.version,
      text: corrected,
      scheduleKind: "DEADLINE",
      scheduleStart: null,
      deadline: "2025-12-31",
    });
    expect(version).toBe(m.version + 1);
    await expect(
      updateMeasure(db, admin, { measureId: m.id, expectedVersion: m.version, text: m.text, scheduleKind: "DEADLINE", scheduleStart: null, deadline: "2025-12-31" }),
    ).rejects.toMatchObject({ key: "measureConflict" });
    const after = await db.measure.findUniqueOrThrow({ where: { id: m.id } });
    // The correction is the current wording (现行表述); the text as issued (原文) stays word for word.
    expect(after.currentText).toBe(corrected);
    expect(after.text).toBe(originalText);
    expect(after.text).toContain("第三方基数服务机构");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: m.id, action: "measure.update" } });
    expect((event.before as { text: string }).text).toContain("第三方基数服务机构");
    expect((event.after as { text: string }).text).toContain("第三方技术服务机构");
  });

  it("never changes the issued text: a further edit changes the current wording, and the issued words again clear it", async () => {
    const m = await measure(9, 2);
    expect(m.currentText).not.toBeNull();
    const again = `${m.currentText}（再次更正）`;
    await updateMeasure(db, admin, { measureId: m.id, expectedVersion: m.version, text: again, scheduleKind: "DEADLINE", scheduleStart: null, deadline: "2025-12-31" });
    const edited = await measure(9, 2);
    expect(edited).toMatchObject({ text: originalText, currentText: again });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: m.id, action: "measure.update" }, orderBy: { id: "desc" } });
    expect(event.before).toMatchObject({ text: m.currentText });
    expect(event.after).toMatchObject({ text: again });
    await updateMeasure(db, admin, { measureId: m.id, expectedVersion: edited.version, text: originalText, scheduleKind: "DEADLINE", scheduleStart: null, deadline: "2025-12-31" });
    expect(await measure(9, 2)).toMatchObject({ text: originalText, currentText: null });
    // A liaison may not edit it at all, and nothing changes.
    const before = await measure(9, 2);
    await expect(
      updateMeasure(db, liaison, { measureId: m.id, expectedVersion: before.version, text: "改写", scheduleKind: "DEADLINE", scheduleStart: null, deadline: "2025-12-31" }),
    ).rejects.toMatchObject({ key: "forbidden" });
    expect(await measure(9, 2)).toEqual(before);
  });

  it("sets a schedule by hand and keeps milestone periods in step", async () => {
    const m = await measure(10, 2); // 2022年底前
    expect(m.periods.map((p) => p.periodEnd.toISOString().slice(0, 10))).toEqual(["2022-12-31"]);
    await updateMeasure(db, admin, { measureId: m.id, expectedVersion: m.version, text: m.text, scheduleKind: "DEADLINE", scheduleStart: null, deadline: "2023-06-30" });
    const moved = await measure(10, 2);
    expect(moved.dueDates.map((d) => d.toISOString().slice(0, 10))).toEqual(["2023-06-30"]);
    expect(moved.periods.map((p) => p.periodEnd.toISOString().slice(0, 10))).toEqual(["2023-06-30"]);
    await expect(
      updateMeasure(db, admin, { measureId: m.id, expectedVersion: moved.version, text: m.text, scheduleKind: "DEADLINE", scheduleStart: null, deadline: null }),
    ).rejects.toMatchObject({ key: "deadlineRequired" });
  });

  it("moves one period's due date, keeps the original, and refuses a stale form and other roles", async () => {
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { kind: "QUARTER", measure: { number: 1, keyTask: { number: 7 } } }, orderBy: { periodEnd: "asc" } });
    await expect(setPeriodDueDate(db, liaison, { periodId: period.id, expectedVersion: period.version, dueDate: "2021-05-01" })).rejects.toMatchObject({ key: "forbidden" });
    await setPeriodDueDate(db, admin, { periodId: period.id, expectedVersion: period.version, dueDate: "2021-05-01" });
    await expect(setPeriodDueDate(db, admin, { periodId: period.id, expectedVersion: period.version, dueDate: "2021-06-01" })).rejects.toMatchObject({ key: "periodConflict" });
    const after = await db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(after.dueDate.toISOString().slice(0, 10)).toBe("2021-05-01");
    expect(after.originalDueDate.toISOString().slice(0, 10)).toBe(period.originalDueDate.toISOString().slice(0, 10));
    expect(await db.auditEvent.count({ where: { entityId: period.id, action: "period.set_due_date" } })).toBe(1);
  });
});
