import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { createMissingPeriods } from "@/features/seed/seed-plan";
import { parseResponsibleDepartments } from "@/lib/departments";
import { dayToDate, isoDay, todayInChina } from "@/lib/due";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { parseTimeArrangement } from "@/lib/schedule";
import { proposedReporting } from "@/lib/periods";
import { assignmentProblem, flagsOf, indicatorProblem, proposedIndicators, roleOf, type IndicatorFields, type MeasureRole } from "./rules";

/*
 * A plan's structure, edited by administrators (decision 021): key tasks, measures, the departments
 * on a measure and their roles, indicators. Every function asks the policy first (`measure:manage`),
 * refuses an archived plan (read-only) and a stale version, and writes one audit event in its
 * transaction. Withdrawal (撤销) is final: a withdrawn key task or measure is kept, marked, with its
 * reports, and owes nothing from then on.
 */

const refuse = (key: string, detail?: Record<string, string | number>) => new RuleError("admin", key, detail);

type Tx = Prisma.TransactionClient;

/** Loads a measure for an edit: refused when missing, on an archived plan, withdrawn, or changed since `expectedVersion`. */
async function editableMeasure(tx: Tx, measureId: string, expectedVersion: number | null) {
  const m = await tx.measure.findUnique({
    where: { id: measureId },
    select: {
      id: true,
      number: true,
      version: true,
      withdrawnAt: true,
      keyTask: { select: { id: true, number: true, planId: true, withdrawnAt: true } },
      departments: { select: { departmentId: true, isLead: true, isJointLead: true, startsOn: true, department: { select: { shortName: true } } }, orderBy: { sortOrder: "asc" } },
    },
  });
  if (!m) throw refuse("notFound");
  await refuseReadOnlyPlan(tx, { planId: m.keyTask.planId });
  if (m.withdrawnAt) throw refuse("measureWithdrawn", { number: `${m.keyTask.number}.${m.number}` });
  if (expectedVersion !== null && m.version !== expectedVersion) throw refuse("measureConflict", { current: m.version });
  return m;
}

