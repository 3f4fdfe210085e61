import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { dayToDate } from "@/lib/due";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";

type DayRow = { working: boolean; name: string; source: string } | null;
const shown = (r: DayRow) => (r ? { working: r.working, name: r.name, source: r.source } : null);

/**
 * An administrator lists a day in the working-day calendar: a public holiday (working = false) or a
 * 调休 working day (working = true), or changes one already listed. Audited. Due dates laid out
 * from then on use it; periods already stored keep theirs (decision 020).
 */
export async function setCalendarDay(db: PrismaClient, actor: Actor, input: { day: string; working: boolean; name: string }): Promise<void> {
  authorize(actor, "calendar:manage");
  await db.$transaction(async (tx) => {
    const before = await tx.workingCalendarDay.findUnique({ where: { day: dayToDate(input.day) }, select: { working: true, name: true, source: true } });
    const data = { working: input.working, name: input.name, source: "admin" };
    await tx.workingCalendarDay.upsert({ where: { day: dayToDate(input.day) }, create: { day: dayToDate(input.day), ...data }, update: data });
    await recordActorEvent(tx, actor, { action: "calendar.set_day", entityType: "WorkingCalendarDay", entityId: input.day, before: shown(before), after: data });
  });
}

/** An administrator removes a day from the calendar: it follows the Monday–Friday week again. Audited. */
export async function removeCalendarDay(db: PrismaClient, actor: Actor, input: { day: string }): Promise<void> {
  authorize(actor, "calendar:manage");
  await db.$transaction(async (tx) => {
    const before = await tx.workingCalendarDay.findUnique({ where: { day: dayToDate(input.day) }, select: { working: true, name: true, source: true } });
    if (!before) throw new RuleError("admin", "notFound");
    await tx.workingCalendarDay.delete({ where: { day: dayToDate(input.day) } });
    await recordActorEvent(tx, actor, { action: "calendar.remove_day", entityType: "WorkingCalendarDay", entityId: input.day, before: shown(before), after: null });
  });
}
