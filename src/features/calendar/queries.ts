import type { PrismaClient } from "@/generated/prisma/client";
import { isoDay } from "@/lib/due";
import { workingCalendar, type WorkingCalendar } from "@/lib/working-days";

/** The working-day calendar's exceptions (holidays and 调休 working days), for the due-date rule. */
export async function loadWorkingCalendar(db: Pick<PrismaClient, "workingCalendarDay">): Promise<WorkingCalendar> {
  const rows = await db.workingCalendarDay.findMany({ select: { day: true, working: true } });
  return workingCalendar(rows.map((r) => ({ day: isoDay(r.day), working: r.working })));
}

/** The calendar's listed days of one year, for the administrators' calendar page. */
export async function listCalendarYear(db: Pick<PrismaClient, "workingCalendarDay">, year: number) {
  const rows = await db.workingCalendarDay.findMany({
    where: { day: { gte: new Date(Date.UTC(year, 0, 1)), lte: new Date(Date.UTC(year, 11, 31)) } },
    orderBy: { day: "asc" },
    select: { day: true, working: true, name: true, source: true },
  });
  return rows.map((r) => ({ ...r, day: isoDay(r.day) }));
}
