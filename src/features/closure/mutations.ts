import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import type { EvidenceLimits, EvidenceStore, PendingUpload } from "@/features/reports/evidence";
import { UPLOAD_TTL_MS } from "@/features/reports/mutations";
import { storeUpload, type IncomingFile, type ReceivedUpload } from "@/features/reports/uploads";
import { authorize, type Actor } from "@/lib/permissions";
import { dayToDate, todayInChina } from "@/lib/due";
import { measureNumber, notifyDepartment, notifyRoles, type EventNotification } from "@/features/notifications/events";
import { RuleError } from "@/lib/rule-error";

/*
 * 办结销号: the lead department applies to close a measure with a summary and evidence; the bureau
 * accepts or returns it with a reason; where the plan asks for it, a leader signs off an accepted
 * application before the measure closes. A closed measure owes nothing more (src/lib/status.ts
 * periodOwed) and can be reopened with a reason. 常态化: an ongoing measure with a lasting mechanism
 * owes only each year's last quarter. Messages are keys under "reports".
 */

export type ClosureErrorKey =
  | "closureSummaryRequired"
  | "closureAlreadyOpen"
  | "closureMeasureClosed"
  | "closureNotPending"
  | "closureNotAwaitingSignoff"
  | "closureNotClosed"
  | "closureConflict"
  | "closureNormalizeKind"
  | "progressThresholds";

/** An expected refusal of a close-out rule. Nothing was changed. */
export class ClosureRuleError extends RuleError {
  constructor(key: ClosureErrorKey | "notFound" | "reasonRequired" | "uploadExpired" | "tooManyFiles", detail: Record<string, string | number> = {}) {
    super("reports", key, detail);
  }
}

type Tx = Prisma.TransactionClient;

/**
 * Tells of a closure step in its own transaction (decision 023): the department that applied (its
 * liaisons and head, who read closures), and, for `also`, every user whose role does that action
 * (the bureau for closure:review, the leaders for closure:signoff). Every text names the measure.
 */
async function tellClosure(
  tx: Tx,
  closureId: string,
  step: string,
  kind: EventNotification["kind"],
  params: Record<string, string> = {},
  to: { department?: boolean; also?: "closure:review" | "closure:signoff" } = { department: true },
) {
  const closure = await tx.measureClosure.findUniqueOrThrow({
    where: { id: closureId },
    select: { measureId: true, departmentId: true, department: { select: { shortName: true } }, measure: { select: { number: true, keyTask: { select: { number: true } } } } },
  });
  const notification: EventNotification = {
    kind,
    dedupeKey: `closure:${closureId}:${step}`,
    params: { measure: measureNumber(closure.measure), department: closure.department.shortName, ...params },
    link: `/measures/${closure.measureId}`,
  };
  if (to.department) await notifyDepartment(tx, closure.departmentId, "closure:read", notification);
  if (to.also) await notifyRoles(tx, to.also, notification);
}

/** The measure with its departments (what the scoped rules look at), closure state and plan settings. */
async function measureFor(db: PrismaClient | Tx, measureId: string) {
  const measure = await db.measure.findUnique({
    where: { id: measureId },
    select: {
      id: true,
      closedAt: true,
      normalizedAt: true,
      scheduleKind: true,
      version: true,
      departments: { select: { departmentId: true, isLead: true } },
      keyTask: { select: { plan: { select: { id: true, closureSignoff: true } } } },
    },
  });
  if (!measure) throw new ClosureRuleError("notFound");
  return measure;
}

/** Where a pending closure upload belongs: its measure, in the field a report's upload keeps its period. */
const uploadKey = (measureId: string) => `closure:${measureId}`;

/**
 * Refuses unless `actor` may add closure evidence for `measureId` now: the liaison of its lead
 * department, on a writable plan, the measure not closed. The upload route asks this before reading the body.
 */
export async function assertMayUploadClosure(db: PrismaClient, actor: Actor, measureId: string): Promise<{ departmentId: string }> {
  authorize(actor, "closure:apply", { measure: { departments: actor.departmentId ? [{ departmentId: actor.departmentId, isLead: true }] : [] } });
  const measure = await measureFor(db, measureId);
  authorize(actor, "closure:apply", { measure });
  await refuseReadOnlyPlan(db, { measureId });
  if (measure.closedAt) throw new ClosureRuleError("closureMeasureClosed");
  return { departmentId: actor.departmentId! };
}

/**
 * Receives one evidence file for a closure application: may the actor apply to close the measure
 * (asked before reading the body), then the same store, limits and checks as a report's evidence
 * (`storeUpload`, src/features/reports/uploads.ts), kept under the closure's key.
 */
