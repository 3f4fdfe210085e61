import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { RuleError } from "@/lib/rule-error";
import { dayToDate, departmentDueDate } from "@/lib/due";
import { authorize, Forbidden, rolesWith, type Action, type Actor } from "@/lib/permissions";
import { lockedForDepartment, nextReportState, revisionEvent, type ReportState } from "@/lib/report-states";
import { periodLabel } from "@/lib/periods";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { measureNumber, notifyDepartment, notifyUsers } from "@/features/notifications/events";
import type { EvidenceLimits, EvidenceStore, PendingUpload } from "./evidence";

export type ReportErrorKey =
  | "notFound"
  | "measureWithdrawn"
  | "locked"
  | "conflict"
  | "incomplete"
  | "tooManyFiles"
  | "fileType"
  | "fileSize"
  | "fileEmpty"
  | "uploadExpired"
  | "unknownIndicator"
  | "notSubmitted"
  | "reasonRequired"
  | "extensionPending"
  | "extensionDate"
  | "extensionAlreadyDecided"
  | "noHead"
  | "notAwaitingHead";

/** An expected refusal of a reporting rule; the key is a message under "reports". Nothing was changed. */
export class ReportRuleError extends RuleError {
  constructor(key: ReportErrorKey, detail: Record<string, string | number> = {}) {
    super("reports", key, detail);
  }
}

const audit = (tx: Prisma.TransactionClient, actor: Actor, action: string, entityType: string, entityId: string, before: Prisma.InputJsonValue | null, after: Prisma.InputJsonValue | null) =>
  recordActorEvent(tx, actor, { action, entityType, entityId, before, after });

/** The period with the actor's department's assignment on its measure; the policy refuses a department that does not carry it. */
async function periodForDepartment(db: PrismaClient | Prisma.TransactionClient, periodId: string, actor: Actor, action: Action) {
  const departmentId = actor.departmentId;
  if (!departmentId) throw new Forbidden("notYours");
  const period = await db.reportingPeriod.findUnique({
    where: { id: periodId },
    select: {
      id: true,
      dueDate: true,
      departmentDues: { where: { departmentId }, select: { dueDate: true } },
      measureId: true,
      kind: true,
      periodEnd: true,
      measure: {
        select: {
          number: true,
          keyTask: { select: { number: true, plan: { select: { headSignoff: true } } } },
          withdrawnAt: true,
          departments: { where: { departmentId }, select: { isLead: true } },
          indicators: { select: { id: true } },
        },
      },
    },
  });
  if (!period) throw new ReportRuleError("notFound");
  const assignment = period.measure.departments[0];
  // "own" on a report: the caller's department's report on this measure, which exists only if the department carries it.
  authorize(actor, action, { departmentId: assignment ? departmentId : null });
  await refuseReadOnlyPlan(db, { periodId });
  // A withdrawn measure (撤销, decision 021) owes nothing: no report or extension is taken on it.
  if (period.measure.withdrawnAt) throw new ReportRuleError("measureWithdrawn");
  // The department's own due date: an approved extension of another department does not move it.
  const dueDate = departmentDueDate(period.dueDate, period.departmentDues[0]?.dueDate);
  return { period, isLead: assignment?.isLead ?? false, departmentId, dueDate };
}

/** The version a report has now (for the message of a refused save). */
async function currentVersion(tx: Prisma.TransactionClient, reportId: string): Promise<number> {
  return (await tx.progressReport.findUnique({ where: { id: reportId }, select: { version: true } }))?.version ?? 0;
}

/** A report's content as it stands in `tx` (what a revision freezes), its version and how many revisions it has. */
async function reportSnapshot(tx: Prisma.TransactionClient, reportId: string) {
  const report = await tx.progressReport.findUniqueOrThrow({
    where: { id: reportId },
    select: {
      version: true,
      progress: true,
      workDone: true,
      problems: true,
      nextSteps: true,
      values: { select: { indicatorId: true, value: true } },
      attachments: { where: { removedAt: null }, select: { id: true, originalName: true, size: true, sha256: true } },
      _count: { select: { revisions: true } },
    },
  });
  const snapshot = {
    progress: report.progress,
    workDone: report.workDone,
    problems: report.problems,
    nextSteps: report.nextSteps,
    values: report.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toString() })),
    attachments: report.attachments,
  };
  return { version: report.version, snapshot, revisions: report._count.revisions };
}

