/**
 * The one definition of status used everywhere (pages, exports): for a
 * reporting period as of a given day, and for a measure or department as the
 * worst of their periods. Pure; dates are ISO YYYY-MM-DD.
 */

import { daysBetween } from "./due";
import type { PeriodKind } from "./periods";

/**
 * 报送 (is the reporting on time). COMPLETED means every report due was accepted in time, never that the
 * work is done: that is the 进度 light's 已销号 below. WAIVED: not owed, the measure being closed (已销号)
 * or 常态化 (only each year's last quarter owed).
 */
export type Status = "NOT_STARTED" | "ON_TRACK" | "DUE_SOON" | "OVERDUE" | "COMPLETED" | "COMPLETED_LATE" | "WAIVED";
export type Light = "GREEN" | "YELLOW" | "RED";

/** What was true of a period on the day asked about. */
export interface PeriodFacts {
  periodStart: string;
  /** The due date in force that day (an approved extension already applied). */
  dueDate: string;
  /** The report's state that day; null when nothing had been submitted. */
  reportState: "SUBMITTED" | "RETURNED" | "ACCEPTED" | null;
  /** Day the accepted version was submitted, when reportState is ACCEPTED. */
  acceptedSubmittedOn: string | null;
}

export const DEFAULT_WINDOW_DAYS = 7;

/**
 * Status and light of one period on `asOf`:
 * completed (late when the accepted version was submitted after the due date);
 * overdue, red, when past due without an accepted report;
 * due soon, yellow, within `windowDays` of the due date, or when returned and not resubmitted;
 * on track when a report awaits review or work has begun; not started before the period begins.
 */
export function periodStatus(p: PeriodFacts, asOf: string, windowDays = DEFAULT_WINDOW_DAYS): { status: Status; light: Light } {
  if (p.reportState === "ACCEPTED") {
    const late = p.acceptedSubmittedOn !== null && p.acceptedSubmittedOn > p.dueDate;
    return { status: late ? "COMPLETED_LATE" : "COMPLETED", light: "GREEN" };
  }
  if (asOf > p.dueDate) return { status: "OVERDUE", light: "RED" };
  if (p.reportState === "RETURNED") return { status: "DUE_SOON", light: "YELLOW" };
  if (daysBetween(asOf, p.dueDate) <= windowDays) {
    // Submitted and awaiting review: the department has done its part.
    return p.reportState === "SUBMITTED" ? { status: "ON_TRACK", light: "GREEN" } : { status: "DUE_SOON", light: "YELLOW" };
  }
  if (asOf < p.periodStart) return { status: "NOT_STARTED", light: "GREEN" };
  return { status: "ON_TRACK", light: "GREEN" };
}

const SEVERITY: Record<Status, number> = { OVERDUE: 5, DUE_SOON: 4, ON_TRACK: 3, NOT_STARTED: 2, COMPLETED_LATE: 1, COMPLETED: 0, WAIVED: -1 };
const LIGHT_SEVERITY: Record<Light, number> = { RED: 2, YELLOW: 1, GREEN: 0 };

/**
 * A measure's (or a department's) status: the worst of its periods that had
 * begun by `asOf`; completed only when every period is completed; not started
 * when none had begun; a period no longer owed (WAIVED) does not count, and when nothing else
 * is left the measure owes nothing (WAIVED).
 */
export function combinedStatus(all: { status: Status; light: Light; periodStart: string }[], asOf: string): { status: Status; light: Light } {
  const periods = all.filter((p) => p.status !== "WAIVED");
  if (periods.length === 0 && all.length > 0) return { status: "WAIVED", light: "GREEN" };
  const begun = periods.filter((p) => p.periodStart <= asOf || p.status === "OVERDUE" || p.status === "COMPLETED" || p.status === "COMPLETED_LATE");
  if (begun.length === 0) return { status: "NOT_STARTED", light: "GREEN" };
  let worst = begun[0];
  for (const p of begun) if (SEVERITY[p.status] > SEVERITY[worst.status]) worst = p;
  const light = begun.reduce<Light>((l, p) => (LIGHT_SEVERITY[p.light] > LIGHT_SEVERITY[l] ? p.light : l), "GREEN");
  return { status: worst.status, light };
}

/**
 * Whether a department's report on a measure is one of the measure's reports, which set its light
 * and count in the overview: the lead's, and each joint lead's (共同牵头, decision 021); a
 * supporting department's feedback does not.
 */
export function reportsForMeasure(assignment: { isLead: boolean; isJointLead?: boolean }): boolean {
  return assignment.isLead || assignment.isJointLead === true;
}

/*
 * 进度 (is the work on schedule): the second light, beside the 报送 light above
 * (is the reporting on time). Decision 024 states the rule and its defaults.
 */

/** A measure's progress in words: 未开始, 按序时推进, 滞后, 严重滞后, 逾期未完成 (a missed deadline), 已销号. */
export type ProgressState = "NOT_STARTED" | "ON_SCHEDULE" | "BEHIND" | "FAR_BEHIND" | "DEADLINE_MISSED" | "CLOSED";

