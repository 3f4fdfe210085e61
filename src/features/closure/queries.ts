import "server-only";
import { db } from "@/server/db";
import { can, type Principal } from "@/lib/permissions";
import { todayInChina } from "@/lib/due";

const closureSelect = {
  id: true,
  state: true,
  summary: true,
  version: true,
  createdAt: true,
  reviewedAt: true,
  returnReason: true,
  signedOffAt: true,
  closedAt: true,
  reopenedAt: true,
  reopenReason: true,
  department: { select: { shortName: true } },
  evidence: { orderBy: { createdAt: "asc" as const }, select: { id: true, originalName: true, size: true } },
} as const;

/** A measure's closure applications (办结销号), newest first, and whether it is closed or 常态化; null for a caller who may not read them. */
export async function getMeasureClosure(actor: Principal | null, measureId: string) {
  const measure = await db.measure.findUnique({
    where: { id: measureId },
    select: { closedAt: true, normalizedAt: true, scheduleKind: true, departments: { select: { departmentId: true, isLead: true } }, keyTask: { select: { plan: { select: { closureSignoff: true } } } } },
  });
  if (!measure || !can(actor, "closure:read", { measure })) return null;
  const closures = await db.measureClosure.findMany({ where: { measureId }, orderBy: { createdAt: "desc" }, select: closureSelect });
  return {
    closedOn: measure.closedAt ? todayInChina(measure.closedAt) : null,
    normalizedOn: measure.normalizedAt ? todayInChina(measure.normalizedAt) : null,
    ongoing: measure.scheduleKind === "ONGOING",
    signoff: measure.keyTask.plan.closureSignoff,
    departments: measure.departments,
    closures,
  };
}

/** Closure applications waiting on the caller: the bureau's to review, a leader's to sign off; empty for anyone else. */
export async function getPendingClosures(actor: Principal | null) {
  const states = [...(can(actor, "closure:review") ? (["SUBMITTED"] as const) : []), ...(can(actor, "closure:signoff") ? (["AWAITING_SIGNOFF"] as const) : [])];
  if (states.length === 0) return [];
  return db.measureClosure.findMany({
    where: { state: { in: [...states] } },
    orderBy: { createdAt: "asc" },
    select: { id: true, state: true, createdAt: true, summary: true, measureId: true, department: { select: { shortName: true } }, measure: { select: { number: true, keyTask: { select: { number: true } } } } },
  });
}

/** One closure evidence file's record, if the caller may read the measure's closure; null otherwise (and when it does not exist). */
export async function getClosureEvidence(actor: Principal | null, evidenceId: string) {
  const file = await db.closureEvidence.findUnique({
    where: { id: evidenceId },
    select: { originalName: true, storedName: true, mimeType: true, closure: { select: { measure: { select: { departments: { select: { departmentId: true, isLead: true } } } } } } },
  });
  if (!file || !can(actor, "closure:read", { measure: file.closure.measure })) return null;
  return { originalName: file.originalName, storedName: file.storedName, mimeType: file.mimeType };
}

/** A plan's 进度 thresholds and close-out sign-off setting (decision 024), for any caller who may read the plan's page. */
export async function getPlanProgressSettings(planId: string) {
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { progressYellowPoints: true, progressRedPoints: true, closureSignoff: true, headSignoff: true } });
  return plan ?? { progressYellowPoints: 10, progressRedPoints: 30, closureSignoff: false, headSignoff: false };
}
