import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { backfillDateProblem, ownReportInTheWay } from "@/lib/backfill";
import { dayToDate, isoDay, todayInChina } from "@/lib/due";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { resolveBackfillRows, type ResolvedRow, type RowProblem } from "./resolve";
import { BACKFILL_COLUMNS, type SheetRow } from "./sheet";

type Reader = PrismaClient | Prisma.TransactionClient;
type Rating = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DIFFICULT";

/** A refusal of a 补录 or 代填报; `key` is a message under "reports.backfill". Nothing was changed. */
export class BackfillRuleError extends RuleError {
  constructor(key: string, detail: Record<string, string | number> = {}) {
    super("reports", `backfill.${key}`, detail);
  }
}

/** What the bureau writes for the department: the report's content. */
export interface BureauReportContent {
  progress: Rating;
  workDone: string;
  problems: string;
  nextSteps: string;
  /** indicatorId → value; an indicator left out has no value. */
  values: Record<string, number>;
}

export interface BackfillInput extends BureauReportContent {
  periodId: string;
  departmentId: string;
  /** The day the department really submitted it. */
  submittedOn: string;
  /** The day the bureau accepted it; null: the day it was submitted. */
  acceptedOn: string | null;
}

export interface OnBehalfInput extends BureauReportContent {
  periodId: string;
  departmentId: string;
}

/** The period, its measure's assignment of `departmentId`, and the department's report if it has one. */
async function loadTarget(db: Reader, periodId: string, departmentId: string) {
  const period = await db.reportingPeriod.findUnique({
    where: { id: periodId },
    select: {
      id: true,
      kind: true,
      periodStart: true,
      periodEnd: true,
      measureId: true,
      measure: {
        select: {
          number: true,
          withdrawnAt: true,
          keyTask: { select: { number: true } },
          departments: { where: { departmentId }, select: { isLead: true, department: { select: { shortName: true } } } },
          indicators: { select: { id: true } },
        },
      },
      reports: {
        where: { departmentId },
        select: {
          id: true,
          state: true,
          version: true,
          progress: true,
          workDone: true,
          problems: true,
          nextSteps: true,
          _count: { select: { values: true, attachments: true, revisions: true } },
        },
      },
    },
  });
  if (!period) throw new BackfillRuleError("notFound");
  const assignment = period.measure.departments[0];
  if (!assignment) throw new BackfillRuleError("departmentNotOnMeasure");
  await refuseReadOnlyPlan(db, { periodId });
  if (period.measure.withdrawnAt) throw new BackfillRuleError("measureWithdrawn");
  const existing = period.reports[0] ?? null;
  if (
    existing &&
    ownReportInTheWay({ ...existing, values: existing._count.values, attachments: existing._count.attachments, revisions: existing._count.revisions })
  ) {
    throw new BackfillRuleError("ownReportExists", { department: assignment.department.shortName });
  }
  const indicatorIds = new Set(period.measure.indicators.map((i) => i.id));
  return {
    departmentId,
    period: { ...period, periodStart: isoDay(period.periodStart), periodEnd: isoDay(period.periodEnd) },
    isLead: assignment.isLead,
    departmentName: assignment.department.shortName,
    existing,
    indicatorIds,
    number: `${period.measure.keyTask.number}.${period.measure.number}`,
  };
}

type Target = Awaited<ReturnType<typeof loadTarget>>;

function checkContent(content: BureauReportContent, target: Target) {
  if (!content.progress || content.workDone.trim() === "") throw new BackfillRuleError("incomplete");
  if (Object.keys(content.values).some((id) => !target.indicatorIds.has(id))) throw new BackfillRuleError("unknownIndicator");
}

/**
 * Writes the bureau's report for the department inside `tx`: the report row (filling an empty draft
 * in place), its indicator values, and its revisions, dated as given. Returns the report id.
 */