/** Raises a measure's version if it is still `expectedVersion` (the lost-update guard); refused otherwise. */
async function bumpMeasure(tx: Tx, measureId: string, expectedVersion: number, data: Prisma.MeasureUpdateManyMutationInput = {}) {
  const updated = await tx.measure.updateMany({ where: { id: measureId, version: expectedVersion, withdrawnAt: null }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw refuse("measureConflict", { current: expectedVersion + 1 });
  return expectedVersion + 1;
}

/** Loads a key task for an edit: refused when missing, on an archived plan, withdrawn, or changed since `expectedVersion`. */
export async function editableKeyTask(tx: Tx, keyTaskId: string, expectedVersion: number | null) {
  const task = await tx.keyTask.findUnique({ where: { id: keyTaskId }, select: { id: true, number: true, title: true, version: true, withdrawnAt: true, planId: true } });
  if (!task) throw refuse("notFound");
  await refuseReadOnlyPlan(tx, { planId: task.planId });
  if (task.withdrawnAt) throw refuse("keyTaskWithdrawn", { number: task.number });
  if (expectedVersion !== null && task.version !== expectedVersion) throw refuse("keyTaskConflict", { current: task.version });
  return task;
}

/** Adds a key task to a plan in the caller's transaction, numbered after the last one (withdrawn ones keep their numbers), audited. */
export async function insertKeyTask(tx: Tx, actor: Actor, input: { planId: string; title: string }): Promise<{ keyTaskId: string; number: number }> {
  const plan = await tx.plan.findUnique({ where: { id: input.planId }, select: { id: true } });
  if (!plan) throw refuse("notFound");
  await refuseReadOnlyPlan(tx, { planId: input.planId });
  const last = await tx.keyTask.aggregate({ where: { planId: input.planId }, _max: { number: true } });
  const number = (last._max.number ?? 0) + 1;
  const task = await tx.keyTask.create({ data: { planId: input.planId, number, title: input.title }, select: { id: true } });
  await recordActorEvent(tx, actor, { action: "keyTask.create", entityType: "KeyTask", entityId: task.id, after: { planId: input.planId, number, title: input.title } });
  return { keyTaskId: task.id, number };
}

/** An administrator adds a key task to a plan, numbered after the last one (withdrawn ones keep their numbers). */
export async function addKeyTask(db: PrismaClient, actor: Actor, input: { planId: string; title: string }): Promise<{ keyTaskId: string; number: number }> {
  authorize(actor, "measure:manage");
  return db.$transaction((tx) => insertKeyTask(tx, actor, input));
}

/** An administrator renames a key task. Refused on a stale version or a withdrawn task. */
export async function updateKeyTask(db: PrismaClient, actor: Actor, input: { keyTaskId: string; expectedVersion: number; title: string }): Promise<number> {
  authorize(actor, "measure:manage");
  return db.$transaction(async (tx) => {
    const task = await editableKeyTask(tx, input.keyTaskId, input.expectedVersion);
    const updated = await tx.keyTask.updateMany({ where: { id: task.id, version: input.expectedVersion }, data: { title: input.title, version: { increment: 1 } } });
    if (updated.count === 0) throw refuse("keyTaskConflict", { current: input.expectedVersion + 1 });
    await recordActorEvent(tx, actor, { action: "keyTask.update", entityType: "KeyTask", entityId: task.id, before: { title: task.title }, after: { title: input.title } });
    return input.expectedVersion + 1;
  });
}

/**
 * Marks measures withdrawn at `at` and removes the periods nobody has reported on or asked to
 * extend: they owe nothing any more. Periods with a report or an extension request stay, as history.
 */
async function withdrawMeasures(tx: Tx, measureIds: string[], at: Date, reason: string): Promise<number> {
  if (measureIds.length === 0) return 0;
  await tx.measure.updateMany({ where: { id: { in: measureIds }, withdrawnAt: null }, data: { withdrawnAt: at, withdrawnReason: reason, version: { increment: 1 } } });
  return removeUnreportedPeriods(tx, measureIds);
}

/** Removes the periods of `measureIds` that nobody has reported on or asked to extend. */
async function removeUnreportedPeriods(tx: Tx, measureIds: string[]): Promise<number> {
  const removed = await tx.reportingPeriod.deleteMany({ where: { measureId: { in: measureIds }, reports: { none: {} }, extensions: { none: {} } } });
  return removed.count;
}

/**
 * An administrator withdraws (撤销) a key task, with a reason: its standing measures are withdrawn
 * with it. Final; everything stays readable, marked 已撤销.
 */
export async function withdrawKeyTask(db: PrismaClient, actor: Actor, input: { keyTaskId: string; expectedVersion: number; reason: string }): Promise<void> {
  authorize(actor, "measure:manage");
  await db.$transaction(async (tx) => {
    const task = await editableKeyTask(tx, input.keyTaskId, input.expectedVersion);
    const at = new Date();
    const updated = await tx.keyTask.updateMany({
      where: { id: task.id, version: input.expectedVersion, withdrawnAt: null },
      data: { withdrawnAt: at, withdrawnReason: input.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw refuse("keyTaskConflict", { current: input.expectedVersion + 1 });
    const standing = await tx.measure.findMany({ where: { keyTaskId: task.id, withdrawnAt: null }, select: { id: true, number: true }, orderBy: { number: "asc" } });
    const periodsRemoved = await withdrawMeasures(tx, standing.map((m) => m.id), at, input.reason);
    await recordActorEvent(tx, actor, {
      action: "keyTask.withdraw",
      entityType: "KeyTask",
      entityId: task.id,
      before: { title: task.title },
      after: { reason: input.reason, measures: standing.map((m) => `${task.number}.${m.number}`), periodsRemoved },
    });
  });
}

/**
 * An administrator adds a measure to a key task, numbered after its last one: the text and the
 * department cell as issued (read like an imported plan's: 「X牵头，Y配合」, 「等N部门」), the time
 * arrangement parsed into a schedule (or left to be set by hand), indicators proposed from the
 * text (待确认), and its reporting periods made by the same function as an import's.
 */
export async function addMeasure(
  db: PrismaClient,
  actor: Actor,
  input: { keyTaskId: string; text: string; departmentsText: string; timeArrangement: string },
  options: { quarterDueDays?: number } = {},
): Promise<{ measureId: string; number: string }> {
  authorize(actor, "measure:manage");
  return db.$transaction(async (tx) => {
    const task = await editableKeyTask(tx, input.keyTaskId, null);
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: task.planId }, select: { id: true, startYear: true, endYear: true, status: true } });
    const known = await tx.department.findMany({ orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }], select: { id: true, shortName: true, aliases: true } });
    const parsed = parseResponsibleDepartments(input.departmentsText, known);
    if (parsed.unknownNames.length) throw refuse("unknownDepartments", { names: parsed.unknownNames.join("、") });
    if (parsed.assignments.length === 0) throw refuse("departmentsRequired");
    const byName = new Map(known.map((d) => [d.shortName, d.id]));
    const assignments = parsed.assignments.map((a, i) => ({ departmentId: byName.get(a.shortName)!, role: (a.lead ? "LEAD" : "SUPPORT") as MeasureRole, sortOrder: i }));
    const problem = assignmentProblem(assignments);
    if (problem) throw refuse(problem);
    const schedule = parseTimeArrangement(input.timeArrangement, plan);
    const s = schedule.ok ? schedule.schedule : null;
    const last = await tx.measure.aggregate({ where: { keyTaskId: task.id }, _max: { number: true } });
    const number = (last._max.number ?? 0) + 1;
    const indicators = proposedIndicators(input.text);
    const reporting = proposedReporting(s, input.text, plan);
    const measure = await tx.measure.create({
      data: {
        keyTaskId: task.id,
        number,
        text: input.text,
        departmentsText: input.departmentsText,
        departmentsInferred: parsed.inferredFromCount,
        departmentsOpenList: parsed.openList,
        timeArrangement: input.timeArrangement,
        scheduleKind: s?.kind ?? null,
        scheduleError: schedule.ok ? null : schedule.reason,
        scheduleStart: s?.startDate ? dayToDate(s.startDate) : null,
        deadline: s?.deadline ? dayToDate(s.deadline) : null,
        deliverable: s?.deliverable ?? null,
        reportsQuarterly: s?.reportsQuarterly ?? false,
        dueDates: (s?.dueDates ?? []).map(dayToDate),
        scheduleFlags: s?.flags ?? [],
        // Its reporting as an import proposes it (src/lib/periods.ts, decision 020).
        cadence: reporting.cadence,
        checkpoints: reporting.checkpoints.map(dayToDate),
        departments: { create: assignments.map((a) => ({ departmentId: a.departmentId, ...flagsOf(a.role), sortOrder: a.sortOrder })) },
        indicators: { create: indicators.map((i) => ({ ...i })) },
      },
      select: { id: true },
    });
    const periodsCreated = await createMissingPeriods(tx, plan.id, options.quarterDueDays ?? 10, [measure.id]);
    const label = `${task.number}.${number}`;
    await recordActorEvent(tx, actor, {
      action: "measure.create",
      entityType: "Measure",
      entityId: measure.id,
      after: {
        number: label,
        text: input.text,
        departmentsText: input.departmentsText,
        timeArrangement: input.timeArrangement,
        scheduleKind: s?.kind ?? null,
        indicators: indicators.map((i) => i.name),
        periodsCreated,
      },
    });
    return { measureId: measure.id, number: label };
  });
}

