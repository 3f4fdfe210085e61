import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { dayToDate, isoDay } from "@/lib/due";
import { quarterEnds, type ScheduleKind } from "@/lib/schedule";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { canMovePlan, planLifecycle, type PlanStatus } from "@/lib/plan-lifecycle";
import { proposedReporting } from "@/lib/periods";
import { todayInChina } from "@/lib/due";
import { syncMeasurePeriods } from "@/features/schedules/sync-periods";

/** A range's checkpoints: 31 December of each year before its deadline's, and the deadline. */
function rangeCheckpoints(start: string | null, deadline: string | null): string[] {
  if (!deadline) return [];
  const out: string[] = [];
  for (let year = start ? Number(start.slice(0, 4)) : Number(deadline.slice(0, 4)); year < Number(deadline.slice(0, 4)); year++) out.push(`${year}-12-31`);
  return [...out, deadline];
}

type Reader = Pick<Prisma.TransactionClient, "plan">;

/**
 * Refuses a write on an archived plan (已归档: read-only), in the caller's transaction, before it
 * changes anything: `where` names the record the write touches. Every mutation on a plan's
 * measures, periods, reports, extensions and instructions asks it.
 */
export async function refuseReadOnlyPlan(tx: Reader, where: { planId: string } | { measureId: string } | { periodId: string } | { reportId: string } | { extensionId: string }): Promise<void> {
  const filter: Prisma.PlanWhereInput =
    "planId" in where
      ? { id: where.planId }
      : "measureId" in where
        ? { keyTasks: { some: { measures: { some: { id: where.measureId } } } } }
        : "periodId" in where
          ? { keyTasks: { some: { measures: { some: { periods: { some: { id: where.periodId } } } } } } }
          : "reportId" in where
            ? { keyTasks: { some: { measures: { some: { reports: { some: { id: where.reportId } } } } } } }
            : { keyTasks: { some: { measures: { some: { periods: { some: { extensions: { some: { id: where.extensionId } } } } } } } } };
  const plan = await tx.plan.findFirst({ where: filter, select: { title: true, status: true } });
  if (plan && !planLifecycle[plan.status].writable) throw new RuleError("admin", "planReadOnly", { title: plan.title });
}

/**
 * An administrator moves a plan along its lifecycle (草稿 → 执行中 → 已结束 → 已归档, and back
 * one step where src/lib/plan-lifecycle.ts allows it). Audited; refused on a move the lifecycle
 * does not allow or when someone else moved the plan meanwhile.
 */
export async function setPlanStatus(db: PrismaClient, actor: Actor, input: { planId: string; from: PlanStatus; to: PlanStatus }): Promise<void> {
  authorize(actor, "plan:manage");
  await db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: input.planId }, select: { status: true } });
    if (!plan) throw new RuleError("admin", "notFound");
    if (plan.status !== input.from) throw new RuleError("admin", "planStatusChanged");
    if (!canMovePlan(plan.status, input.to)) throw new RuleError("admin", "planStatusMove");
    const updated = await tx.plan.updateMany({ where: { id: input.planId, status: input.from }, data: { status: input.to } });
    if (updated.count === 0) throw new RuleError("admin", "planStatusChanged");
    await recordActorEvent(tx, actor, { action: "plan.status", entityType: "Plan", entityId: input.planId, before: { status: plan.status }, after: { status: input.to } });
  });
}

/** Due dates of a schedule set by hand, inside the plan's years. */
export function dueDatesFor(kind: ScheduleKind, plan: { startYear: number; endYear: number }, deadline: string | null): string[] {
  switch (kind) {
    case "QUARTERLY":
      return quarterEnds(plan.startYear, plan.endYear);
    case "MONTHLY":
      return yearsOf(plan).flatMap((year) => Array.from({ length: 12 }, (_, i) => monthEnd(year, i + 1)));
    case "HALF_YEARLY":
      return yearsOf(plan).flatMap((year) => [`${year}-06-30`, `${year}-12-31`]);
    case "ANNUAL":
      return Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => `${plan.startYear + i}-03-31`);
    case "ONGOING":
      return [];
    case "DEADLINE":
    case "RANGE":
      return deadline ? [deadline] : [];
  }
}

function yearsOf(plan: { startYear: number; endYear: number }): number[] {
  return Array.from({ length: plan.endYear - plan.startYear + 1 }, (_, i) => plan.startYear + i);
}

function monthEnd(year: number, month: number): string {
  // Day 0 of the next month is this month's last day; UTC keeps the host time zone out.
  return new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
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
 * An administrator corrects a measure's current wording (现行表述: the official typo, say; the text
 * as issued, 原文, is never changed) or sets its
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
        withdrawnAt: true,
        text: true,
        currentText: true,
        scheduleKind: true,
        scheduleStart: true,
        deadline: true,
        dueDates: true,
        keyTask: { select: { plan: { select: { startYear: true, endYear: true, status: true } } } },
      },
    });
    if (!before) throw new RuleError("admin", "notFound");
    await refuseReadOnlyPlan(tx, { measureId: input.measureId });
    if (before.withdrawnAt) throw new RuleError("admin", "measureWithdrawn", { number: "" });
    if (before.version !== input.expectedVersion) throw new RuleError("admin", "measureConflict", { current: before.version });
    const dueDates = dueDatesFor(input.scheduleKind, before.keyTask.plan, input.deadline);
    const updated = await tx.measure.updateMany({
      where: { id: input.measureId, version: input.expectedVersion },
      data: {
        // The issued text stays as issued; the edit is the current wording (none when it is the issued text again).
        currentText: input.text === before.text ? null : input.text,
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

    // The schedule set by hand proposes the checkpoints and cadence (src/lib/periods.ts), as an import would;
    // a text-only edit keeps what an administrator set on the reporting form.
    const scheduleChanged =
      before.scheduleKind !== input.scheduleKind || (before.deadline ? isoDay(before.deadline) : null) !== input.deadline || (before.scheduleStart ? isoDay(before.scheduleStart) : null) !== (input.scheduleKind === "RANGE" ? input.scheduleStart : null);
    if (scheduleChanged) {
      const reporting = proposedReporting(
        { kind: input.scheduleKind, dueDates, startDate: input.scheduleKind === "RANGE" ? input.scheduleStart : null, checkpoints: input.scheduleKind === "RANGE" ? rangeCheckpoints(input.scheduleStart, input.deadline) : [] },
        before.text,
        before.keyTask.plan,
      );
      await tx.measure.update({ where: { id: input.measureId }, data: { cadence: reporting.cadence, checkpoints: reporting.checkpoints.map(dayToDate) } });
      // Correcting a schedule corrects what is owed: its checkpoints are laid out even when passed, as before.
      await syncMeasurePeriods(tx, input.measureId, { today: todayInChina(), createPast: "checkpoints" });
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
      before: snapshot({ ...before, text: before.currentText ?? before.text }),
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
    await refuseReadOnlyPlan(tx, { periodId: input.periodId });
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