async function writeBureauReport(
  tx: Prisma.TransactionClient,
  actor: Actor,
  target: Target,
  content: BureauReportContent,
  how: { entry: "BACKFILL" | "ON_BEHALF"; submittedAt: Date; acceptedAt: Date | null; enteredAt: Date },
): Promise<string> {
  const { period, existing } = target;
  const fields = {
    progress: content.progress,
    workDone: content.workDone,
    problems: content.problems,
    nextSteps: content.nextSteps,
    state: how.acceptedAt ? ("ACCEPTED" as const) : ("SUBMITTED" as const),
    submittedAt: how.submittedAt,
    reviewedAt: how.acceptedAt,
    reviewerId: how.acceptedAt ? actor.id : null,
    returnReason: null,
    entry: how.entry,
    enteredById: actor.id,
    enteredAt: how.enteredAt,
  };
  let reportId: string;
  if (existing) {
    // Only an empty draft gets here (ownReportInTheWay); the version guard refuses a draft saved meanwhile.
    const updated = await tx.progressReport.updateMany({ where: { id: existing.id, version: existing.version, state: "DRAFT" }, data: { ...fields, version: { increment: 1 } } });
    if (updated.count === 0) throw new BackfillRuleError("ownReportExists", { department: target.departmentName });
    reportId = existing.id;
  } else {
    reportId = (await tx.progressReport.create({ data: { ...fields, periodId: period.id, measureId: period.measureId, departmentId: target.departmentId, isLead: target.isLead }, select: { id: true } })).id;
  }
  const values = Object.entries(content.values).map(([indicatorId, value]) => ({ reportId, indicatorId, value }));
  if (values.length) await tx.indicatorValue.createMany({ data: values });
  const snapshot = {
    progress: content.progress,
    workDone: content.workDone,
    problems: content.problems,
    nextSteps: content.nextSteps,
    values: values.map((v) => ({ indicatorId: v.indicatorId, value: String(v.value) })),
    attachments: [],
  };
  await tx.progressReportRevision.create({ data: { reportId, number: 1, event: "SUBMITTED", actorId: actor.id, snapshot, at: how.submittedAt, entry: how.entry, enteredAt: how.enteredAt } });
  if (how.acceptedAt) {
    await tx.progressReportRevision.create({ data: { reportId, number: 2, event: "ACCEPTED", actorId: actor.id, snapshot, at: how.acceptedAt, entry: how.entry, enteredAt: how.enteredAt } });
  }
  return reportId;
}

/** The day a 补录 event is stored at: the start of that day in China (08:00 there is 00:00 UTC, the same day). */
const atDay = (day: string) => dayToDate(day);

/** The audit row's account of a bureau-entered report: its content, and both dates (the real ones and the entry time). */
function auditAfter(target: Target, content: BureauReportContent, dates: { submittedOn: string; acceptedOn: string | null; enteredAt: Date }) {
  return {
    periodId: target.period.id,
    departmentId: target.departmentId,
    measure: target.number,
    progress: content.progress,
    workDone: content.workDone,
    problems: content.problems,
    nextSteps: content.nextSteps,
    values: Object.entries(content.values).map(([indicatorId, value]) => ({ indicatorId, value: String(value) })),
    submittedOn: dates.submittedOn,
    acceptedOn: dates.acceptedOn,
    enteredAt: dates.enteredAt.toISOString(),
    filledDraftId: target.existing?.id ?? null,
  };
}

/**
 * 补录: the bureau enters a department's report for a past period as it really happened: submitted
 * on `submittedOn` and accepted on `acceptedOn` (that day when not given), marked 补录 with who
 * entered it and when. The 报送 light judges it on the real days. Refused on an archived plan, a
 * withdrawn measure, a period not yet ended, days out of bounds, and whenever the department has a
 * report of its own (an empty draft aside).
 */
export async function backfillReport(db: PrismaClient, actor: Actor, input: BackfillInput, now = new Date()): Promise<{ reportId: string }> {
  authorize(actor, "report:backfill");
  return db.$transaction(async (tx) => {
    const target = await loadTarget(tx, input.periodId, input.departmentId);
    const problem = backfillDateProblem(target.period, input.submittedOn, input.acceptedOn, todayInChina(now));
    if (problem) throw new BackfillRuleError(problem, { start: target.period.periodStart, end: target.period.periodEnd });
    checkContent(input, target);
    const acceptedOn = input.acceptedOn ?? input.submittedOn;
    const reportId = await writeBureauReport(tx, actor, target, input, { entry: "BACKFILL", submittedAt: atDay(input.submittedOn), acceptedAt: atDay(acceptedOn), enteredAt: now });
    await recordActorEvent(tx, actor, {
      action: "report.backfill",
      entityType: "ProgressReport",
      entityId: reportId,
      before: target.existing ? { state: target.existing.state, version: target.existing.version } : null,
      after: auditAfter(target, input, { submittedOn: input.submittedOn, acceptedOn, enteredAt: now }),
    });
    return { reportId };
  });
}

