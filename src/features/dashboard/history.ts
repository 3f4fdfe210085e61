import { departmentDueDay } from "@/lib/due";
import { closedOn, periodOwed, periodStatus, type Light, type ProgressFacts, type ProgressRating, type ProgressThresholds, type Status, type ThresholdsFrom } from "@/lib/status";

/** Everything stored about one period that the dashboard needs to replay its history. */
export interface PeriodHistory {
  periodId: string;
  measureId: string;
  keyTaskNumber: number;
  measureNumber: number;
  kind: "QUARTER" | "MILESTONE";
  periodStart: string;
  periodEnd: string;
  originalDueDate: string;
  /** Changes of the period's due date, in the order they took effect: administrators' edits. */
  dueChanges: { on: string; dueDate: string }[];
  /**
   * Per department carrying the measure: its report's review events, oldest first, and its own
   * due dates from approved extensions, in the order they were approved (none: the period's).
   */
  departments: {
    departmentId: string;
    isLead: boolean;
    /** 共同牵头: its report counts like the lead's (src/lib/status.ts reportsForMeasure). */
    isJointLead?: boolean;
    /** `backfilled`: a review entered afterwards (补录) with its day but no real time of day; it has no review time. */
    events: { on: string; at: number; event: "SUBMITTED" | "RETURNED" | "ACCEPTED"; backfilled?: boolean }[];
    dueChanges?: { on: string; dueDate: string }[];
  }[];
  /** The measure's closures (办结销号) and 常态化 day, shared by its periods; absent: always owed. */
  owing?: MeasureOwing;
}

/** What decides whether a measure's periods are still owed on a day (src/lib/status.ts periodOwed). */
export interface MeasureOwing {
  closures: ProgressFacts["closures"];
  normalizedOn: string | null;
}

/** Whether a period is owed on `asOf`: not once its measure is closed, nor a non-year-end quarter of a 常态化 measure. */
export function owedOn(h: Pick<PeriodHistory, "kind" | "periodEnd" | "owing">, asOf: string): boolean {
  if (!h.owing) return true;
  return periodOwed(h, { closedOn: closedOn(h.owing.closures, asOf), normalizedOn: h.owing.normalizedOn }, asOf);
}

/** Everything stored about one measure that its 进度 light is replayed from. */
export interface MeasureProgressHistory {
  measureId: string;
  spanStart: string;
  spanEnd: string;
  indicators: { id: string; comparison: "GTE" | "LTE" | "EQ"; target: number; period: "YEAR" | "PLAN" | "CYCLE" }[];
  /** The lead department's submissions, oldest first: the day, the period, its rating and indicator values. */
  submissions: { on: string; periodId: string; rating: ProgressRating | null; values: Record<string, number> }[];
  owing: MeasureOwing;
}

/** What the 进度 light of a plan's measures is computed from, with the plan's thresholds. */
export interface ProgressInput {
  /** The plan's current thresholds. */
  thresholds: ProgressThresholds;
  /** The thresholds as history (decision 032): the replay of a day uses those in force that day (`thresholdsOn`). */
  thresholdHistory?: ThresholdsFrom[];
  planStart: string;
  planEnd: string;
  measures: MeasureProgressHistory[];
}

/**
 * The dated facts of one measure's progress (src/lib/status.ts measureProgress) from its stored
 * history: a deadline is met on the day the lead department's report for it, rated 已完成, was accepted.
 */
export function progressFacts(m: MeasureProgressHistory, periods: PeriodHistory[], input: Pick<ProgressInput, "planStart" | "planEnd">, asOf: string): ProgressFacts {
  const ratingOf = new Map<string, { on: string; rating: ProgressRating | null }[]>();
  for (const s of m.submissions) ratingOf.set(s.periodId, [...(ratingOf.get(s.periodId) ?? []), s]);
  const milestones: ProgressFacts["milestones"] = [];
  const reviews: ProgressFacts["reviews"] = [];
  for (const h of periods) {
    const lead = h.departments.find((d) => d.isLead);
    const events = lead?.events ?? [];
    for (const e of events) if (e.event !== "SUBMITTED") reviews.push({ on: e.on, outcome: e.event });
    if (h.kind !== "MILESTONE") continue;
    let metOn: string | null = null;
    for (const e of events) {
      if (e.event !== "ACCEPTED") continue;
      const rated = (ratingOf.get(h.periodId) ?? []).filter((r) => r.on <= e.on).at(-1);
      if (rated?.rating === "COMPLETED") {
        metOn = e.on;
        break;
      }
    }
    milestones.push({ dueDate: dueDateOn(h, asOf, lead?.departmentId), metOn });
  }
  reviews.sort((a, b) => a.on.localeCompare(b.on));
  return {
    spanStart: m.spanStart,
    spanEnd: m.spanEnd,
    planStart: input.planStart,
    planEnd: input.planEnd,
    milestones,
    indicators: m.indicators.map((i) => ({
      ...i,
      values: m.submissions.filter((s) => i.id in s.values).map((s) => ({ on: s.on, value: s.values[i.id] })),
    })),
    ratings: m.submissions.map((s) => ({ on: s.on, rating: s.rating })),
    reviews,
    closures: m.owing.closures,
  };
}

/** The last of `changes` in force on `asOf`. */
function lastOn(changes: { on: string; dueDate: string }[] | undefined, asOf: string): string | null {
  let due: string | null = null;
  for (const c of changes ?? []) if (c.on <= asOf) due = c.dueDate;
  return due;
}

/**
 * The due date in force on `asOf`: the period's, or, given a department, that department's
 * (its own approved extension, when later: src/lib/due.ts departmentDueDay).
 */
export function dueDateOn(h: Pick<PeriodHistory, "originalDueDate" | "dueChanges" | "departments">, asOf: string, departmentId?: string): string {
  const periodDue = lastOn(h.dueChanges, asOf) ?? h.originalDueDate;
  if (!departmentId) return periodDue;
  return departmentDueDay(periodDue, lastOn(h.departments.find((d) => d.departmentId === departmentId)?.dueChanges, asOf));
}

/** A department's report state on `asOf`, and the day its accepted version was submitted. */
export function reportOn(events: PeriodHistory["departments"][number]["events"], asOf: string) {
  let state: "SUBMITTED" | "RETURNED" | "ACCEPTED" | null = null;
  let lastSubmitted: string | null = null;
  let acceptedSubmittedOn: string | null = null;
  for (const e of events) {
    if (e.on > asOf) break;
    state = e.event;
    if (e.event === "SUBMITTED") lastSubmitted = e.on;
    if (e.event === "ACCEPTED") acceptedSubmittedOn = lastSubmitted;
  }
  return { state, acceptedSubmittedOn };
}

/** Status of one department's part of a period on `asOf` (the lead's part is the measure's). */
export function departmentPeriodStatus(h: PeriodHistory, departmentId: string, asOf: string, windowDays?: number): { status: Status; light: Light; dueDate: string } {
  const dueDate = dueDateOn(h, asOf, departmentId);
  const events = h.departments.find((d) => d.departmentId === departmentId)?.events ?? [];
  const report = reportOn(events, asOf);
  return { ...periodStatus({ periodStart: h.periodStart, dueDate, reportState: report.state, acceptedSubmittedOn: report.acceptedSubmittedOn }, asOf, windowDays), dueDate };
}
