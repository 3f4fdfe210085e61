import type { PrismaClient } from "@/generated/prisma/client";
import { assignmentFacts } from "@/features/dashboard/compute";
import { progressFacts, type PeriodHistory } from "@/features/dashboard/history";
import { loadPlanHistory } from "@/features/dashboard/load-history";
import { isoDay, todayInChina } from "@/lib/due";
import { indicatorAchievement, planEvaluable, proposeVerdict, yearlyActuals, type IndicatorTarget, type Verdict, type VerdictBasis, type VerdictFacts } from "@/lib/evaluation";
import type { PeriodKind } from "@/lib/periods";
import { reportsForMeasure, type ProgressRating } from "@/lib/status";

/*
 * What the 终期评估 and the 年度总结 are made of, read once per plan (no Next imports, so the page,
 * the download route and the command line share it): each measure's verdict facts and proposal
 * (src/lib/evaluation.ts), the bureau's stored verdict, the reports' 工作进展, problems and evidence,
 * each indicator's yearly actuals, and the departments' timeliness from the same replayed history
 * the overview counts (src/features/dashboard/history.ts, compute.ts assignmentFacts).
 */

/** The bureau's confirmed verdict on a measure. */
export interface StoredVerdict {
  proposed: Verdict;
  verdict: Verdict;
  reason: string | null;
  confirmedBy: string;
  confirmedAt: string;
  version: number;
}

/** One submitted report of a measure, as the documents quote it. */
export interface ReportEntry {
  periodEnd: string;
  /** The period's kind: its name is said in the reader's language (periodLabel). */
  periodKind: PeriodKind;
  department: string;
  isLead: boolean;
  state: "SUBMITTED" | "RETURNED" | "ACCEPTED";
  rating: ProgressRating | null;
  workDone: string;
  problems: string;
  evidence: string[];
}

/** One department's part of one period, reduced to what timeliness counts. */
export interface PartRecord {
  departmentId: string;
  periodEnd: string;
  /** Owed and due by the evaluation day, or done. */
  due: boolean;
  onTime: boolean;
  late: boolean;
  overdue: boolean;
  /** Days of its 退回 (one per return). */
  returnedOn: string[];
  /** The lead's or a joint lead's part (the measure's own report). */
  reporting: boolean;
}

export interface MeasureRecord {
  id: string;
  taskNumber: number;
  number: number;
  label: string;
  text: string;
  lead: string | null;
  departments: string[];
  closedOn: string | null;
  normalizedOn: string | null;
  facts: VerdictFacts;
  proposed: Verdict;
  basis: VerdictBasis;
  stored: StoredVerdict | null;
  /** The verdict in force: the stored one, else the proposal. */
  verdict: Verdict;
  reports: ReportEntry[];
  parts: PartRecord[];
}

export interface IndicatorRecord {
  id: string;
  measureLabel: string;
  name: string;
  unit: string;
  confirmed: boolean;
  target: IndicatorTarget;
  period: "YEAR" | "PLAN" | "CYCLE";
  /** Accepted values, each with its period's end, in report order. */
  values: { periodEnd: string; order: string; value: number }[];
}

export interface EvaluationData {
  plan: { id: string; code: string; title: string; issuer: string; startYear: number; endYear: number; status: "DRAFT" | "ACTIVE" | "ENDED" | "ARCHIVED" };
  today: string;
  evaluable: boolean;
  tasks: { number: number; title: string; measures: MeasureRecord[] }[];
  indicators: IndicatorRecord[];
  departments: { id: string; shortName: string }[];
}

const num = (d: { toString(): string } | null): number | null => (d === null ? null : Number(d.toString()));