/**
 * 代填报: the bureau fills in a department's report now, on its behalf: submitted today, shown as
 * 代填报 with who entered it, and reviewed like any other. Refused where the department has a report
 * of its own (an empty draft aside), before the period begins, on an archived plan or a withdrawn measure.
 */
export async function reportOnBehalf(db: PrismaClient, actor: Actor, input: OnBehalfInput, now = new Date()): Promise<{ reportId: string }> {
  authorize(actor, "report:onBehalf");
  return db.$transaction(async (tx) => {
    const target = await loadTarget(tx, input.periodId, input.departmentId);
    if (target.period.periodStart > todayInChina(now)) throw new BackfillRuleError("periodNotStarted", { start: target.period.periodStart });
    checkContent(input, target);
    const reportId = await writeBureauReport(tx, actor, target, input, { entry: "ON_BEHALF", submittedAt: now, acceptedAt: null, enteredAt: now });
    await recordActorEvent(tx, actor, {
      action: "report.on_behalf",
      entityType: "ProgressReport",
      entityId: reportId,
      before: target.existing ? { state: target.existing.state, version: target.existing.version } : null,
      after: auditAfter(target, input, { submittedOn: todayInChina(now), acceptedOn: null, enteredAt: now }),
    });
    return { reportId };
  });
}

/** One row of a bulk 补录 once matched: the period, department and content, and the row it came from. */
export interface BackfillRow extends BackfillInput {
  line: number;
}

/** A bulk 补录 refused for one row: its line, column and problem (the action words it in the caller's language). */
export class BackfillRowError extends BackfillRuleError {
  constructor(public readonly problem: RowProblem) {
    super("rowInvalid", { row: problem.line, column: BACKFILL_COLUMNS[problem.column] });
  }
}

/** Reads the rows against the plan without writing anything: the preview an administrator confirms. */
export async function previewBackfill(db: PrismaClient, actor: Actor, input: { planId: string; rows: SheetRow[] }, now = new Date()): Promise<ResolvedRow[]> {
  authorize(actor, "report:backfill");
  await refuseReadOnlyPlan(db, { planId: input.planId });
  return resolveBackfillRows(db, input.planId, input.rows, todayInChina(now));
}

/**
 * Bulk 补录 (a spreadsheet's rows, as confirmed in the preview): every row is matched and checked
 * again inside ONE transaction, and all are written with ONE audit event; a row with a problem
 * (named by its row and column) refuses the whole import and nothing is saved.
 */
export async function importBackfill(db: PrismaClient, actor: Actor, input: { planId: string; rows: SheetRow[] }, now = new Date()): Promise<{ count: number }> {
  authorize(actor, "report:backfill");
  if (input.rows.length === 0) throw new BackfillRuleError("noRows");
  return db.$transaction(
    async (tx) => {
      await refuseReadOnlyPlan(tx, { planId: input.planId });
      const resolved = await resolveBackfillRows(tx, input.planId, input.rows, todayInChina(now));
      const refused = resolved.find((r) => r.problems.length > 0);
      if (refused) throw new BackfillRowError(refused.problems[0]);
      const written: { reportId: string; line: number; periodId: string; departmentId: string; submittedOn: string; acceptedOn: string }[] = [];
      for (const { write: row } of resolved) {
        if (!row) continue;
        const target = await loadTarget(tx, row.periodId, row.departmentId);
        checkContent(row, target);
        const acceptedOn = row.acceptedOn ?? row.submittedOn;
        const reportId = await writeBureauReport(tx, actor, target, row, { entry: "BACKFILL", submittedAt: atDay(row.submittedOn), acceptedAt: atDay(acceptedOn), enteredAt: now });
        written.push({ reportId, line: row.line, periodId: row.periodId, departmentId: row.departmentId, submittedOn: row.submittedOn, acceptedOn });
      }
      await recordActorEvent(tx, actor, {
        action: "report.backfill_import",
        entityType: "Plan",
        entityId: input.planId,
        before: null,
        after: { count: written.length, enteredAt: now.toISOString(), reports: written },
      });
      return { count: written.length };
    },
    { timeout: 120_000 },
  );
}