/**
 * An administrator withdraws (撤销) a measure, with a reason. Final: the measure owes nothing from
 * then on (its periods nobody reported on go), counts in no overview or 通报, and stays readable,
 * marked 已撤销 with the day and the reason.
 */
export async function withdrawMeasure(db: PrismaClient, actor: Actor, input: { measureId: string; expectedVersion: number; reason: string }): Promise<void> {
  authorize(actor, "measure:manage");
  await db.$transaction(async (tx) => {
    const m = await editableMeasure(tx, input.measureId, input.expectedVersion);
    await bumpMeasure(tx, m.id, input.expectedVersion, { withdrawnAt: new Date(), withdrawnReason: input.reason });
    const periodsRemoved = await removeUnreportedPeriods(tx, [m.id]);
    await recordActorEvent(tx, actor, {
      action: "measure.withdraw",
      entityType: "Measure",
      entityId: m.id,
      after: { number: `${m.keyTask.number}.${m.number}`, reason: input.reason, periodsRemoved },
    });
  });
}

/**
 * An administrator sets the departments on a measure and their roles: one lead (牵头), joint leads
 * (共同牵头: each supplies its own report, counted like the lead's), supporting departments (配合).
 * The reports already made follow: `isLead` marks the new lead's. A department taken off keeps
 * its reports, which no longer count.
 */
