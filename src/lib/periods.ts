import { dayToDate } from "./due";
import { quarterEnds, type PlanYears, type ScheduleKind } from "./schedule";

/** A reporting window to be stored as a ReportingPeriod. Dates are ISO YYYY-MM-DD. */
export interface PeriodDraft {
  kind: "QUARTER" | "MILESTONE";
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = dayToDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Kinds whose own due dates become milestones; quarterly ones are covered by the quarters. */
const MILESTONE_KINDS: ReadonlySet<ScheduleKind> = new Set(["ANNUAL", "DEADLINE", "RANGE", "MONTHLY", "HALF_YEARLY"]);

/**
 * The reporting periods of a measure: one per quarter of the plan, due
 * `quarterDueDays` after the quarter ends, plus each of the measure's own
 * deadlines as a milestone due on the deadline itself. Sorted by due date.
 */
export function reportingPeriods(
  measure: { scheduleKind: ScheduleKind | null; dueDates: string[] },
  plan: PlanYears,
  options: { quarterDueDays: number },
): PeriodDraft[] {
  const quarters = quarterEnds(plan.startYear, plan.endYear).map((end): PeriodDraft => {
    const month = Number(end.slice(5, 7)) - 2;
    const start = `${end.slice(0, 4)}-${String(month).padStart(2, "0")}-01`;
    return { kind: "QUARTER", periodStart: start, periodEnd: end, dueDate: addDays(end, options.quarterDueDays) };
  });
  const milestones =
    measure.scheduleKind && MILESTONE_KINDS.has(measure.scheduleKind)
      ? [...new Set(measure.dueDates)].map((d): PeriodDraft => ({ kind: "MILESTONE", periodStart: `${d.slice(0, 4)}-01-01`, periodEnd: d, dueDate: d }))
      : [];
  return [...quarters, ...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind));
}

/** A period's name in Chinese: "2023年第2季度" or "2022-12-31 期限". */
export function periodLabel(p: { kind: "QUARTER" | "MILESTONE"; periodEnd: string }, locale: string = "zh-CN"): string {
  const year = p.periodEnd.slice(0, 4);
  const quarter = Math.ceil(Number(p.periodEnd.slice(5, 7)) / 3);
  if (p.kind === "QUARTER") return locale === "en" ? `Q${quarter} ${year}` : `${year}年第${quarter}季度`;
  return locale === "en" ? `Deadline ${p.periodEnd}` : `${p.periodEnd} 期限`;
}

/** A calendar quarter's key ("2023-Q2", the form the lists' addresses carry) in words, whole and in its two parts (year, quarter) for narrow headers. */
export function quarterKeyLabel(key: string, locale: string = "zh-CN"): { text: string; year: string; quarter: string } {
  const [year, q] = key.split("-Q");
  if (locale === "en") return { text: `Q${q} ${year}`, year, quarter: `Q${q}` };
  return { text: `${year}年第${q}季度`, year: `${year}年`, quarter: `第${q}季度` };
}
