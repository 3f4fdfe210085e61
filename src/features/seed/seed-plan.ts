import type { PrismaClient } from "@/generated/prisma/client";
import { parseTimeArrangement } from "@/lib/schedule";
import { parseResponsibleDepartments } from "@/lib/departments";
import { proposedIndicators } from "@/features/structure/rules";
import { proposedReporting, reportingPeriods, DEFAULT_DUE_DAYS, type ReportingCadence } from "@/lib/periods";
import { loadWorkingCalendar } from "@/features/calendar/queries";
import { dayToDate, isoDay } from "@/lib/due";
import { planEndDay, planLifecycle, type PlanStatus } from "@/lib/plan-lifecycle";
import { recordAuditEvent } from "@/features/audit/record-audit-event";
import { RuleError } from "@/lib/rule-error";
import { planDataSchema, type PlanData } from "./plan-data";

export interface SeedPlanReport {
  departmentsCreated: number;
  planCreated: boolean;
  keyTasksCreated: number;
  measuresCreated: number;
  periodsCreated: number;
  /** Measures whose time arrangement was not understood: an administrator sets them by hand. */
  unscheduled: string[];
  /** Department names in the plan that match no department. */
  unknownDepartments: string[];
}


export interface SeedPlanOptions {
  quarterDueDays?: number;
  /** Who the audit event names; the seed itself by default. */
  audit?: { actorId: string | null; actorLabel: string; ip?: string | null };
  /**
   * An import by an administrator: the plan code must be new (RuleError admin/planImport.codeTaken
   * otherwise, nothing written), and the audit event also lists the departments created.
   */
  newPlanOnly?: boolean;
}

/**
 * Imports a plan (departments, key tasks, measures, assignments, schedules,
 * indicators) in one transaction, with one audit event. Creates only what is
 * missing, matched by natural keys, so a second run changes nothing and
 * corrections made in the app are never overwritten.
 */