export async function receiveClosureUpload(
  db: PrismaClient,
  store: EvidenceStore,
  limits: EvidenceLimits,
  actor: Actor,
  input: IncomingFile & { measureId: string },
): Promise<ReceivedUpload> {
  const { departmentId } = await assertMayUploadClosure(db, actor, input.measureId);
  return storeUpload(store, limits, { uploaderId: actor.id, key: uploadKey(input.measureId), departmentId }, input);
}

async function pendingClosureUploads(store: EvidenceStore, actor: Actor, measureId: string, references: string[], now = new Date()) {
  const found: (PendingUpload & { reference: string })[] = [];
  for (const reference of references) {
    const upload = await store.pending(reference);
    const fresh = upload && now.getTime() - Date.parse(upload.createdAt) < UPLOAD_TTL_MS;
    if (!upload || !fresh || upload.uploaderId !== actor.id || upload.periodId !== uploadKey(measureId) || upload.departmentId !== actor.departmentId) {
      throw new ClosureRuleError("uploadExpired");
    }
    found.push({ ...upload, reference });
  }
  return found;
}

/** The lead department's liaison applies to close a measure (办结销号申请), with a summary and evidence. */
export async function applyClosure(
  db: PrismaClient,
  store: EvidenceStore,
  limits: EvidenceLimits,
  actor: Actor,
  input: { measureId: string; summary: string; uploads: string[] },
): Promise<string> {
  authorize(actor, "closure:apply", { measure: { departments: actor.departmentId ? [{ departmentId: actor.departmentId, isLead: true }] : [] } });
  const measure = await measureFor(db, input.measureId);
  authorize(actor, "closure:apply", { measure });
  const summary = input.summary.trim();
  if (!summary) throw new ClosureRuleError("closureSummaryRequired");
  const references = [...new Set(input.uploads)];
  if (references.length > limits.maxFiles) throw new ClosureRuleError("tooManyFiles", { max: limits.maxFiles });
  const uploads = await pendingClosureUploads(store, actor, measure.id, references);
  try {
    const id = await db.$transaction(async (tx) => {
      await refuseReadOnlyPlan(tx, { measureId: measure.id });
      const open = await tx.measureClosure.findFirst({ where: { measureId: measure.id, state: { in: ["SUBMITTED", "AWAITING_SIGNOFF", "CLOSED"] } }, select: { state: true } });
      if (open) throw new ClosureRuleError(open.state === "CLOSED" ? "closureMeasureClosed" : "closureAlreadyOpen");
      const created = await tx.measureClosure.create({
        data: {
          measureId: measure.id,
          departmentId: actor.departmentId!,
          appliedById: actor.id,
          summary,
          evidence: {
            create: uploads.map((u) => ({ originalName: u.originalName, storedName: u.reference, mimeType: u.mimeType, size: u.size, sha256: u.sha256, uploadedById: actor.id })),
          },
        },
        select: { id: true },
      });
      await recordActorEvent(tx, actor, {
        action: "closure.apply",
        entityType: "MeasureClosure",
        entityId: created.id,
        before: null,
        after: { measureId: measure.id, summary, evidence: uploads.map((u) => ({ name: u.originalName, sha256: u.sha256 })) },
      });
      await tellClosure(tx, created.id, "applied", "CLOSURE_APPLIED", {}, { also: "closure:review" });
      return created.id;
    });
    await Promise.all(uploads.map((u) => store.settle(u.reference)));
    return id;
  } catch (error) {
    // Two applications at once: the partial unique index lets one through.
    if (error instanceof Error && "code" in error && error.code === "P2002") throw new ClosureRuleError("closureAlreadyOpen");
    throw error;
  }
}

/** Closes the measure in `tx` by the application `closureId` (its decision's moment), audited by the caller. */
async function closeMeasure(tx: Tx, measureId: string, closureId: string, at: Date) {
  await tx.measureClosure.update({ where: { id: closureId }, data: { state: "CLOSED", closedAt: at } });
  await tx.measure.update({ where: { id: measureId }, data: { closedAt: at } });
}

/**
 * The bureau accepts an application (the measure closes, or waits for a leader's sign-off when the
 * plan asks for one) or returns it with a reason.
 */