export async function setMeasureDepartments(
  db: PrismaClient,
  actor: Actor,
  input: { measureId: string; expectedVersion: number; departments: { departmentId: string; role: MeasureRole }[]; addedStartsOn?: string },
  options: { today?: string } = {},
): Promise<number> {
  authorize(actor, "measure:manage");
  const problem = assignmentProblem(input.departments);
  if (problem) throw refuse(problem);
  return db.$transaction(async (tx) => {
    const m = await editableMeasure(tx, input.measureId, input.expectedVersion);
    const found = await tx.department.findMany({ where: { id: { in: input.departments.map((d) => d.departmentId) } }, select: { id: true, shortName: true } });
    if (found.length !== input.departments.length) throw refuse("notFound");
    // A department added to a measure of a plan that has started (not a draft) owes only the periods
    // that end on or after its start: the day given, else today (decision 031). Departments already
    // on the measure keep theirs; in a draft every department owes the measure's whole schedule.
    const plan = await tx.plan.findUniqueOrThrow({ where: { id: m.keyTask.planId }, select: { status: true } });
    const startOfNew = plan.status === "DRAFT" ? null : dayToDate(input.addedStartsOn ?? options.today ?? todayInChina());
    const kept = new Map(m.departments.map((d) => [d.departmentId, d.startsOn]));
    const startsOn = (departmentId: string) => (kept.has(departmentId) ? kept.get(departmentId)! : startOfNew);
    const version = await bumpMeasure(tx, m.id, input.expectedVersion);
    await tx.measureDepartment.deleteMany({ where: { measureId: m.id } });
    await tx.measureDepartment.createMany({
      data: input.departments.map((d, i) => ({ measureId: m.id, departmentId: d.departmentId, ...flagsOf(d.role), sortOrder: i, startsOn: startsOn(d.departmentId) })),
    });
    const lead = input.departments.find((d) => d.role === "LEAD")!.departmentId;
    await tx.progressReport.updateMany({ where: { measureId: m.id, isLead: true, departmentId: { not: lead } }, data: { isLead: false } });
    await tx.progressReport.updateMany({ where: { measureId: m.id, isLead: false, departmentId: lead }, data: { isLead: true } });
    const name = new Map(found.map((d) => [d.id, d.shortName]));
    await recordActorEvent(tx, actor, {
      action: "measure.departments",
      entityType: "Measure",
      entityId: m.id,
      before: { departments: m.departments.map((d) => ({ department: d.department.shortName, role: roleOf(d) })) },
      after: {
        departments: input.departments.map((d) => {
          const from = startsOn(d.departmentId);
          return { department: name.get(d.departmentId) ?? d.departmentId, role: d.role, ...(from ? { startsOn: isoDay(from) } : {}) };
        }),
      },
    });
    return version;
  });
}

/** The stored columns of an indicator's editable fields. */
export const indicatorData = (f: IndicatorFields) => ({
  name: f.name,
  unit: f.unit,
  comparison: f.comparison,
  target: f.target,
  period: f.period,
  direction: f.direction,
  baseline: f.baseline,
});