export async function seedPlan(db: PrismaClient, input: PlanData, options: SeedPlanOptions = {}): Promise<SeedPlanReport> {
  const data = planDataSchema.parse(input);
  const report: SeedPlanReport = {
    departmentsCreated: 0,
    planCreated: false,
    keyTasksCreated: 0,
    measuresCreated: 0,
    periodsCreated: 0,
    unscheduled: [],
    unknownDepartments: [],
  };

  await db.$transaction(
    async (tx) => {
      const existing = await tx.department.findMany({ select: { id: true, shortName: true, aliases: true } });
      const byName = new Map(existing.map((d) => [d.shortName, d]));
      for (const d of data.departments) {
        if (byName.has(d.shortName)) continue;
        const created = await tx.department.create({
          data: { shortName: d.shortName, fullName: d.fullName, aliases: d.aliases, sortOrder: d.sortOrder },
          select: { id: true, shortName: true, aliases: true },
        });
        byName.set(created.shortName, created);
        report.departmentsCreated++;
      }
      const departments = data.departments.map((d) => byName.get(d.shortName)!);

      let plan = await tx.plan.findUnique({ where: { code: data.plan.code }, select: { id: true, status: true } });
      if (plan && options.newPlanOnly) throw new RuleError("admin", "planImport.codeTaken", { code: data.plan.code });
      if (!plan) {
        plan = await tx.plan.create({ data: { ...data.plan, status: data.plan.status ?? "ACTIVE" }, select: { id: true, status: true } });
        report.planCreated = true;
      }
      const years = { startYear: data.plan.startYear, endYear: data.plan.endYear };

      const tasks = await tx.keyTask.findMany({
        where: { planId: plan.id },
        select: { id: true, number: true, measures: { select: { number: true } } },
      });
      const taskByNumber = new Map(tasks.map((t) => [t.number, t]));

      for (const task of data.keyTasks) {
        let row = taskByNumber.get(task.number);
        if (!row) {
          const created = await tx.keyTask.create({
            data: { planId: plan.id, number: task.number, title: task.title },
            select: { id: true, number: true },
          });
          row = { ...created, measures: [] };
          report.keyTasksCreated++;
        }
        const existingMeasures = new Set(row.measures.map((m) => m.number));
        for (const m of task.measures) {
          if (existingMeasures.has(m.number)) continue;
          const schedule = parseTimeArrangement(m.timeArrangement, years);
          const parsed = parseResponsibleDepartments(m.departmentsText, departments);
          report.unknownDepartments.push(...parsed.unknownNames);
          if (!schedule.ok) report.unscheduled.push(`${task.number}.${m.number}`);
          const s = schedule.ok ? schedule.schedule : null;
          const reporting = proposedReporting(s, m.text, years);
          await tx.measure.create({
            data: {
              keyTaskId: row.id,
              number: m.number,
              text: m.text,
              departmentsText: m.departmentsText,
              departmentsInferred: parsed.inferredFromCount,
              departmentsOpenList: parsed.openList,
              timeArrangement: m.timeArrangement,
              scheduleKind: s?.kind ?? null,
              scheduleError: schedule.ok ? null : schedule.reason,
              scheduleStart: s?.startDate ? dayToDate(s.startDate) : null,
              deadline: s?.deadline ? dayToDate(s.deadline) : null,
              deliverable: s?.deliverable ?? null,
              reportsQuarterly: s?.reportsQuarterly ?? false,
              dueDates: (s?.dueDates ?? []).map(dayToDate),
              scheduleFlags: s?.flags ?? [],
              cadence: reporting.cadence,
              checkpoints: reporting.checkpoints.map(dayToDate),
              departments: {
                create: parsed.assignments.map((a, i) => ({
                  departmentId: byName.get(a.shortName)!.id,
                  isLead: a.lead,
                  isJointLead: !a.lead && (m.jointLeads === true || (Array.isArray(m.jointLeads) && m.jointLeads.includes(a.shortName))),
                  sortOrder: i,
                })),
              },
              // What the parser finds (待确认): absolute targets and trends (direction, change, baseline
              // from the table's 趋势基线 column when given), as an administrator's add proposes them.
              indicators: {
                create: proposedIndicators(m.text).map((ind) => ({
                  key: ind.key,
                  name: ind.name,
                  unit: ind.unit,
                  comparison: ind.comparison,
                  target: ind.target,
                  period: ind.period,
                  direction: ind.direction,
                  baseline: ind.direction ? (m.baselines?.[ind.name] ?? null) : null,
                  sourceText: ind.sourceText,
                })),
              },
            },
          });
          report.measuresCreated++;
        }
      }

      report.periodsCreated = await createMissingPeriods(tx, plan.id, options.quarterDueDays ?? DEFAULT_DUE_DAYS);

      if (report.planCreated || report.keyTasksCreated || report.measuresCreated || report.departmentsCreated || report.periodsCreated) {
        await recordAuditEvent(tx, {
          actorId: options.audit?.actorId ?? null,
          actorLabel: options.audit?.actorLabel ?? "seed",
          ip: options.audit?.ip ?? null,
          action: "plan.import",
          entityType: "Plan",
          entityId: plan.id,
          after: { code: data.plan.code, ...report, unscheduled: report.unscheduled, unknownDepartments: report.unknownDepartments },
        });
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return report;
}

type PeriodWriter = Pick<PrismaClient, "plan" | "measure" | "reportingPeriod" | "workingCalendarDay">;

/** A plan's reporting settings as src/lib/periods.ts reads them. */
export const planReportingSelect = { startYear: true, endYear: true, status: true, defaultCadence: true, trackingStart: true } as const;
/** A measure's reporting settings as src/lib/periods.ts reads them. */
export const measureReportingSelect = { cadence: true, checkpoints: true, scheduleStart: true, trackingStart: true, deadline: true, scheduleFlags: true, deadlineConfirmed: true } as const;

/** Converts the selected rows to the pure rule's input. */
export function reportingInput(
  m: { cadence: ReportingCadence | null; checkpoints: Date[]; scheduleStart: Date | null; trackingStart: Date | null; deadline: Date | null; scheduleFlags: string[]; deadlineConfirmed: boolean },
  p: { startYear: number; endYear: number; defaultCadence: ReportingCadence; trackingStart: Date | null },
) {
  const day = (d: Date | null) => (d ? isoDay(d) : null);
  return {
    measure: { cadence: m.cadence, checkpoints: m.checkpoints.map(isoDay), scheduleStart: day(m.scheduleStart), trackingStart: day(m.trackingStart), deadline: day(m.deadline), scheduleFlags: m.scheduleFlags, deadlineConfirmed: m.deadlineConfirmed },
    plan: { startYear: p.startYear, endYear: p.endYear, defaultCadence: p.defaultCadence, trackingStart: day(p.trackingStart) },
  };
}

/**
 * Creates the reporting periods of every measure of a plan that has none yet (new, or imported
 * before periods existed); `measureIds` narrows it to those measures (one an administrator added).
 * A withdrawn measure (撤销) owes nothing and gets none.
 */
export async function createMissingPeriods(tx: PeriodWriter, planId: string, dueDays: number, measureIds?: string[]): Promise<number> {
  const plan = await tx.plan.findUniqueOrThrow({ where: { id: planId }, select: planReportingSelect });
  const withoutPeriods = await tx.measure.findMany({
    where: { keyTask: { planId }, periods: { none: {} }, withdrawnAt: null, ...(measureIds ? { id: { in: measureIds } } : {}) },
    select: { id: true, ...measureReportingSelect },
  });
  if (withoutPeriods.length === 0) return 0;
  const calendar = await loadWorkingCalendar(tx);
  // A plan that has ended creates no new obligations: none of its periods may end after its last day.
  const end = planEndDay(plan);
  const keep = (p: { periodEnd: string }) => planLifecycle[plan.status as PlanStatus].createsObligations || p.periodEnd <= end;
  const rows = withoutPeriods.flatMap((m) => {
    const input = reportingInput(m, plan);
    return reportingPeriods(input.measure, input.plan, { dueDays, calendar }).filter(keep).map((p) => ({
      measureId: m.id,
      kind: p.kind,
      periodStart: dayToDate(p.periodStart),
      periodEnd: dayToDate(p.periodEnd),
      dueDate: dayToDate(p.dueDate),
      originalDueDate: dayToDate(p.dueDate),
    }));
  });
  return rows.length ? (await tx.reportingPeriod.createMany({ data: rows })).count : 0;
}

/** Gives every measure of every plan its reporting periods if it has none; run at each start, so upgraded installations get them. */
export async function ensureReportingPeriods(db: PrismaClient, quarterDueDays: number): Promise<number> {
  const plans = await db.plan.findMany({ select: { id: true } });
  let created = 0;
  for (const plan of plans) {
    created += await db.$transaction((tx) => createMissingPeriods(tx, plan.id, quarterDueDays));
  }
  return created;
}