export async function reviewClosure(db: PrismaClient, actor: Actor, input: { closureId: string; expectedVersion: number; decision: "ACCEPT" | "RETURN"; reason: string }): Promise<"CLOSED" | "AWAITING_SIGNOFF" | "RETURNED"> {
  authorize(actor, "closure:review");
  const reason = input.reason.trim();
  if (input.decision === "RETURN" && !reason) throw new ClosureRuleError("reasonRequired");
  return db.$transaction(async (tx) => {
    const closure = await tx.measureClosure.findUnique({ where: { id: input.closureId }, select: { state: true, measureId: true, version: true } });
    if (!closure) throw new ClosureRuleError("notFound");
    await refuseReadOnlyPlan(tx, { measureId: closure.measureId });
    if (closure.state !== "SUBMITTED") throw new ClosureRuleError("closureNotPending");
    const measure = await measureFor(tx, closure.measureId);
    const now = new Date();
    const state = input.decision === "RETURN" ? "RETURNED" : measure.keyTask.plan.closureSignoff ? "AWAITING_SIGNOFF" : "CLOSED";
    const updated = await tx.measureClosure.updateMany({
      where: { id: input.closureId, state: "SUBMITTED", version: input.expectedVersion },
      data: { state: state === "CLOSED" ? "SUBMITTED" : state, reviewedById: actor.id, reviewedAt: now, returnReason: input.decision === "RETURN" ? reason : null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ClosureRuleError("closureConflict");
    if (state === "CLOSED") await closeMeasure(tx, closure.measureId, input.closureId, now);
    await recordActorEvent(tx, actor, {
      action: input.decision === "RETURN" ? "closure.return" : "closure.accept",
      entityType: "MeasureClosure",
      entityId: input.closureId,
      before: { state: "SUBMITTED" },
      after: { state, reason: reason || null, measureId: closure.measureId },
    });
    if (state === "RETURNED") await tellClosure(tx, input.closureId, "returned", "CLOSURE_RETURNED", { reason });
    else if (state === "CLOSED") await tellClosure(tx, input.closureId, "closed", "CLOSURE_CLOSED");
    else {
      await tellClosure(tx, input.closureId, "accepted", "CLOSURE_ACCEPTED");
      await tellClosure(tx, input.closureId, "awaiting-signoff", "CLOSURE_AWAITING_SIGNOFF", {}, { also: "closure:signoff" });
    }
    return state;
  });
}

/** A leader signs off an accepted application (the measure closes) or sends it back with a reason. */
export async function signoffClosure(db: PrismaClient, actor: Actor, input: { closureId: string; expectedVersion: number; decision: "ACCEPT" | "RETURN"; reason: string }): Promise<"CLOSED" | "RETURNED"> {
  authorize(actor, "closure:signoff");
  const reason = input.reason.trim();
  if (input.decision === "RETURN" && !reason) throw new ClosureRuleError("reasonRequired");
  return db.$transaction(async (tx) => {
    const closure = await tx.measureClosure.findUnique({ where: { id: input.closureId }, select: { state: true, measureId: true } });
    if (!closure) throw new ClosureRuleError("notFound");
    await refuseReadOnlyPlan(tx, { measureId: closure.measureId });
    if (closure.state !== "AWAITING_SIGNOFF") throw new ClosureRuleError("closureNotAwaitingSignoff");
    const now = new Date();
    const state = input.decision === "RETURN" ? "RETURNED" : "CLOSED";
    const updated = await tx.measureClosure.updateMany({
      where: { id: input.closureId, state: "AWAITING_SIGNOFF", version: input.expectedVersion },
      data: { state: state === "CLOSED" ? "AWAITING_SIGNOFF" : "RETURNED", signedOffById: actor.id, signedOffAt: now, returnReason: input.decision === "RETURN" ? reason : null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ClosureRuleError("closureConflict");
    if (state === "CLOSED") await closeMeasure(tx, closure.measureId, input.closureId, now);
    await recordActorEvent(tx, actor, {
      action: input.decision === "RETURN" ? "closure.signoff_return" : "closure.signoff",
      entityType: "MeasureClosure",
      entityId: input.closureId,
      before: { state: "AWAITING_SIGNOFF" },
      after: { state, reason: reason || null, measureId: closure.measureId },
    });
    // The department, and the bureau that accepted it, hear the leader's decision.
    if (state === "RETURNED") await tellClosure(tx, input.closureId, "signoff-returned", "CLOSURE_RETURNED", { reason }, { department: true, also: "closure:review" });
    else await tellClosure(tx, input.closureId, "closed", "CLOSURE_CLOSED", {}, { department: true, also: "closure:review" });
    return state;
  });
}

/** The bureau reopens a closed measure with a reason: it owes its periods again from that day. */
export async function reopenMeasure(db: PrismaClient, actor: Actor, input: { measureId: string; reason: string }): Promise<void> {
  authorize(actor, "closure:review");
  const reason = input.reason.trim();
  if (!reason) throw new ClosureRuleError("reasonRequired");
  await db.$transaction(async (tx) => {
    await refuseReadOnlyPlan(tx, { measureId: input.measureId });
    const closure = await tx.measureClosure.findFirst({ where: { measureId: input.measureId, state: "CLOSED" }, select: { id: true, closedAt: true } });
    if (!closure) throw new ClosureRuleError("closureNotClosed");
    const now = new Date();
    const updated = await tx.measureClosure.updateMany({
      where: { id: closure.id, state: "CLOSED" },
      data: { state: "REOPENED", reopenedById: actor.id, reopenedAt: now, reopenReason: reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ClosureRuleError("closureConflict");
    await tx.measure.update({ where: { id: input.measureId }, data: { closedAt: null } });
    await recordActorEvent(tx, actor, {
      action: "closure.reopen",
      entityType: "MeasureClosure",
      entityId: closure.id,
      before: { state: "CLOSED", closedAt: closure.closedAt?.toISOString() ?? null },
      after: { state: "REOPENED", reason, measureId: input.measureId },
    });
    await tellClosure(tx, closure.id, "reopened", "CLOSURE_REOPENED", { reason });
  });
}

/**
 * The bureau declares an ongoing measure (持续推进, 长期坚持) 常态化 — a lasting mechanism is in place —
 * or withdraws it. From then on only each year's last quarter is owed (src/lib/status.ts periodOwed).
 */
export async function setNormalized(db: PrismaClient, actor: Actor, input: { measureId: string; normalized: boolean }): Promise<void> {
  authorize(actor, "closure:review");
  await db.$transaction(async (tx) => {
    const measure = await measureFor(tx, input.measureId);
    await refuseReadOnlyPlan(tx, { measureId: measure.id });
    if (measure.scheduleKind !== "ONGOING") throw new ClosureRuleError("closureNormalizeKind");
    if (Boolean(measure.normalizedAt) === input.normalized) return;
    const normalizedAt = input.normalized ? new Date() : null;
    await tx.measure.update({ where: { id: measure.id }, data: { normalizedAt, version: { increment: 1 } } });
    await recordActorEvent(tx, actor, {
      action: input.normalized ? "measure.normalize" : "measure.unnormalize",
      entityType: "Measure",
      entityId: measure.id,
      before: { normalizedAt: measure.normalizedAt?.toISOString() ?? null },
      after: { normalizedAt: normalizedAt?.toISOString() ?? null },
    });
  });
}

/** An administrator sets a plan's 进度 thresholds (points behind 序时进度) and whether a closure needs a leader's sign-off. */
export async function setProgressSettings(db: PrismaClient, actor: Actor, input: { planId: string; yellowPoints: number; redPoints: number; closureSignoff: boolean; headSignoff?: boolean },
  now: Date = new Date(),
): Promise<void> {
  authorize(actor, "plan:manage");
  if (!(input.yellowPoints >= 0 && input.redPoints >= input.yellowPoints && input.redPoints <= 100)) throw new ClosureRuleError("progressThresholds");
  await db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({ where: { id: input.planId }, select: { progressYellowPoints: true, progressRedPoints: true, closureSignoff: true, headSignoff: true, startYear: true } });
    if (!plan) throw new ClosureRuleError("notFound");
    await refuseReadOnlyPlan(tx, { planId: input.planId });
    const after = { progressYellowPoints: input.yellowPoints, progressRedPoints: input.redPoints, closureSignoff: input.closureSignoff, headSignoff: input.headSignoff ?? plan.headSignoff };
    await tx.plan.update({ where: { id: input.planId }, data: after });
    // Thresholds as history (decision 032): the earlier values stay in force for the days before today.
    if (plan.progressYellowPoints !== input.yellowPoints || plan.progressRedPoints !== input.redPoints) {
      const day = todayInChina(now);
      const today = dayToDate(day);
      const planStart = `${plan.startYear}-01-01`;
      // The first change: the values until now were in force from the plan's start (none, for a plan not yet begun).
      if (planStart < day && !(await tx.planThresholds.count({ where: { planId: input.planId } }))) {
        await tx.planThresholds.create({ data: { planId: input.planId, effectiveFrom: dayToDate(planStart), progressYellowPoints: plan.progressYellowPoints, progressRedPoints: plan.progressRedPoints } });
      }
      const values = { progressYellowPoints: input.yellowPoints, progressRedPoints: input.redPoints };
      await tx.planThresholds.upsert({ where: { planId_effectiveFrom: { planId: input.planId, effectiveFrom: today } }, create: { planId: input.planId, effectiveFrom: today, ...values }, update: values });
    }
    const before = { progressYellowPoints: plan.progressYellowPoints, progressRedPoints: plan.progressRedPoints, closureSignoff: plan.closureSignoff, headSignoff: plan.headSignoff };
    await recordActorEvent(tx, actor, { action: "plan.progress_settings", entityType: "Plan", entityId: input.planId, before, after });
  });
}