export interface SaveReportInput {
  periodId: string;
  /** The version the form was loaded from; 0 for a report not yet saved. */
  expectedVersion: number;
  progress: "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DIFFICULT" | null;
  workDone: string;
  problems: string;
  nextSteps: string;
  /** indicatorId → value; an indicator left out has no value. */
  values: Record<string, number>;
  /** References of files uploaded beforehand (receiveUpload in ./uploads) to attach. */
  uploads: string[];
  removeAttachmentIds: string[];
  submit: boolean;
}

/**
 * Saves a department's report for a period as a draft, or submits it.
 * A submitted or accepted report is read-only to its department; a save based
 * on an older version is refused (lost-update guard). Evidence arrives beforehand,
 * file by file, through the upload route (./uploads); the save attaches the
 * actor's own pending uploads by reference. If anything fails nothing is saved,
 * and the uploads stay pending for another try.
 */
export async function saveReport(
  db: PrismaClient,
  store: EvidenceStore,
  limits: EvidenceLimits,
  actor: Actor,
  input: SaveReportInput,
): Promise<{ reportId: string; version: number; state: ReportState }> {
  authorize(actor, "report:write", { departmentId: actor.departmentId });
  const { period, isLead, departmentId } = await periodForDepartment(db, input.periodId, actor, "report:write");
  const indicatorIds = new Set(period.measure.indicators.map((i) => i.id));
  if (Object.keys(input.values).some((id) => !indicatorIds.has(id))) throw new ReportRuleError("unknownIndicator");

  const existing = await db.progressReport.findUnique({
    where: { periodId_departmentId: { periodId: period.id, departmentId } },
    select: { id: true, state: true, version: true, attachments: { where: { removedAt: null }, select: { id: true } } },
  });
  // The one state machine (src/lib/report-states.ts): where the plan asks for it, a submission goes to the department head first.
  const step = input.submit ? "submit" : "save";
  const state = nextReportState(existing?.state ?? null, step, period.measure.keyTask.plan.headSignoff);
  if (!state || lockedForDepartment(existing?.state ?? null)) throw new ReportRuleError("locked");
  if ((existing?.version ?? 0) !== input.expectedVersion) throw new ReportRuleError("conflict", { current: existing?.version ?? 0 });

  const removing = new Set(input.removeAttachmentIds.filter((id) => existing?.attachments.some((a) => a.id === id)));
  const keptCount = (existing?.attachments.length ?? 0) - removing.size;
  const references = [...new Set(input.uploads)];
  if (keptCount + references.length > limits.maxFiles) throw new ReportRuleError("tooManyFiles", { max: limits.maxFiles });
  const uploads = await pendingUploads(store, actor, period.id, references);
  if (input.submit && (!input.progress || input.workDone.trim() === "")) throw new ReportRuleError("incomplete");

  try {
    const saved = await db.$transaction(async (tx): Promise<{ reportId: string; version: number; state: ReportState }> => {
      const now = new Date();
      // Nobody could sign it: a report awaiting a head the department does not have would wait for ever.
      if (state === "AWAITING_HEAD" && !(await tx.user.count({ where: { departmentId, active: true, role: { in: rolesWith("report:signoff") } } }))) {
        throw new ReportRuleError("noHead");
      }
      const fields = {
        progress: input.progress,
        workDone: input.workDone,
        problems: input.problems,
        nextSteps: input.nextSteps,
        state,
        // 报送: the moment the report reaches the bureau (with a head's sign-off, when the head signs).
        submittedAt: state === "SUBMITTED" ? now : undefined,
        // A 代填报 returned to the department becomes its own once it saves it (decision 025); the revisions keep who wrote what.
        entry: "OWN",
        enteredById: null,
        enteredAt: null,
      } as const;
      let reportId: string;
      if (existing) {
        const updated = await tx.progressReport.updateMany({
          where: { id: existing.id, version: input.expectedVersion },
          data: { ...fields, version: { increment: 1 } },
        });
        if (updated.count === 0) throw new ReportRuleError("conflict", { current: await currentVersion(tx, existing.id) });
        reportId = existing.id;
      } else {
        reportId = (
          await tx.progressReport.create({
            data: { ...fields, periodId: period.id, measureId: period.measureId, departmentId, isLead },
            select: { id: true },
          })
        ).id;
      }
      await tx.indicatorValue.deleteMany({ where: { reportId } });
      const values = Object.entries(input.values).map(([indicatorId, value]) => ({ reportId, indicatorId, value }));
      if (values.length) await tx.indicatorValue.createMany({ data: values });
      if (removing.size) await tx.attachment.updateMany({ where: { reportId, id: { in: [...removing] } }, data: { removedAt: now } });
      if (uploads.length) {
        await tx.attachment.createMany({
          data: uploads.map((u) => ({
            reportId,
            originalName: u.originalName,
            storedName: u.reference,
            mimeType: u.mimeType,
            size: u.size,
            sha256: u.sha256,
            uploadedById: actor.id,
          })),
        });
      }
      const { version, snapshot, revisions } = await reportSnapshot(tx, reportId);
      const event = revisionEvent(step, state);
      if (event) {
        await tx.progressReportRevision.create({
          data: { reportId, number: revisions + 1, event, actorId: actor.id, snapshot },
        });
      }
      const auditAction = !input.submit ? "report.save_draft" : state === "AWAITING_HEAD" ? "report.submit_to_head" : "report.submit";
      await audit(tx, actor, auditAction, "ProgressReport", reportId, existing ? { version: existing.version, state: existing.state } : null, {
        ...snapshot,
        version,
        state,
        periodId: period.id,
      });
      if (state === "AWAITING_HEAD") {
        await notifyDepartment(tx, departmentId, "report:signoff", {
          kind: "REPORT_AWAITING_HEAD",
          dedupeKey: `awaiting-head:${reportId}:${version}`,
          params: { measure: measureNumber(period.measure), period: periodLabel({ kind: period.kind, periodEnd: period.periodEnd.toISOString().slice(0, 10) }) },
          link: `/reports/${period.id}`,
        });
      }
      return { reportId, version, state };
    });
    // The files now belong to the report; their pending-upload descriptions go.
    await Promise.all(uploads.map((u) => store.settle(u.reference)));
    return saved;
  } catch (error) {
    // A failed save leaves the uploads pending, so the same references can be sent again.
    if (error instanceof Error && "code" in error && error.code === "P2002") {
      // Someone created the report first: the loser is told which version now stands.
      const current = await db.progressReport.findUnique({ where: { periodId_departmentId: { periodId: period.id, departmentId } }, select: { version: true } });
      throw new ReportRuleError("conflict", { current: current?.version ?? 1 });
    }
    throw error;
  }
}

