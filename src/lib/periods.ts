/**
 * The one rule that says what a measure owes (decision 020): its regular reports on its cadence
 * (填报频次) and its checkpoints (节点), inside the stretch it is tracked (跟踪起点 to its deadline),
 * each due on a working day. Seeding, plan import, an administrator's change of cadence or
 * tracking start and the data migration of the shipped plan all lay periods out with it. Pure.
 */
import { dayToDate } from "./due";
import type { PlanYears, Schedule, ScheduleKind } from "./schedule";
import { nextWorkingDay, WEEKENDS_ONLY, type WorkingCalendar } from "./working-days";

/** How often a measure reports progress besides its checkpoints. */
export type ReportingCadence = "NONE" | "MONTHLY" | "QUARTERLY" | "HALF_YEARLY" | "ANNUAL";
export const REPORTING_CADENCES: readonly ReportingCadence[] = ["NONE", "MONTHLY", "QUARTERLY", "HALF_YEARLY", "ANNUAL"];

/** A stored period's kind: a regular report of one cadence, or a checkpoint (MILESTONE). */
export type PeriodKind = "MONTH" | "QUARTER" | "HALF_YEAR" | "YEAR" | "MILESTONE";

/** A reporting window to be stored as a ReportingPeriod. Dates are ISO YYYY-MM-DD. */
export interface PeriodDraft {
  kind: PeriodKind;
  periodStart: string;
  periodEnd: string;
  dueDate: string;
}

/** What the rule reads of a measure. */
export interface MeasureReporting {
  /** null: the plan's default cadence */
  cadence: ReportingCadence | null;
  checkpoints: string[];
  /** The schedule's own start (a range's first year, 「2026年起」) */
  scheduleStart: string | null;
  /** The measure's own tracking start set by an administrator */
  trackingStart: string | null;
  /** The final deadline (DEADLINE, RANGE); nothing regular is owed after it */
  deadline: string | null;
  scheduleFlags: string[];
  deadlineConfirmed: boolean;
}

/** What the rule reads of a plan. */
export interface PlanReporting extends PlanYears {
  defaultCadence: ReportingCadence;
  /** The plan's issue date; null: 1 January of its first year */
  trackingStart: string | null;
}

export interface PeriodOptions {
  /** Days after a regular period ends that its report is due (10 by default, DUBAN_QUARTER_DUE_DAYS) */
  dueDays: number;
  calendar?: WorkingCalendar;
}

/** Days after a regular period ends that its report is due, unless DUBAN_QUARTER_DUE_DAYS says otherwise. */
export const DEFAULT_DUE_DAYS = 10;

