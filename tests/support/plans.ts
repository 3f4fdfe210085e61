import type { PrismaClient } from "../../src/generated/prisma/client";

/** The shipped plan's code (prisma/seed/plan-2021-2025.json). */
export const SHIPPED_PLAN = "hs-gsyf-2021-2025";

/**
 * The shipped plan ended on 2025-12-31 (已结束): it sends no reminders and makes no new periods.
 * Tests that replay it as it ran (2021—2025) put it back to 执行中 for their file; the returned
 * function ends it again, for the other files that share the database.
 */
export async function whileShippedPlanRan(db: PrismaClient): Promise<() => Promise<void>> {
  await db.plan.update({ where: { code: SHIPPED_PLAN }, data: { status: "ACTIVE" } });
  return async () => {
    await db.plan.update({ where: { code: SHIPPED_PLAN }, data: { status: "ENDED" } });
  };
}
