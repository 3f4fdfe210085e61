import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { isoDay, todayInChina } from "@/lib/due";
import { departmentOwesPeriod } from "@/lib/periods";
import type { DashboardInput } from "./compute";
import { DEFAULT_PROGRESS_THRESHOLDS, type ProgressRating } from "@/lib/status";
import type { MeasureOwing, MeasureProgressHistory, PeriodHistory, ProgressInput } from "./history";
import { eachSliced, mapSliced } from "./slices";

type ReviewEvent = "SUBMITTED" | "RETURNED" | "ACCEPTED";

/**
 * Which measures of a plan to load: all of them, the measures one department is on (its record and
 * its measures' lights are exact from these alone: a department's figures count only its own
 * assignments, and a measure's lights only the measure's own periods), or one measure.
 */
export type HistoryScope = { departmentId: string } | { measureId: string } | { measureIds: string[] } | null;

/** The SQL condition on the measure `m` a scope puts, and the same as a Prisma filter on a measure. */
function scopeFilter(scope: HistoryScope): { sql: Prisma.Sql; measure: Prisma.MeasureWhereInput } {
  if (scope && "measureId" in scope) return { sql: Prisma.sql`AND m."id" = ${scope.measureId}`, measure: { id: scope.measureId } };
  if (scope && "measureIds" in scope) {
    return scope.measureIds.length
      ? { sql: Prisma.sql`AND m."id" IN (${Prisma.join(scope.measureIds)})`, measure: { id: { in: scope.measureIds } } }
      : { sql: Prisma.sql`AND FALSE`, measure: { id: { in: [] } } };
  }
  if (scope && "departmentId" in scope) {
    return {
      sql: Prisma.sql`AND m."id" IN (SELECT "measureId" FROM "MeasureDepartment" WHERE "departmentId" = ${scope.departmentId})`,
      measure: { departments: { some: { departmentId: scope.departmentId } } },
    };
  }
  return { sql: Prisma.empty, measure: {} };
}

/**
 * Loads a plan's stored history (periods, assignments, review events,
 * due-date changes) in a handful of flat queries joined in SQL: no relation
 * loading by id lists, which at province scale means tens of thousands of ids. Takes the client, so
 * that a command-line script (npm run report:final) reads it too. With a scope, only the measures
 * it names (see `HistoryScope`): what a department's page or a measure's page needs, at the cost of
 * those measures alone.
 */
