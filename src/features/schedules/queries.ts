import "server-only";
import { isoDay } from "@/lib/due";
import { awaitsConfirmation } from "@/lib/periods";
import { db } from "@/server/db";

/** A measure's reporting settings and its plan's defaults, for the administrators' measure page. */
export async function getMeasureReporting(measureId: string) {
  const m = await db.measure.findUnique({
    where: { id: measureId },
    select: {
      id: true,
      version: true,
      cadence: true,
      trackingStart: true,
      checkpoints: true,
      scheduleFlags: true,
      deadlineConfirmed: true,
      keyTask: { select: { plan: { select: { defaultCadence: true, trackingStart: true, startYear: true } } } },
    },
  });
  if (!m) return null;
  const plan = m.keyTask.plan;
  return {
    id: m.id,
    version: m.version,
    cadence: m.cadence,
    trackingStart: m.trackingStart ? isoDay(m.trackingStart) : null,
    checkpoints: m.checkpoints.map(isoDay),
    awaitsConfirmation: awaitsConfirmation(m),
    deadlineConfirmed: m.deadlineConfirmed,
    planDefaultCadence: plan.defaultCadence,
    planTrackingStart: plan.trackingStart ? isoDay(plan.trackingStart) : `${plan.startYear}-01-01`,
  };
}

/** Every plan's reporting defaults, for the administrators' plans page. */
export async function listPlanReporting() {
  const plans = await db.plan.findMany({ select: { id: true, defaultCadence: true, trackingStart: true } });
  return new Map(plans.map((p) => [p.id, { id: p.id, defaultCadence: p.defaultCadence, trackingStart: p.trackingStart ? isoDay(p.trackingStart) : null }]));
}