/** Points behind 序时进度 at which a measure turns yellow, and beyond which it turns red; set per plan. */
export interface ProgressThresholds {
  yellowPoints: number;
  redPoints: number;
}

/** Common practice: up to 10 points behind is on schedule, 10–30 behind is yellow, more than 30 is red. */
export const DEFAULT_PROGRESS_THRESHOLDS: ProgressThresholds = { yellowPoints: 10, redPoints: 30 };

/** A plan's thresholds from a day on (decision 032: changing them keeps the earlier ones). */
export interface ThresholdsFrom extends ProgressThresholds {
  /** The first day they are in force (YYYY-MM-DD). */
  from: string;
}

/**
 * The thresholds in force on `day`: the latest of `history` that took effect by then; for a day
 * before the first of them, the first (what was in force before any change); with no history, `current`.
 */
export function thresholdsOn(history: readonly ThresholdsFrom[], day: string, current: ProgressThresholds): ProgressThresholds {
  if (!history.length) return current;
  const sorted = [...history].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  let inForce = sorted[0];
  for (const h of sorted) if (h.from <= day) inForce = h;
  return { yellowPoints: inForce.yellowPoints, redPoints: inForce.redPoints };
}

/** A department's own rating in a report (ProgressStatus). */
export type ProgressRating = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DIFFICULT";

/** Everything dated that the progress of one measure is read from; the rule keeps what was true on the day asked about. */
export interface ProgressFacts {
  /** The measure's own span: its schedule's start (else the plan's first day) to its deadline (else the plan's last day). */
  spanStart: string;
  spanEnd: string;
  /** The plan's first and last day (the period of a PLAN indicator). */
  planStart: string;
  planEnd: string;
  /** Each deadline (milestone period) and the day it was met (reported 已完成 and accepted), or null. */
  milestones: { dueDate: string; metOn: string | null }[];
  /** Quantitative targets with the actual values the lead department reported, each on the day it was submitted. */
  indicators: { comparison: "GTE" | "LTE" | "EQ"; target: number; period: "YEAR" | "PLAN" | "CYCLE"; values: { on: string; value: number }[] }[];
  /** The lead department's submissions: the day and its own rating. */
  ratings: { on: string; rating: ProgressRating | null }[];
  /** The bureau's decisions on the lead department's reports. */
  reviews: { on: string; outcome: "RETURNED" | "ACCEPTED" }[];
  /** 办结销号: closed on a day, reopened on a later one or still closed. */
  closures: { closedOn: string; reopenedOn: string | null }[];
}

/** The share of [start, end] elapsed on `asOf`, 0 on the first day, 1 on the last day and after. */
export function elapsedShare(start: string, end: string, asOf: string): number {
  if (asOf <= start) return 0;
  if (asOf >= end) return 1;
  return daysBetween(start, asOf) / daysBetween(start, end);
}

/** Whether the measure stood closed (已销号) on `asOf`. */
export function closedOn(closures: ProgressFacts["closures"], asOf: string): string | null {
  for (const c of closures) if (c.closedOn <= asOf && (c.reopenedOn === null || c.reopenedOn > asOf)) return c.closedOn;
  return null;
}

const lastBefore = <T extends { on: string }>(list: T[], asOf: string, from = ""): T | null => {
  let last: T | null = null;
  for (const item of list) if (item.on <= asOf && item.on >= from && (!last || item.on >= last.on)) last = item;
  return last;
};

/** Points one indicator is behind on `asOf` (0 or less: on schedule), or null when nothing was reported in its period. */
export function indicatorBehind(i: ProgressFacts["indicators"][number], f: Pick<ProgressFacts, "planStart" | "planEnd">, asOf: string): number | null {
  // A YEAR target is counted afresh each calendar year; a PLAN target over the plan; a CYCLE target holds at every moment.
  const [start, end] = i.period === "YEAR" ? [`${asOf.slice(0, 4)}-01-01`, `${asOf.slice(0, 4)}-12-31`] : [f.planStart, f.planEnd];
  const last = lastBefore(i.values, asOf, i.period === "YEAR" ? start : "");
  if (!last) return null;
  if (i.comparison === "LTE") return last.value <= i.target ? 0 : i.target > 0 ? Math.min(100, ((last.value - i.target) / i.target) * 100) : 100;
  const achieved = i.target > 0 ? Math.min(100, (last.value / i.target) * 100) : 100;
  const expected = i.period === "CYCLE" ? 100 : elapsedShare(start, end, asOf) * 100;
  return expected - achieved;
}

/**
 * The 进度 light of one measure on `asOf` (序时进度: what was done against what should be done by now):
 * closed → 已销号, green; before its span begins → not started, green;
 * a deadline passed without being met → red;
 * otherwise the most points behind of: each indicator's actual against its target scaled to the elapsed
 * share of its period, and a rating of 未开始 against the elapsed share of the measure's span;
 * more than `redPoints` behind → red, `yellowPoints` to `redPoints` behind → yellow, less → green;
 * a latest rating of 存在困难, or a report returned and not resubmitted, is at least yellow.
 */
