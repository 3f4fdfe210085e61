import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { moveDueDatesToCalendar } from "@/features/schedules/sync-periods";
import { loadWorkingCalendar } from "./queries";
import { dayToDate, todayInChina } from "@/lib/due";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { STATUTORY_SOURCE_PREFIX } from "@/lib/statutory-holidays";

type DayRow = { working: boolean; name: string; source: string } | null;
const shown = (r: DayRow) => (r ? { working: r.working, name: r.name, source: r.source } : null);

/** When the edit happens: `today` (China) decides which periods are not yet due; tests pass a fixed day. */
export interface CalendarEditOptions {
  today?: string;
  dueDays?: number;
}

/**
 * An administrator lists a day in the working-day calendar: a public holiday (working = false) or a
 * 调休 working day (working = true), or changes one already listed. In the same transaction the
 * periods not yet due move to the due date the rule gives under the changed calendar (decision 031).
 * Audited, with how many periods moved.
 */
export async function setCalendarDay(db: PrismaClient, actor: Actor, input: { day: string; working: boolean; name: string }, options: CalendarEditOptions = {}): Promise<{ periodsMoved: number }> {
  authorize(actor, "calendar:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.workingCalendarDay.findUnique({ where: { day: dayToDate(input.day) }, select: { working: true, name: true, source: true } });
    const calendarBefore = await loadWorkingCalendar(tx);
    const data = { working: input.working, name: input.name, source: "admin" };
    await tx.workingCalendarDay.upsert({ where: { day: dayToDate(input.day) }, create: { day: dayToDate(input.day), ...data }, update: data });
    const periodsMoved = await moveDueDatesToCalendar(tx, { today: options.today ?? todayInChina(), before: calendarBefore, dueDays: options.dueDays });
    await recordActorEvent(tx, actor, { action: "calendar.set_day", entityType: "WorkingCalendarDay", entityId: input.day, before: shown(before), after: { ...data, periodsMoved } });
    return { periodsMoved };
  });
}

/** An administrator removes a day from the calendar: it follows the Monday–Friday week again; periods not yet due move with it. Audited. */
export async function removeCalendarDay(db: PrismaClient, actor: Actor, input: { day: string }, options: CalendarEditOptions = {}): Promise<{ periodsMoved: number }> {
  authorize(actor, "calendar:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.workingCalendarDay.findUnique({ where: { day: dayToDate(input.day) }, select: { working: true, name: true, source: true } });
    if (!before) throw new RuleError("admin", "notFound");
    const calendarBefore = await loadWorkingCalendar(tx);
    await tx.workingCalendarDay.delete({ where: { day: dayToDate(input.day) } });
    const periodsMoved = await moveDueDatesToCalendar(tx, { today: options.today ?? todayInChina(), before: calendarBefore, dueDays: options.dueDays });
    await recordActorEvent(tx, actor, { action: "calendar.remove_day", entityType: "WorkingCalendarDay", entityId: input.day, before: shown(before), after: { periodsMoved } });
    return { periodsMoved };
  });
}

/**
 * An administrator confirms that a year's calendar now follows the State Council's published
 * arrangement (调休 working days and days in lieu entered): its statutory-only rows (decision 031)
 * become the administrator's, and the page stops saying the arrangement is not yet published.
 * Working days do not change, so no due date moves. Refused when the year has no statutory-only row. Audited.
 */
export async function confirmCalendarYear(db: PrismaClient, actor: Actor, input: { year: number }): Promise<{ days: number }> {
  authorize(actor, "calendar:manage");
  return db.$transaction(async (tx) => {
    const where = { day: { gte: new Date(Date.UTC(input.year, 0, 1)), lte: new Date(Date.UTC(input.year, 11, 31)) }, source: { startsWith: STATUTORY_SOURCE_PREFIX } };
    const { count } = await tx.workingCalendarDay.updateMany({ where, data: { source: "admin" } });
    if (count === 0) throw new RuleError("admin", "calendarNothingToConfirm", { year: input.year });
    await recordActorEvent(tx, actor, { action: "calendar.confirm_year", entityType: "WorkingCalendarDay", entityId: String(input.year), before: { statutoryOnlyDays: count }, after: { statutoryOnlyDays: 0 } });
    return { days: count };
  });
}