export async function loadPlanHistory(db: PrismaClient, planId: string, scope: HistoryScope = null): Promise<DashboardInput> {
  const only = scopeFilter(scope);
  const [periods, assignments, revisions, extensions, dueEdits, departments, tasks, planMeasures] = await Promise.all([
    db.$queryRaw<
      { id: string; kind: "QUARTER" | "MILESTONE"; periodStart: Date; periodEnd: Date; originalDueDate: Date; measureId: string; measureNumber: number; taskNumber: number }[]
    >`SELECT p."id", p."kind"::text AS "kind", p."periodStart", p."periodEnd", p."originalDueDate", m."id" AS "measureId", m."number" AS "measureNumber", t."number" AS "taskNumber"
      FROM "ReportingPeriod" p JOIN "Measure" m ON m."id" = p."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId"
      WHERE t."planId" = ${planId} AND m."withdrawnAt" IS NULL ${only.sql}`,
    db.$queryRaw<{ measureId: string; departmentId: string; isLead: boolean; isJointLead: boolean; startsOn: Date | null }[]>`
      SELECT md."measureId", md."departmentId", md."isLead", md."isJointLead", md."startsOn" FROM "MeasureDepartment" md
      JOIN "Measure" m ON m."id" = md."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId"
      WHERE t."planId" = ${planId} AND m."withdrawnAt" IS NULL ${only.sql} ORDER BY md."isLead" DESC, md."sortOrder"`,
    db.$queryRaw<{ periodId: string; departmentId: string; event: ReviewEvent; at: Date; backfilled: boolean }[]>`
      SELECT r."periodId", r."departmentId", v."event", v."at", v."entry" IS NOT DISTINCT FROM 'BACKFILL' AS "backfilled" FROM "ProgressReportRevision" v
      JOIN "ProgressReport" r ON r."id" = v."reportId" JOIN "Measure" m ON m."id" = r."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId"
      WHERE t."planId" = ${planId} ${only.sql} AND v."event" IN ('SUBMITTED', 'RETURNED', 'ACCEPTED')
      ORDER BY v."at", v."number"`,
    db.$queryRaw<{ periodId: string; departmentId: string; requestedDueDate: Date; decidedAt: Date }[]>`
      SELECT e."periodId", e."departmentId", e."requestedDueDate", e."decidedAt" FROM "ExtensionRequest" e
      JOIN "ReportingPeriod" p ON p."id" = e."periodId" JOIN "Measure" m ON m."id" = p."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId"
      WHERE t."planId" = ${planId} ${only.sql} AND e."state" = 'APPROVED' AND e."decidedAt" IS NOT NULL`,
    // The action is written into the statement, so that the partial index on due-date edits serves it.
    db.$queryRaw<{ at: Date; entityId: string | null; after: unknown }[]>`
      SELECT "at", "entityId", "after" FROM "AuditEvent" WHERE "action" = 'period.set_due_date' ORDER BY "id"`,
    db.department.findMany({ orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }], select: { id: true, shortName: true } }),
    db.keyTask.findMany({ where: { planId }, orderBy: { number: "asc" }, select: { number: true, title: true } }),
    // Every measure, periods or not: one whose deadline is 待确认 owes nothing yet but is still counted (未开始).
    db.$queryRaw<{ measureId: string; measureNumber: number; taskNumber: number }[]>`
      SELECT m."id" AS "measureId", m."number" AS "measureNumber", t."number" AS "taskNumber" FROM "Measure" m JOIN "KeyTask" t ON t."id" = m."keyTaskId"
      WHERE t."planId" = ${planId} AND m."withdrawnAt" IS NULL ${only.sql} ORDER BY t."number", m."number"`,
  ]);

  const byMeasure = new Map<string, { departmentId: string; isLead: boolean; isJointLead: boolean }[]>();
  // A department added to a running measure owes only the periods that end on or after its start (decision 031).
  const startOf = new Map<string, string>();
  for (const { startsOn, ...a } of assignments) {
    if (startsOn) startOf.set(`${a.measureId}:${a.departmentId}`, isoDay(startsOn));
    const list = byMeasure.get(a.measureId);
    if (list) list.push(a);
    else byMeasure.set(a.measureId, [a]);
  }
  const events = new Map<string, PeriodHistory["departments"][number]["events"]>();
  await eachSliced(revisions, (r) => {
    const key = `${r.periodId}:${r.departmentId}`;
    // A 补录 review (decision 025) has its day but no real review time.
    const event = { on: todayInChina(r.at), at: r.at.getTime(), event: r.event, ...(r.backfilled && r.event !== "SUBMITTED" ? { backfilled: true } : {}) };
    const list = events.get(key);
    if (list) list.push(event);
    else events.set(key, [event]);
  });
  // Keyed by period (administrators' edits) or by period and department (approved extensions).
  const changes = new Map<string, { at: number; on: string; dueDate: string }[]>();
  const addChange = (key: string, at: Date, dueDate: string) => {
    const change = { at: at.getTime(), on: todayInChina(at), dueDate };
    const list = changes.get(key);
    if (list) list.push(change);
    else changes.set(key, [change]);
  };
  for (const e of extensions) addChange(`${e.periodId}:${e.departmentId}`, e.decidedAt, isoDay(e.requestedDueDate));
  for (const e of dueEdits) {
    const due = (e.after as { dueDate?: string } | null)?.dueDate;
    if (e.entityId && due) addChange(e.entityId, e.at, due);
  }
  const inOrder = (key: string) => (changes.get(key) ?? []).sort((a, b) => a.at - b.at).map(({ on, dueDate }) => ({ on, dueDate }));

  const { progress, owing } = await loadProgressInput(db, planId, only);
  // Only departments that carry something in this plan appear in its overview.
  const carrying = new Set(assignments.map((a) => a.departmentId));
  const histories: PeriodHistory[] = await mapSliced(periods, (p) => ({
    periodId: p.id,
    measureId: p.measureId,
    keyTaskNumber: p.taskNumber,
    measureNumber: p.measureNumber,
    kind: p.kind,
    periodStart: isoDay(p.periodStart),
    periodEnd: isoDay(p.periodEnd),
    originalDueDate: isoDay(p.originalDueDate),
    dueChanges: inOrder(p.id),
    departments: (byMeasure.get(p.measureId) ?? []).filter((a) => departmentOwesPeriod({ periodEnd: isoDay(p.periodEnd) }, startOf.get(`${p.measureId}:${a.departmentId}`))).map((a) => ({ ...a, events: events.get(`${p.id}:${a.departmentId}`) ?? [], dueChanges: inOrder(`${p.id}:${a.departmentId}`) })),
    owing: owing.get(p.measureId),
  }));
  const measures = planMeasures.map((m) => ({ measureId: m.measureId, keyTaskNumber: m.taskNumber, measureNumber: m.measureNumber, departments: byMeasure.get(m.measureId) ?? [] }));
  return { histories, measures, departments: departments.filter((d) => carrying.has(d.id)), tasks, progress };
}