export function measureProgress(f: ProgressFacts, asOf: string, t: ProgressThresholds = DEFAULT_PROGRESS_THRESHOLDS): { state: ProgressState; light: Light; behind: number | null } {
  if (closedOn(f.closures, asOf)) return { state: "CLOSED", light: "GREEN", behind: null };
  if (asOf < f.spanStart) return { state: "NOT_STARTED", light: "GREEN", behind: null };
  if (f.milestones.some((m) => m.dueDate < asOf && (m.metOn === null || m.metOn > asOf))) return { state: "DEADLINE_MISSED", light: "RED", behind: null };
  const gaps: number[] = [];
  for (const i of f.indicators) {
    const gap = indicatorBehind(i, f, asOf);
    if (gap !== null) gaps.push(gap);
  }
  const rated = lastBefore(f.ratings, asOf);
  const rating = rated?.rating ?? null;
  if (rating === "NOT_STARTED") gaps.push(elapsedShare(f.spanStart, f.spanEnd, asOf) * 100);
  // One decimal, so that 10 and 30 points are exactly what they look like.
  const behind = gaps.length ? Math.round(Math.max(...gaps) * 10) / 10 : null;
  let state: ProgressState = behind === null || behind < t.yellowPoints ? "ON_SCHEDULE" : behind > t.redPoints ? "FAR_BEHIND" : "BEHIND";
  // Returned and not resubmitted since.
  const review = lastBefore(f.reviews, asOf);
  const returned = review?.outcome === "RETURNED" && !(rated && rated.on > review.on);
  if (state === "ON_SCHEDULE" && (rating === "DIFFICULT" || returned)) state = "BEHIND";
  return { state, light: state === "FAR_BEHIND" ? "RED" : state === "BEHIND" ? "YELLOW" : "GREEN", behind: behind === null ? null : Math.max(0, behind) };
}

const PROGRESS_SEVERITY: Record<ProgressState, number> = { DEADLINE_MISSED: 5, FAR_BEHIND: 4, BEHIND: 3, ON_SCHEDULE: 2, NOT_STARTED: 1, CLOSED: 0 };

/** The worse of two progress states (a department's or a key task's progress is its worst measure's). */
export const worseProgress = (a: ProgressState, b: ProgressState): ProgressState => (PROGRESS_SEVERITY[a] >= PROGRESS_SEVERITY[b] ? a : b);

/**
 * Whether a period is still owed on `asOf`: a closed measure owes nothing more, and a measure declared
 * 常态化 (a lasting mechanism in place) owes only each year's last quarter from the day it was declared.
 */
export function periodOwed(p: { kind: PeriodKind; periodEnd: string }, m: { closedOn: string | null; normalizedOn: string | null }, asOf: string): boolean {
  if (m.closedOn !== null && m.closedOn <= asOf) return false;
  // 常态化: the yearly check is the period that closes the year (the fourth quarter, or the year's own report).
  const closesYear = (p.kind === "QUARTER" || p.kind === "YEAR") && p.periodEnd.slice(5) === "12-31";
  if (m.normalizedOn !== null && m.normalizedOn <= asOf && p.periodEnd >= m.normalizedOn && !closesYear) return false;
  return true;
}

/** The next report a measure owes, as of a given day: the same 截止日期 the report form shows. */
export type NextDue =
  | { kind: "upcoming"; date: string; period: { kind: PeriodKind; periodEnd: string } }
  | { kind: "passed"; date: string; period: { kind: PeriodKind; periodEnd: string } }
  | { kind: "closed"; date: string }
  | { kind: "none" }
  | { kind: "unscheduled" };

/**
 * When a measure's next report is due on `today`: the earliest due date, on or after today, of the
 * periods it still owes (a closed measure owes none, a 常态化 one only the year's last; see
 * periodOwed). When none is left, the last one, passed; a closed measure says since when. Due dates are the periods' own
 * (working days, the reporting window after a quarter), so every page names the day the report
 * form names; a department's approved extension is shown on its own report.
 */
export function nextDue(
  measure: { scheduleKind: string | null; closedOn: string | null; normalizedOn: string | null; periods: { kind: PeriodKind; periodEnd: string; dueDate: string }[] },
  today: string,
): NextDue {
  if (!measure.scheduleKind) return { kind: "unscheduled" };
  if (measure.closedOn !== null && measure.closedOn <= today) return { kind: "closed", date: measure.closedOn };
  const byDue = [...measure.periods].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  const next = byDue.find((p) => p.dueDate >= today && periodOwed(p, measure, today));
  if (next) return { kind: "upcoming", date: next.dueDate, period: { kind: next.kind, periodEnd: next.periodEnd } };
  const last = byDue.filter((p) => p.dueDate < today).at(-1);
  return last ? { kind: "passed", date: last.dueDate, period: { kind: last.kind, periodEnd: last.periodEnd } } : { kind: "none" };
}
