import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { scanNotifications } from "../../src/features/notifications/scan";
import { testDb } from "../support/db";
import { whileShippedPlanRan } from "../support/plans";

const db = testDb();
const PLAN = "hs-gsyf-2021-2025";

// The scans below replay days the shipped plan was running (it ended on 2025-12-31 and reminds no more).
let endPlan: () => Promise<void> = async () => {};
beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  endPlan = await whileShippedPlanRan(db);
});
afterAll(async () => {
  await endPlan();
  await db.$disconnect();
});

/** Liaison × assignment pairs of the plan's measures that report on the second quarter of 2023: who owes that report. */
async function expectedPairs(): Promise<number> {
  const assignments = await db.measureDepartment.findMany({
    // Not every measure: some report on checkpoints only, some had ended or not begun (decision 020).
    where: { measure: { keyTask: { plan: { code: PLAN } }, periods: { some: { kind: "QUARTER", periodEnd: new Date("2023-06-30T00:00:00Z") } } } },
    select: { department: { select: { users: { where: { role: "LIAISON", active: true }, select: { id: true } } } } },
  });
  return assignments.reduce((n, a) => n + a.department.users.length, 0);
}

describe("the notification scan", () => {
  it("tells every liaison of a measure's departments that the quarter's report is due within 7 days, once", async () => {
    // 2023-07-05 in China: the second quarter of 2023 is due on 07-10.
    const now = new Date("2023-07-05T02:00:00Z");
    const before = await db.notification.count({ where: { kind: "DUE_SOON" } });
    const first = await scanNotifications(db, now);
    expect(first.skipped).toBe(false);
    const dueSoon = await db.notification.findMany({ where: { kind: "DUE_SOON", dedupeKey: { contains: "2023-07-10" } }, include: { user: true } });
    expect(dueSoon.length).toBe(await expectedPairs());
    expect(dueSoon.every((n) => n.user.role === "LIAISON")).toBe(true);
    expect(dueSoon[0].params).toMatchObject({ period: "2023年第2季度", date: "2023-07-10" });
    expect(dueSoon[0].link).toMatch(/^\/reports\//);

    const second = await scanNotifications(db, now);
    expect(second.created).toBe(0);
    expect(await db.notification.count({ where: { kind: "DUE_SOON" } })).toBe(before + dueSoon.length);
  });

  it("is safe when two instances scan at once: no duplicates", async () => {
    // A week later the same periods have become overdue.
    const now = new Date("2023-07-12T02:00:00Z");
    const before = await db.notification.count();
    const results = await Promise.all([scanNotifications(db, now), scanNotifications(db, now)]);
    const overdue = await db.notification.count({ where: { kind: "OVERDUE", dedupeKey: { contains: "2023-07-10" } } });
    expect(overdue).toBe(await expectedPairs());
    // What the two scans say they created is exactly what appeared: nothing was created twice.
    expect(results.reduce((n, r) => n + r.created, 0)).toBe((await db.notification.count()) - before);
    const keys = await db.notification.groupBy({ by: ["userId", "dedupeKey"], _count: { _all: true } });
    expect(keys.every((k) => k._count._all === 1)).toBe(true);
  });

  it("leaves events to the transactions that make them: a returned report found by the scan is not told again (tests/integration/notices.test.ts)", async () => {
    const wjw = await db.user.findUniqueOrThrow({ where: { loginName: "wjw" } });
    // 市卫健委 supports measure 1.2.
    const p12 = await db.reportingPeriod.findFirstOrThrow({ where: { kind: "QUARTER", measure: { number: 2, keyTask: { number: 1 } } }, orderBy: { periodEnd: "asc" } });
    const report = await db.progressReport.create({
      data: { periodId: p12.id, measureId: p12.measureId, departmentId: wjw.departmentId!, isLead: false, state: "RETURNED", returnReason: "请补充数据", version: 3 },
    });
    await scanNotifications(db, new Date("2023-07-12T02:00:00Z"));
    expect(await db.notification.count({ where: { userId: wjw.id, dedupeKey: `returned:${report.id}:3` } })).toBe(0);
  });
});