/** Adds whole days to an ISO date. */
export function addDays(iso: string, days: number): string {
  const d = dayToDate(iso);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A deadline before the plan starts that no administrator has confirmed yet (待确认): it owes nothing. */
export function awaitsConfirmation(measure: Pick<MeasureReporting, "scheduleFlags" | "deadlineConfirmed">): boolean {
  return measure.scheduleFlags.includes("BEFORE_PLAN_START") && !measure.deadlineConfirmed;
}

/**
 * Whether a department owes a period of a measure it carries: a department added to a running
 * measure (its `startsOn`, decision 031) owes only the periods that end on or after the day it
 * joined, not the measure's past ones; one on the measure from the beginning (null) owes them all.
 * The one rule the worklist, the overview's replay and the notification scan read.
 */
export function departmentOwesPeriod(period: { periodEnd: string }, startsOn: string | null | undefined): boolean {
  return !startsOn || period.periodEnd >= startsOn;
}

/** The first day a measure is tracked: the latest of the plan's tracking start, the schedule's start and its own. */
export function trackingStartOf(measure: Pick<MeasureReporting, "scheduleStart" | "trackingStart">, plan: PlanReporting): string {
  const planStart = plan.trackingStart ?? `${plan.startYear}-01-01`;
  return [planStart, measure.scheduleStart, measure.trackingStart].reduce<string>((a, b) => (b && b > a ? b : a), planStart);
}

/**
 * The due date of a period: a regular report `dueDays` after its period ends, a checkpoint on
 * its own day; moved to the next working day when that falls on a weekend or a public holiday
 * (调休 working days count as working days).
 */
export function periodDueDate(p: { kind: PeriodKind; periodEnd: string }, options: PeriodOptions): string {
  const raw = p.kind === "MILESTONE" ? p.periodEnd : addDays(p.periodEnd, options.dueDays);
  return nextWorkingDay(raw, options.calendar ?? WEEKENDS_ONLY);
}

const MONTHS_PER_PERIOD: Record<Exclude<ReportingCadence, "NONE">, { months: number; kind: PeriodKind }> = {
  MONTHLY: { months: 1, kind: "MONTH" },
  QUARTERLY: { months: 3, kind: "QUARTER" },
  HALF_YEARLY: { months: 6, kind: "HALF_YEAR" },
  ANNUAL: { months: 12, kind: "YEAR" },
};

/**
 * The reporting periods of a measure, sorted by due date:
 * - nothing while its deadline before the plan start awaits confirmation;
 * - one regular period per month, quarter, half year or year of its cadence that ends on or after
 *   its tracking start and before its deadline (the plan's end when it has none), except one that
 *   ends on a checkpoint's day: the checkpoint report covers it;
 * - one checkpoint period per checkpoint from its tracking start on (all of them once a deadline
 *   before the plan start is confirmed).
 */
export function reportingPeriods(measure: MeasureReporting, plan: PlanReporting, options: PeriodOptions): PeriodDraft[] {
  if (awaitsConfirmation(measure)) return [];
  const start = trackingStartOf(measure, plan);
  const planEnd = `${plan.endYear}-12-31`;
  const end = measure.deadline && measure.deadline < planEnd ? measure.deadline : planEnd;
  const checkpoints = [...new Set(measure.checkpoints)].sort();
  const confirmedEarly = measure.scheduleFlags.includes("BEFORE_PLAN_START");
  const out: PeriodDraft[] = [];

  const cadence = measure.cadence ?? plan.defaultCadence;
  if (cadence !== "NONE") {
    const { months, kind } = MONTHS_PER_PERIOD[cadence];
    for (let year = plan.startYear; year <= plan.endYear; year++) {
      for (let first = 1; first <= 12; first += months) {
        const last = first + months - 1;
        const periodStart = `${year}-${pad(first)}-01`;
        const periodEnd = `${year}-${pad(last)}-${pad(daysInMonth(year, last))}`;
        if (periodEnd < start || periodEnd > end || checkpoints.includes(periodEnd)) continue;
        out.push({ kind, periodStart, periodEnd, dueDate: periodDueDate({ kind, periodEnd }, options) });
      }
    }
  }
  for (const day of checkpoints) {
    if (day < start && !confirmedEarly) continue;
    out.push({ kind: "MILESTONE", periodStart: `${day.slice(0, 4)}-01-01`, periodEnd: day, dueDate: periodDueDate({ kind: "MILESTONE", periodEnd: day }, options) });
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.periodEnd.localeCompare(b.periodEnd) || a.kind.localeCompare(b.kind));
}

/** 「每年组织一次」 and the like in a measure's text: a yearly activity, checked once a year. */
const YEARLY_ACTIVITY = /每年(?:至少)?(?:组织|召开|开展|举办|举行)一次/u;

/**
 * The cadence and checkpoints a parsed schedule proposes (an administrator may change both):
 * 每季度 / 每月 / 每半年 report on that cadence; an annual schedule (每年第一季度, 每年组织一次) is
 * a yearly checkpoint and nothing more; a deadline is a checkpoint; a range has a checkpoint at the
 * end of each of its years; ongoing work follows the plan's default cadence, or is a yearly
 * checkpoint when its text says the activity happens once a year. Unparsed: the plan's default.
 */
export function proposedReporting(
  schedule: Pick<Schedule, "kind" | "dueDates" | "checkpoints" | "startDate"> | null,
  text: string,
  plan: PlanYears,
): { cadence: ReportingCadence | null; checkpoints: string[] } {
  if (!schedule) return { cadence: null, checkpoints: [] };
  const kind: ScheduleKind = schedule.kind;
  switch (kind) {
    case "QUARTERLY":
      return { cadence: "QUARTERLY", checkpoints: [] };
    case "MONTHLY":
      return { cadence: "MONTHLY", checkpoints: [] };
    case "HALF_YEARLY":
      return { cadence: "HALF_YEARLY", checkpoints: [] };
    case "ANNUAL":
      return { cadence: "NONE", checkpoints: [...schedule.dueDates] };
    case "DEADLINE":
      return { cadence: null, checkpoints: [...schedule.dueDates] };
    case "RANGE":
      return { cadence: null, checkpoints: schedule.checkpoints.length ? [...schedule.checkpoints] : [...schedule.dueDates] };
    case "ONGOING": {
      if (!YEARLY_ACTIVITY.test(text)) return { cadence: null, checkpoints: [] };
      const from = Math.max(plan.startYear, schedule.startDate ? Number(schedule.startDate.slice(0, 4)) : plan.startYear);
      const checkpoints: string[] = [];
      for (let year = from; year <= plan.endYear; year++) checkpoints.push(`${year}-12-31`);
      return { cadence: "NONE", checkpoints };
    }
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A period's name: "2023年第2季度", "2023年3月", "2023年上半年", "2023年度" or "2022-12-31 时间节点"; in English "2023 Q2", "2023-03", "2023 H1", "Year 2023", "Deadline 2022-12-31". */
export function periodLabel(p: { kind: PeriodKind; periodEnd: string }, locale: string = "zh-CN"): string {
  const year = p.periodEnd.slice(0, 4);
  const month = Number(p.periodEnd.slice(5, 7));
  const en = locale === "en";
  switch (p.kind) {
    case "QUARTER":
      return en ? `${year} Q${Math.ceil(month / 3)}` : `${year}年第${Math.ceil(month / 3)}季度`;
    case "MONTH":
      return en ? `${year}-${pad(month)}` : `${year}年${month}月`;
    case "HALF_YEAR":
      return en ? `${year} H${month <= 6 ? 1 : 2}` : `${year}年${month <= 6 ? "上" : "下"}半年`;
    case "YEAR":
      return en ? `Year ${year}` : `${year}年度`;
    case "MILESTONE":
      return en ? `Deadline ${p.periodEnd}` : `${p.periodEnd} 时间节点`;
  }
}

/** A calendar quarter's key ("2023-Q2", the form the lists' addresses carry) in words, whole and in its two parts (year, quarter) for narrow headers. */
export function quarterKeyLabel(key: string, locale: string = "zh-CN"): { text: string; year: string; quarter: string } {
  const [year, q] = key.split("-Q");
  if (locale === "en") return { text: `${year} Q${q}`, year, quarter: `Q${q}` };
  return { text: `${year}年第${q}季度`, year: `${year}年`, quarter: `第${q}季度` };
}
