import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { dayToDate, isoDay } from "@/lib/due";
import { quarterEnds, type ScheduleKind } from "@/lib/schedule";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";

/** Due dates of a schedule set by hand, inside the plan's years. */
export function dueDatesFor(kind: ScheduleKind, plan: { startYear: number; endYear: number }, deadline: string | null): string[] {
  switch (kind) {
    case "QUARTERLY":
      return quarterEnds(plan.startYear, plan.endYear);
    case "ANNUAL":
      return Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => `${plan.startYear + i}-03-31`);
    case "ONGOING":
      return [];
    case "DEADLINE":
    case "RANGE":
      return deadline ? [deadline] : [];
  }
}

export interface UpdateMeasureInput {
  measureId: string;
  expectedVersion: number;
  text: string;
  scheduleKind: ScheduleKind;
  scheduleStart: string | null;
  deadline: string | null;
}

/**
 * An administrator corrects a measure's text (the official typo, say) or sets its
 * schedule by hand. Refused if someone else changed the measure meanwhile.
 * Milestone periods follow the new deadlines; a milestone that already has
 * reports is kept.
 */
export async function updateMeasure(db: PrismaClient, actor: Actor, input: UpdateMeasureInput): Promise<number> {
  authorize(actor, "measure:manage");
  if ((input.scheduleKind === "DEADLINE" || input.scheduleKind === "RANGE") && !input.deadline) throw new RuleError("admin", "deadlineRequired");
  if (input.scheduleKind === "RANGE" && input.scheduleStart && input.deadline && input.scheduleStart > input.deadline) throw new RuleError("admin", "rangeOrder");
  return db.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({
      where: { id: input.measureId },
      select: {
        version: true,
        text: true,
        scheduleKind: true,
        scheduleStart: true,
        deadline: true,
        dueDates: true,
        keyTask: { select: { plan: { select: { startYear: true, endYear: true } } } },
      },
    });
    if (!before) throw new RuleError("admin", "notFound");
    if (before.version !== input.expectedVersion) throw new RuleError("admin", "measureConflict", { current: before.version });
    const dueDates = dueDatesFor(input.scheduleKind, before.keyTask.plan, input.deadline);
    const updated = await tx.measure.updateMany({
      where: { id: input.measureId, version: input.expectedVersion },
      data: {
        text: input.text,
        scheduleKind: input.scheduleKind,
        scheduleError: null,
        scheduleStart: input.scheduleKind === "RANGE" && input.scheduleStart ? dayToDate(input.scheduleStart) : null,
        deadline: input.deadline && (input.scheduleKind === "DEADLINE" || input.scheduleKind === "RANGE") ? dayToDate(input.deadline) : null,
        reportsQuarterly: input.scheduleKind === "QUARTERLY" || input.scheduleKind === "ONGOING",
        dueDates: dueDates.map(dayToDate),
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw new RuleError("admin", "measureConflict", { current: before.version + 1 });

    const milestones = input.scheduleKind === "ANNUAL" || input.scheduleKind === "DEADLINE" || input.scheduleKind === "RANGE" ? dueDates : [];
    const existing = await tx.reportingPeriod.findMany({
      where: { measureId: input.measureId, kind: "MILESTONE" },
      select: { id: true, periodEnd: true, _count: { select: { reports: true, extensions: true } } },
    });
    const stale = existing.filter((p) => !milestones.includes(isoDay(p.periodEnd)) && p._count.reports === 0 && p._count.extensions === 0);
    if (stale.length) await tx.reportingPeriod.deleteMany({ where: { id: { in: stale.map((p) => p.id) } } });
    const have = new Set(existing.map((p) => isoDay(p.periodEnd)));
    const missing = milestones.filter((d) => !have.has(d));
    if (missing.length) {
      await tx.reportingPeriod.createMany({
        data: missing.map((d) => ({ measureId: input.measureId, kind: "MILESTONE" as const, periodStart: dayToDate(`${d.slice(0, 4)}-01-01`), periodEnd: dayToDate(d), dueDate: dayToDate(d), originalDueDate: dayToDate(d) })),
      });
    }
    const snapshot = (m: { text: string; scheduleKind: string | null; deadline: Date | null; dueDates: Date[] }): Prisma.InputJsonValue => ({
      text: m.text,
      scheduleKind: m.scheduleKind,
      deadline: m.deadline ? isoDay(m.deadline) : null,
      dueDates: m.dueDates.map(isoDay),
    });
    await recordActorEvent(tx, actor, {
      action: "measure.update",
      entityType: "Measure",
      entityId: input.measureId,
      before: snapshot(before),
      after: snapshot({ text: input.text, scheduleKind: input.scheduleKind, deadline: input.deadline ? dayToDate(input.deadline) : null, dueDates: dueDates.map(dayToDate) }),
    });
    return before.version + 1;
  });
}

/** An administrator moves one period's due date; the original stays recorded. Refused on a stale version. */
export async function setPeriodDueDate(db: PrismaClient, actor: Actor, input: { periodId: string; expectedVersion: number; dueDate: string }): Promise<void> {
  authorize(actor, "measure:manage");
  await db.$transaction(async (tx) => {
    const before = await tx.reportingPeriod.findUnique({ where: { id: input.periodId }, select: { dueDate: true, measureId: true } });
    if (!before) throw new RuleError("admin", "notFound");
    const updated = await tx.reportingPeriod.updateMany({
      where: { id: input.periodId, version: input.expectedVersion },
      data: { dueDate: dayToDate(input.dueDate), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new RuleError("admin", "periodConflict");
    await recordActorEvent(tx, actor, {
      action: "period.set_due_date",
      entityType: "ReportingPeriod",
      entityId: input.periodId,
      before: { dueDate: isoDay(before.dueDate), measureId: before.measureId },
      after: { dueDate: input.dueDate, measureId: before.measureId },
    });
  });
}