/** How long an upload can wait to be attached to a report; the sweep removes it some time after. */
export const UPLOAD_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * The pending uploads behind `references`: each must be the actor's own, made for this
 * period and department, unexpired and not yet attached. Anything else is refused alike
 * ("uploadExpired"), so a guessed or borrowed reference reveals nothing.
 */
async function pendingUploads(store: EvidenceStore, actor: Actor, periodId: string, references: string[], now = new Date()) {
  const found: (PendingUpload & { reference: string })[] = [];
  for (const reference of references) {
    const upload = await store.pending(reference);
    const fresh = upload && now.getTime() - Date.parse(upload.createdAt) < UPLOAD_TTL_MS;
    if (!upload || !fresh || upload.uploaderId !== actor.id || upload.periodId !== periodId || upload.departmentId !== actor.departmentId) {
      throw new ReportRuleError("uploadExpired");
    }
    found.push({ ...upload, reference });
  }
  return found;
}

/**
 * Refuses (ReportRuleError) unless `actor` may add evidence to their department's report for
 * `periodId` now: a liaison of a department that carries the measure, the report not locked
 * for review. The upload route asks this before it reads a byte of the body.
 */
export async function assertMayUpload(db: PrismaClient, actor: Actor, periodId: string): Promise<{ departmentId: string }> {
  authorize(actor, "report:write", { departmentId: actor.departmentId });
  const { period, departmentId } = await periodForDepartment(db, periodId, actor, "report:write");
  const existing = await db.progressReport.findUnique({
    where: { periodId_departmentId: { periodId: period.id, departmentId } },
    select: { state: true },
  });
  if (lockedForDepartment(existing?.state ?? null)) throw new ReportRuleError("locked");
  return { departmentId };
}

/**
 * Accepts or returns (with a reason) a submitted report. Administrators only. A return notifies the
 * department's liaisons in the same transaction (a report returned and resubmitted at once is still told).
 */