/**
 * What the 进度 light replays (src/lib/status.ts measureProgress): the plan's thresholds, each measure's
 * span, indicators, the lead department's submitted ratings and values (from the frozen revisions), and
 * its closures (办结销号) and 常态化 day, which also decide what the measure still owes.
 */
async function loadProgressInput(db: PrismaClient, planId: string, only: ReturnType<typeof scopeFilter>): Promise<{ progress: ProgressInput | undefined; owing: Map<string, MeasureOwing> }> {
  const [plan, measures, indicators, submissions, closures, thresholdRows] = await Promise.all([
    db.plan.findUnique({ where: { id: planId }, select: { startYear: true, endYear: true, progressYellowPoints: true, progressRedPoints: true } }),
    db.measure.findMany({ where: { keyTask: { planId }, ...only.measure }, select: { id: true, scheduleStart: true, deadline: true, normalizedAt: true } }),
    // Absolute targets only: a trend (a change against a baseline, decision 031) is judged against its baseline by the evaluation, not scaled to elapsed time here.
    db.indicator.findMany({ where: { measure: { keyTask: { planId }, ...only.measure }, direction: null, target: { not: null } }, select: { id: true, measureId: true, comparison: true, target: true, period: true } }),
    db.$queryRaw<{ measureId: string; periodId: string; at: Date; rating: string | null; values: { indicatorId: string; value: string }[] | null }[]>`
      SELECT r."measureId", r."periodId", v."at", v."snapshot"->>'progress' AS "rating", v."snapshot"->'values' AS "values" FROM "ProgressReportRevision" v
      JOIN "ProgressReport" r ON r."id" = v."reportId" JOIN "Measure" m ON m."id" = r."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId"
      WHERE t."planId" = ${planId} ${only.sql} AND r."isLead" AND v."event" = 'SUBMITTED'
      ORDER BY v."at", v."number"`,
    db.measureClosure.findMany({
      where: { state: { in: ["CLOSED", "REOPENED"] }, closedAt: { not: null }, measure: { keyTask: { planId }, ...only.measure } },
      orderBy: { closedAt: "asc" },
      select: { measureId: true, closedAt: true, reopenedAt: true },
    }),
    db.planThresholds.findMany({ where: { planId }, orderBy: { effectiveFrom: "asc" }, select: { effectiveFrom: true, progressYellowPoints: true, progressRedPoints: true } }),
  ]);
  const owing = new Map<string, MeasureOwing>();
  for (const m of measures) owing.set(m.id, { closures: [], normalizedOn: m.normalizedAt ? todayInChina(m.normalizedAt) : null });
  for (const c of closures) owing.get(c.measureId)?.closures.push({ closedOn: todayInChina(c.closedAt!), reopenedOn: c.reopenedAt ? todayInChina(c.reopenedAt) : null });
  if (!plan) return { progress: undefined, owing };
  const planStart = `${plan.startYear}-01-01`;
  const planEnd = `${plan.endYear}-12-31`;
  const byMeasure = new Map<string, MeasureProgressHistory>(
    measures.map((m) => [
      m.id,
      {
        measureId: m.id,
        spanStart: m.scheduleStart ? isoDay(m.scheduleStart) : planStart,
        spanEnd: m.deadline ? isoDay(m.deadline) : planEnd,
        indicators: [],
        submissions: [],
        owing: owing.get(m.id)!,
      },
    ]),
  );
  for (const i of indicators) byMeasure.get(i.measureId)?.indicators.push({ id: i.id, comparison: i.comparison, target: Number(i.target), period: i.period });
  await eachSliced(submissions, (s) => {
    const values: Record<string, number> = {};
    for (const v of s.values ?? []) values[v.indicatorId] = Number(v.value);
    byMeasure.get(s.measureId)?.submissions.push({ on: todayInChina(s.at), periodId: s.periodId, rating: s.rating as ProgressRating | null, values });
  });
  const thresholds = { yellowPoints: plan.progressYellowPoints ?? DEFAULT_PROGRESS_THRESHOLDS.yellowPoints, redPoints: plan.progressRedPoints ?? DEFAULT_PROGRESS_THRESHOLDS.redPoints };
  const thresholdHistory = thresholdRows.map((r) => ({ from: isoDay(r.effectiveFrom), yellowPoints: r.progressYellowPoints, redPoints: r.progressRedPoints }));
  return { progress: { thresholds, thresholdHistory, planStart, planEnd, measures: [...byMeasure.values()] }, owing };
}
