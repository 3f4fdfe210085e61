import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { dayToDate, isoDay, todayInChina } from "@/lib/due";
import { awaitsConfirmation, type ReportingCadence } from "@/lib/periods";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { syncMeasurePeriods, type PeriodSync } from "./sync-periods";

export interface SetMeasureReportingInput {
  measureId: string;
  expectedVersion: number;
  /** null: the plan's default */
  cadence: ReportingCadence | null;
  trackingStart: string | null;
  checkpoints: string[];
}

const sum = (a: PeriodSync, b: PeriodSync): PeriodSync => ({ created: a.created + b.created, removed: a.removed + b.removed, keptWithReports: a.keptWithReports + b.keptWithReports, moved: a.moved + b.moved });

/**
 * An administrator sets a measure's reporting cadence, tracking start and checkpoints; its periods
 * are regenerated in the same transaction (syncMeasurePeriods: future ones created, unreported
 * ones the rule no longer asks for removed, reported ones kept). Audited; refused on a stale version.
 */
export async function setMeasureReporting(db: PrismaClient, actor: Actor, input: SetMeasureReportingInput, today = todayInChina()): Promise<PeriodSync> {
  authorize(actor, "measure:manage");
  const checkpoints = [...new Set(input.checkpoints)].sort();
  return db.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({ where: { id: input.measureId }, select: { version: true, cadence: true, trackingStart: true, checkpoints: true } });
    if (!before) throw new RuleError("admin", "notFound");
    await refuseReadOnlyPlan(tx, { measureId: input.measureId });
    const updated = await tx.measure.updateMany({
      where: { id: input.measureId, version: input.expectedVersion },
      data: { cadence: input.cadence, trackingStart: input.trackingStart ? dayToDate(input.trackingStart) : null, checkpoints: checkpoints.map(dayToDate), version: { increment: 1 } },
    });
    if (updated.count === 0) throw new RuleError("admin", "measureConflict", { current: before.version });
    const sync = await syncMeasurePeriods(tx, input.measureId, { today });
    await recordActorEvent(tx, actor, {
      action: "measure.set_reporting",
      entityType: "Measure",
      entityId: input.measureId,
      before: { cadence: before.cadence, trackingStart: before.trackingStart ? isoDay(before.trackingStart) : null, checkpoints: before.checkpoints.map(isoDay) },
      after: { cadence: input.cadence, trackingStart: input.trackingStart, checkpoints, periods: { ...sync } },
    });
    return sync;
  });
}

/**
 * An administrator confirms a deadline before the plan start (待确认): from now on the measure owes
 * it, and its checkpoint period is created although the day has passed. Audited.
 */
export async function confirmEarlyDeadline(db: PrismaClient, actor: Actor, input: { measureId: string; expectedVersion: number }, today = todayInChina()): Promise<PeriodSync> {
  authorize(actor, "measure:manage");
  return db.$transaction(async (tx) => {
    const before = await tx.measure.findUnique({ where: { id: input.measureId }, select: { version: true, scheduleFlags: true, deadlineConfirmed: true } });
    if (!before) throw new RuleError("admin", "notFound");
    await refuseReadOnlyPlan(tx, { measureId: input.measureId });
    if (!awaitsConfirmation(before)) throw new RuleError("admin", "nothingToConfirm");
    const updated = await tx.measure.updateMany({ where: { id: input.measureId, version: input.expectedVersion }, data: { deadlineConfirmed: true, version: { increment: 1 } } });
    if (updated.count === 0) throw new RuleError("admin", "measureConflict", { current: before.version });
    const sync = await syncMeasurePeriods(tx, input.measureId, { today, createPast: true });
    await recordActorEvent(tx, actor, { action: "measure.confirm_deadline", entityType: "Measure", entityId: input.measureId, before: { deadlineConfirmed: false }, after: { deadlineConfirmed: true, periods: { ...sync } } });
    return sync;
  });
}

/**
 * An administrator sets a plan's default cadence and tracking start (its issue date); every
 * measure of the plan is regenerated in the same transaction. Audited.
 */
export async function setPlanReporting(
  db: PrismaClient,
  actor: Actor,
  input: { planId: string; defaultCadence: ReportingCadence; trackingStart: string | null },
  today = todayInChina(),
): Promise<PeriodSync> {
  authorize(actor, "plan:manage");
  return db.$transaction(
    async (tx) => {
      const before = await tx.plan.findUnique({ where: { id: input.planId }, select: { defaultCadence: true, trackingStart: true } });
      if (!before) throw new RuleError("admin", "notFound");
      await refuseReadOnlyPlan(tx, { planId: input.planId });
      await tx.plan.update({ where: { id: input.planId }, data: { defaultCadence: input.defaultCadence, trackingStart: input.trackingStart ? dayToDate(input.trackingStart) : null } });
      const measures = await tx.measure.findMany({ where: { keyTask: { planId: input.planId } }, select: { id: true } });
      let sync: PeriodSync = { created: 0, removed: 0, keptWithReports: 0, moved: 0 };
      for (const m of measures) sync = sum(sync, await syncMeasurePeriods(tx, m.id, { today }));
      await recordActorEvent(tx, actor, {
        action: "plan.set_reporting",
        entityType: "Plan",
        entityId: input.planId,
        before: { defaultCadence: before.defaultCadence, trackingStart: before.trackingStart ? isoDay(before.trackingStart) : null },
        after: { defaultCadence: input.defaultCadence, trackingStart: input.trackingStart, periods: { ...sync } },
      });
      return sync;
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