export async function reviewReport(
  db: PrismaClient,
  actor: Actor,
  input: { reportId: string; expectedVersion: number; decision: "ACCEPT" | "RETURN"; reason: string },
): Promise<void> {
  authorize(actor, "report:review");
  const reason = input.reason.trim();
  if (input.decision === "RETURN" && !reason) throw new ReportRuleError("reasonRequired");
  await db.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({
      where: { id: input.reportId },
      select: { state: true, periodId: true, departmentId: true, measure: { select: { number: true, keyTask: { select: { number: true } } } } },
    });
    if (!report) throw new ReportRuleError("notFound");
    await refuseReadOnlyPlan(tx, { reportId: input.reportId });
    const state = nextReportState(report.state, input.decision === "ACCEPT" ? "accept" : "return", false);
    if (!state) throw new ReportRuleError("notSubmitted");
    const updated = await tx.progressReport.updateMany({
      where: { id: input.reportId, version: input.expectedVersion, state: "SUBMITTED" },
      data: { state, reviewedAt: new Date(), reviewerId: actor.id, returnReason: input.decision === "RETURN" ? reason : null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ReportRuleError("conflict", { current: await currentVersion(tx, input.reportId) });
    const { snapshot, revisions } = await reportSnapshot(tx, input.reportId);
    await tx.progressReportRevision.create({
      data: { reportId: input.reportId, number: revisions + 1, event: state, reason: reason || null, actorId: actor.id, snapshot },
    });
    await audit(tx, actor, input.decision === "ACCEPT" ? "report.accept" : "report.return", "ProgressReport", input.reportId, { state: "SUBMITTED" }, { state, reason: reason || null });
    if (state === "RETURNED") {
      await notifyDepartment(tx, report.departmentId, "report:write", {
        kind: "RETURNED",
        dedupeKey: `returned:${input.reportId}:${input.expectedVersion + 1}`,
        params: { measure: measureNumber(report.measure), reason },
        link: `/reports/${report.periodId}`,
      });
    }
  });
}

/**
 * 部门负责人审签 (decision 032): the department head approves a report awaiting sign-off, which then
 * reaches the bureau (its 报送, the moment the replay counts), or returns it to the liaisons with a
 * reason. Versioned and audited like the bureau's review; a return notifies the liaisons in the same transaction.
 */
export async function signoffReport(
  db: PrismaClient,
  actor: Actor,
  input: { reportId: string; expectedVersion: number; decision: "APPROVE" | "RETURN"; reason: string },
): Promise<void> {
  authorize(actor, "report:signoff", { departmentId: actor.departmentId });
  const reason = input.reason.trim();
  if (input.decision === "RETURN" && !reason) throw new ReportRuleError("reasonRequired");
  await db.$transaction(async (tx) => {
    const report = await tx.progressReport.findUnique({
      where: { id: input.reportId },
      select: { state: true, periodId: true, departmentId: true, measure: { select: { number: true, keyTask: { select: { number: true } } } } },
    });
    if (!report) throw new ReportRuleError("notFound");
    authorize(actor, "report:signoff", { departmentId: report.departmentId });
    await refuseReadOnlyPlan(tx, { reportId: input.reportId });
    const step = input.decision === "APPROVE" ? "headApprove" : "headReturn";
    const state = nextReportState(report.state, step, true);
    if (!state) throw new ReportRuleError("notAwaitingHead");
    const now = new Date();
    const updated = await tx.progressReport.updateMany({
      where: { id: input.reportId, version: input.expectedVersion, state: "AWAITING_HEAD" },
      data: state === "SUBMITTED" ? { state, submittedAt: now, returnReason: null, version: { increment: 1 } } : { state, returnReason: reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ReportRuleError("conflict", { current: await currentVersion(tx, input.reportId) });
    const { snapshot, revisions } = await reportSnapshot(tx, input.reportId);
    await tx.progressReportRevision.create({
      data: { reportId: input.reportId, number: revisions + 1, event: revisionEvent(step, state)!, reason: reason || null, actorId: actor.id, snapshot },
    });
    await audit(tx, actor, step === "headApprove" ? "report.head_approve" : "report.head_return", "ProgressReport", input.reportId, { state: "AWAITING_HEAD" }, { state, reason: reason || null });
    if (state === "RETURNED") {
      await notifyDepartment(tx, report.departmentId, "report:write", {
        kind: "REPORT_HEAD_RETURNED",
        dedupeKey: `head-returned:${input.reportId}:${input.expectedVersion + 1}`,
        params: { measure: measureNumber(report.measure), reason },
        link: `/reports/${report.periodId}`,
      });
    }
  });
}

/** A department asks for a later due date for one period, before or after the due date. */
export async function requestExtension(
  db: PrismaClient,
  actor: Actor,
  input: { periodId: string; requestedDueDate: string; reason: string },
): Promise<string> {
  authorize(actor, "extension:request", { departmentId: actor.departmentId });
  const { period, departmentId, dueDate } = await periodForDepartment(db, input.periodId, actor, "extension:request");
  const requested = dayToDate(input.requestedDueDate);
  if (Number.isNaN(requested.getTime()) || requested <= dueDate) throw new ReportRuleError("extensionDate");
  return db.$transaction(async (tx) => {
    const pending = await tx.extensionRequest.count({ where: { periodId: period.id, departmentId, state: "PENDING" } });
    if (pending) throw new ReportRuleError("extensionPending");
    const created = await tx.extensionRequest.create({
      data: {
        periodId: period.id,
        departmentId,
        requestedById: actor.id,
        currentDueDate: dueDate,
        requestedDueDate: requested,
        reason: input.reason.trim(),
      },
      select: { id: true },
    });
    await audit(tx, actor, "extension.request", "ExtensionRequest", created.id, null, {
      periodId: period.id,
      currentDueDate: dueDate.toISOString().slice(0, 10),
      requestedDueDate: input.requestedDueDate,
      reason: input.reason.trim(),
    });
    return created.id;
  });
}

/**
 * Approves or rejects an extension request. Approval moves the due date of the department that
 * asked, and only its own (DepartmentDueDate); the period's due date and every other department's
 * stay as they were, and the original stays recorded. The requester is notified in the same transaction.
 */
export async function decideExtension(db: PrismaClient, actor: Actor, input: { extensionId: string; approve: boolean; note: string }): Promise<void> {
  authorize(actor, "extension:decide");
  await db.$transaction(async (tx) => {
    const request = await tx.extensionRequest.findUnique({
      where: { id: input.extensionId },
      select: {
        state: true,
        periodId: true,
        departmentId: true,
        requestedById: true,
        requestedDueDate: true,
        period: { select: { dueDate: true, measure: { select: { number: true, keyTask: { select: { number: true } } } } } },
      },
    });
    if (!request) throw new ReportRuleError("notFound");
    await refuseReadOnlyPlan(tx, { extensionId: input.extensionId });
    const key = { periodId: request.periodId, departmentId: request.departmentId };
    const own = await tx.departmentDueDate.findUnique({ where: { periodId_departmentId: key }, select: { dueDate: true } });
    const before = departmentDueDate(request.period.dueDate, own?.dueDate);
    const decided = await tx.extensionRequest.updateMany({
      where: { id: input.extensionId, state: "PENDING" },
      data: { state: input.approve ? "APPROVED" : "REJECTED", decidedById: actor.id, decidedAt: new Date(), decisionNote: input.note.trim() || null },
    });
    if (decided.count === 0) throw new ReportRuleError("extensionAlreadyDecided");
    const after = input.approve ? departmentDueDate(before, request.requestedDueDate) : before;
    if (input.approve) {
      await tx.departmentDueDate.upsert({ where: { periodId_departmentId: key }, create: { ...key, dueDate: after }, update: { dueDate: after } });
    }
    await audit(tx, actor, input.approve ? "extension.approve" : "extension.reject", "ExtensionRequest", input.extensionId, { state: "PENDING", dueDate: before.toISOString().slice(0, 10), departmentId: request.departmentId }, {
      state: input.approve ? "APPROVED" : "REJECTED",
      dueDate: after.toISOString().slice(0, 10),
      departmentId: request.departmentId,
      note: input.note.trim() || null,
    });
    await notifyUsers(tx, [request.requestedById], {
      kind: "EXTENSION_DECIDED",
      dedupeKey: `extension:${input.extensionId}`,
      params: { measure: measureNumber(request.period.measure), state: input.approve ? "APPROVED" : "REJECTED", date: request.requestedDueDate.toISOString().slice(0, 10) },
      link: `/reports/${request.periodId}`,
    });
  });
}

/** 领导批示 are written, assigned and closed in src/features/instructions/mutations.ts. */
export { addInstruction } from "@/features/instructions/mutations";