/** Loads everything the evaluation and the summaries show for one plan, as of `today` (China's day). Null: no such plan. */
export async function loadEvaluation(db: PrismaClient, planCode: string, today = todayInChina()): Promise<EvaluationData | null> {
  const plan = await db.plan.findUnique({ where: { code: planCode }, select: { id: true, code: true, title: true, issuer: true, startYear: true, endYear: true, status: true } });
  if (!plan) return null;
  const [history, tasks, reports, indicators, stored] = await Promise.all([
    loadPlanHistory(db, plan.id),
    db.keyTask.findMany({
      where: { planId: plan.id, withdrawnAt: null },
      orderBy: { number: "asc" },
      select: {
        number: true,
        title: true,
        measures: {
          where: { withdrawnAt: null },
          orderBy: { number: "asc" },
          select: {
            id: true,
            number: true,
            text: true,
            currentText: true,
            closedAt: true,
            normalizedAt: true,
            departments: { orderBy: [{ isLead: "desc" }, { sortOrder: "asc" }], select: { isLead: true, department: { select: { shortName: true } } } },
          },
        },
      },
    }),
    db.progressReport.findMany({
      where: { state: { in: ["SUBMITTED", "RETURNED", "ACCEPTED"] }, measure: { withdrawnAt: null, keyTask: { planId: plan.id } } },
      orderBy: [{ period: { periodEnd: "asc" } }, { isLead: "desc" }, { submittedAt: "asc" }],
      select: {
        measureId: true,
        isLead: true,
        state: true,
        progress: true,
        workDone: true,
        problems: true,
        submittedAt: true,
        department: { select: { shortName: true } },
        period: { select: { kind: true, periodEnd: true } },
        values: { select: { indicatorId: true, value: true } },
        attachments: { where: { removedAt: null }, orderBy: { createdAt: "asc" }, select: { originalName: true } },
      },
    }),
    db.indicator.findMany({
      where: { measure: { withdrawnAt: null, keyTask: { planId: plan.id, withdrawnAt: null } } },
      orderBy: [{ measure: { keyTask: { number: "asc" } } }, { measure: { number: "asc" } }, { key: "asc" }],
      select: {
        id: true,
        measureId: true,
        name: true,
        unit: true,
        comparison: true,
        target: true,
        period: true,
        direction: true,
        baseline: true,
        confirmedAt: true,
        measure: { select: { number: true, keyTask: { select: { number: true } } } },
      },
    }),
    db.measureEvaluation.findMany({ where: { planId: plan.id }, select: { measureId: true, proposed: true, verdict: true, reason: true, confirmedById: true, confirmedAt: true, version: true } }),
  ]);
  const users = new Map(
    (await db.user.findMany({ where: { id: { in: [...new Set(stored.map((s) => s.confirmedById))] } }, select: { id: true, displayName: true } })).map((u) => [u.id, u.displayName]),
  );
  const storedBy = new Map(
    stored.map((s) => [
      s.measureId,
      { proposed: s.proposed, verdict: s.verdict, reason: s.reason, confirmedBy: users.get(s.confirmedById) ?? "", confirmedAt: todayInChina(s.confirmedAt), version: s.version } satisfies StoredVerdict,
    ]),
  );

  // Indicators and their accepted values (the current version of each accepted report).
  const indicatorRecords: IndicatorRecord[] = indicators.map((i) => ({
    id: i.id,
    measureLabel: `${i.measure.keyTask.number}.${i.measure.number}`,
    name: i.name,
    unit: i.unit,
    confirmed: i.confirmedAt !== null,
    target: { comparison: i.comparison, target: num(i.target), direction: i.direction, baseline: num(i.baseline) },
    period: i.period,
    values: [],
  }));
  const indicatorById = new Map(indicatorRecords.map((i) => [i.id, i]));
  const reportsBy = new Map<string, ReportEntry[]>();
  for (const r of reports) {
    const periodEnd = isoDay(r.period.periodEnd);
    if (r.state === "ACCEPTED" && reportsForMeasure({ isLead: r.isLead })) {
      for (const v of r.values) indicatorById.get(v.indicatorId)?.values.push({ periodEnd, order: `${periodEnd} ${r.submittedAt?.toISOString() ?? ""}`, value: Number(v.value.toString()) });
    }
    const entry: ReportEntry = {
      periodEnd,
      periodKind: r.period.kind as PeriodKind,
      department: r.department.shortName,
      isLead: r.isLead,
      state: r.state as ReportEntry["state"],
      rating: r.progress,
      workDone: r.workDone.trim(),
      problems: r.problems.trim(),
      evidence: r.attachments.map((a) => a.originalName),
    };
    reportsBy.set(r.measureId, [...(reportsBy.get(r.measureId) ?? []), entry]);
  }
  const indicatorsBy = new Map<string, IndicatorRecord[]>();
  for (const i of indicators) indicatorsBy.set(i.measureId, [...(indicatorsBy.get(i.measureId) ?? []), indicatorById.get(i.id)!]);

  // Each department's part of each period, as of today, by the overview's own rule.
  const periodsBy = new Map<string, PeriodHistory[]>();
  for (const h of history.histories) periodsBy.set(h.measureId, [...(periodsBy.get(h.measureId) ?? []), h]);
  const progressBy = new Map((history.progress?.measures ?? []).map((m) => [m.measureId, m]));
  const planStart = `${plan.startYear}-01-01`;
  const planEnd = `${plan.endYear}-12-31`;

  const taskRecords = tasks.map((t) => ({
    number: t.number,
    title: t.title,
    measures: t.measures.map((m): MeasureRecord => {
      const periods = periodsBy.get(m.id) ?? [];
      const parts: PartRecord[] = [];
      for (const h of periods) {
        for (const d of h.departments) {
          const f = assignmentFacts(h, d, today);
          parts.push({
            departmentId: d.departmentId,
            periodEnd: h.periodEnd,
            due: f.owed && f.counted,
            onTime: f.onTime,
            late: f.done && !f.onTime,
            overdue: f.overdue,
            returnedOn: d.events.filter((e) => e.event === "RETURNED" && e.on <= today).map((e) => e.on),
            reporting: reportsForMeasure(d),
          });
        }
      }
      const progress = progressBy.get(m.id);
      const pf = progress ? progressFacts(progress, periods, { planStart, planEnd }, today) : null;
      const milestones = (pf?.milestones ?? []).filter((ms) => ms.dueDate <= today);
      const finals = (indicatorsBy.get(m.id) ?? []).map((i) => indicatorAchievement(i.target, yearlyActuals(i.values.map(toReported)).final));
      const reporting = parts.filter((p) => p.reporting && p.due);
      const facts: VerdictFacts = {
        closed: m.closedAt !== null,
        normalized: m.normalizedAt !== null,
        milestonesDue: milestones.length,
        milestonesMet: milestones.filter((ms) => ms.metOn !== null).length,
        indicators: finals,
        lastRating: pf?.ratings.at(-1)?.rating ?? null,
        reportsDue: reporting.length,
        reportsAccepted: reporting.filter((p) => p.onTime || p.late).length,
      };
      const { verdict: proposed, basis } = proposeVerdict(facts);
      const saved = storedBy.get(m.id) ?? null;
      return {
        id: m.id,
        taskNumber: t.number,
        number: m.number,
        label: `${t.number}.${m.number}`,
        text: m.currentText ?? m.text,
        lead: m.departments.find((d) => d.isLead)?.department.shortName ?? null,
        departments: m.departments.map((d) => d.department.shortName),
        closedOn: m.closedAt ? todayInChina(m.closedAt) : null,
        normalizedOn: m.normalizedAt ? todayInChina(m.normalizedAt) : null,
        facts,
        proposed,
        basis,
        stored: saved,
        verdict: saved?.verdict ?? proposed,
        reports: reportsBy.get(m.id) ?? [],
        parts,
      };
    }),
  }));
  return {
    plan,
    today,
    evaluable: planEvaluable(plan, today),
    tasks: taskRecords,
    indicators: indicatorRecords,
    departments: history.departments,
  };
}