const indicatorSnapshot = (i: { name: string; unit: string; comparison: string; target: unknown; period: string; direction: string | null; baseline: unknown; confirmedAt?: Date | null }) => ({
  name: i.name,
  unit: i.unit,
  comparison: i.comparison,
  target: i.target === null ? null : Number(i.target),
  period: i.period,
  direction: i.direction,
  baseline: i.baseline === null ? null : Number(i.baseline),
});

/** An administrator adds an indicator to a measure; added by hand, it is confirmed. */
export async function addIndicator(db: PrismaClient, actor: Actor, input: IndicatorFields & { measureId: string }): Promise<{ indicatorId: string }> {
  authorize(actor, "measure:manage");
  const problem = indicatorProblem(input);
  if (problem) throw refuse(problem);
  return db.$transaction(async (tx) => {
    const m = await editableMeasure(tx, input.measureId, null);
    const indicator = await tx.indicator.create({
      data: { measureId: m.id, key: `manual-${randomUUID().slice(0, 8)}`, sourceText: "", confirmedAt: new Date(), ...indicatorData(input) },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, { action: "indicator.create", entityType: "Indicator", entityId: indicator.id, after: { measureId: m.id, ...indicatorSnapshot({ ...indicatorData(input) }) } });
    return { indicatorId: indicator.id };
  });
}

async function editableIndicator(tx: Tx, indicatorId: string, expectedVersion: number) {
  const indicator = await tx.indicator.findUnique({ where: { id: indicatorId } });
  if (!indicator) throw refuse("notFound");
  await editableMeasure(tx, indicator.measureId, null);
  if (indicator.version !== expectedVersion) throw refuse("indicatorConflict", { current: indicator.version });
  return indicator;
}

/** An administrator corrects an indicator; saving it confirms it (an administrator has now looked at it). Refused on a stale version. */
export async function updateIndicator(db: PrismaClient, actor: Actor, input: IndicatorFields & { indicatorId: string; expectedVersion: number }): Promise<number> {
  authorize(actor, "measure:manage");
  const problem = indicatorProblem(input);
  if (problem) throw refuse(problem);
  return db.$transaction(async (tx) => {
    const before = await editableIndicator(tx, input.indicatorId, input.expectedVersion);
    const updated = await tx.indicator.updateMany({
      where: { id: before.id, version: input.expectedVersion },
      data: { ...indicatorData(input), confirmedAt: before.confirmedAt ?? new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw refuse("indicatorConflict", { current: input.expectedVersion + 1 });
    await recordActorEvent(tx, actor, {
      action: "indicator.update",
      entityType: "Indicator",
      entityId: before.id,
      before: { ...indicatorSnapshot(before), confirmed: before.confirmedAt !== null },
      after: { ...indicatorSnapshot(indicatorData(input)), confirmed: true },
    });
    return input.expectedVersion + 1;
  });
}

/** An administrator confirms an indicator the parser proposed (待确认 → 已确认) as it stands. */
export async function confirmIndicator(db: PrismaClient, actor: Actor, input: { indicatorId: string; expectedVersion: number }): Promise<number> {
  authorize(actor, "measure:manage");
  return db.$transaction(async (tx) => {
    const before = await editableIndicator(tx, input.indicatorId, input.expectedVersion);
    if (before.confirmedAt) throw refuse("indicatorConfirmed");
    const updated = await tx.indicator.updateMany({ where: { id: before.id, version: input.expectedVersion, confirmedAt: null }, data: { confirmedAt: new Date(), version: { increment: 1 } } });
    if (updated.count === 0) throw refuse("indicatorConflict", { current: input.expectedVersion + 1 });
    await recordActorEvent(tx, actor, { action: "indicator.confirm", entityType: "Indicator", entityId: before.id, after: { measureId: before.measureId, name: before.name } });
    return input.expectedVersion + 1;
  });
}
