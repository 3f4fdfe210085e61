/**
 * The audit trail names what each event is about in words (a user's name, a department, a
 * measure's number, a period), never a bare record id.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { recordAuditEvent } from "../../src/features/audit/record-audit-event";
import { SHIPPED_PLAN } from "../support/plans";

vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
const { db } = await import("@/server/db");
const { getAuditEvents } = await import("@/features/audit/queries");

const admin = { role: "ADMIN" as const, departmentId: null };

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
});
afterAll(async () => {
  await db.$disconnect();
});

describe("the audit trail's subjects", () => {
  it("names users, departments, measures and periods, and leaves unknown kinds unnamed", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { loginName: "wjw" } });
    const measure = await db.measure.findFirstOrThrow({
      where: { number: 2, keyTask: { number: 1, plan: { code: SHIPPED_PLAN } } },
      include: { departments: { include: { department: true } }, periods: { where: { kind: "QUARTER" }, orderBy: { periodEnd: "asc" }, take: 1 } },
    });
    const department = measure.departments[0].department;
    const period = measure.periods[0];
    const action = `test.subject.${Date.now()}`;
    for (const [entityType, entityId] of [
      ["User", user.id],
      ["Department", department.id],
      ["Measure", measure.id],
      ["ReportingPeriod", period.id],
      ["Unknown", "x1"],
    ] as const) {
      await recordAuditEvent(db, { actorId: null, actorLabel: "test", action, entityType, entityId });
    }

    const { events } = await getAuditEvents(admin, { action, page: 1 });
    const subjects = Object.fromEntries(events.map((e) => [e.entityType, e.subject]));
    expect(subjects).toEqual({
      User: `${user.displayName}（wjw）`,
      Department: department.shortName,
      Measure: "1.2",
      ReportingPeriod: "1.2 · 2021年第1季度",
      Unknown: null,
    });
    // The same period in English.
    const english = await getAuditEvents(admin, { action, entityType: "ReportingPeriod", page: 1 }, "en");
    expect(english.events[0].subject).toBe("1.2 · 2021 Q1");
  });
});