const toReported = (v: IndicatorRecord["values"][number]) => ({ year: Number(v.periodEnd.slice(0, 4)), order: v.order, value: v.value });

/** An indicator's yearly actuals, final value, achievement and whether it met its target. */
export function indicatorResult(i: IndicatorRecord) {
  const { byYear, final } = yearlyActuals(i.values.map(toReported));
  const achievement = indicatorAchievement(i.target, final);
  return { byYear, final, achievement, met: achievement === null ? null : achievement >= 100 };
}

/** Timeliness counts of some parts: due, on time, late, overdue, 退回 (within `year` when given). */
export function timeliness(parts: readonly PartRecord[], year?: number) {
  const inYear = (day: string) => year === undefined || day.startsWith(`${year}-`);
  const counted = parts.filter((p) => inYear(p.periodEnd));
  const due = counted.filter((p) => p.due);
  return {
    due: due.length,
    onTime: due.filter((p) => p.onTime).length,
    late: due.filter((p) => p.late).length,
    overdue: due.filter((p) => p.overdue).length,
    returns: parts.reduce((n, p) => n + p.returnedOn.filter(inYear).length, 0),
  };
}

/** Counts of verdicts, in the order 完成, 基本完成, 未完成, 已常态化. */
export function verdictCounts(measures: readonly Pick<MeasureRecord, "verdict">[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = { COMPLETED: 0, MOSTLY_COMPLETED: 0, NOT_COMPLETED: 0, NORMALIZED: 0 };
  for (const m of measures) counts[m.verdict] += 1;
  return counts;
}
