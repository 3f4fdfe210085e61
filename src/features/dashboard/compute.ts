import { daysBetween } from "@/lib/due";
import { closedOn, combinedStatus, DEFAULT_PROGRESS_THRESHOLDS, measureProgress, reportsForMeasure, thresholdsOn, type Light, type ProgressState, type Status } from "@/lib/status";
import { periodLabel } from "@/lib/periods";
import { departmentPeriodStatus, owedOn, progressFacts, reportOn, type PeriodHistory, type ProgressInput } from "./history";

/** A measure of the plan (not withdrawn) with its departments, whether or not it has reporting periods yet. */
export interface PlanMeasure {
  measureId: string;
  keyTaskNumber: number;
  measureNumber: number;
  departments: { departmentId: string; isLead: boolean; isJointLead?: boolean }[];
}

export interface DashboardInput {
  histories: PeriodHistory[];
  /**
   * Every measure of the plan that is not withdrawn. A measure without periods (its deadline 待确认, or a
   * schedule of "none" with no checkpoints) owes nothing yet but is still one of the plan's measures: the
   * overview counts it, 未开始. Absent: the measures are those the periods name.
   */
  measures?: PlanMeasure[];
  /** What the 进度 light is computed from; absent: no measure is rated for progress. */
  progress?: ProgressInput;
  departments: { id: string; shortName: string }[];
  tasks: { number: number; title: string }[];
}

export interface DepartmentRow {
  id: string;
  shortName: string;
  led: number;
  supported: number;
  dueSoFar: number;
  onTime: number;
  onTimePct: number | null;
  overdue: number;
  returned: number;
  avgReviewHours: number | null;
}

export interface OverdueItem {
  periodId: string;
  measureId: string;
  number: string;
  period: string;
  dueDate: string;
  daysOverdue: number;
  departmentId: string;
  isLead: boolean;
  /** A joint lead's (共同牵头) part: counts like the lead's. */
  isJointLead: boolean;
}

/** The calendar quarter of a day, as "2023-Q2". */
export const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

/** Whether a period counts in the departments × quarters heat map on `asOf`: a quarter's period that has begun. */
export const inHeatMap = (h: Pick<PeriodHistory, "kind" | "periodStart">, asOf: string): boolean => h.kind === "QUARTER" && h.periodStart <= asOf;

type Assignment = PeriodHistory["departments"][number];

/**
 * One department's part of one period as it stood on `asOf`. Every figure of
 * the overview counts these flags, and the lists behind the figures
 * (src/features/dashboard/drill.ts) filter on the same flags, so a figure and
 * its list cannot disagree.
 */
export interface AssignmentFacts {
  status: Status;
  light: Light;
  /** The due date in force on `asOf`. */
  dueDate: string;
  /** The report's state on `asOf` (null: nothing submitted yet). */
  reportState: "SUBMITTED" | "RETURNED" | "ACCEPTED" | null;
  /** Accepted, on time or late. */
  done: boolean;
  /** Due before `asOf`, or already done: counted in the on-time rate and in a key task's progress. */
  counted: boolean;
  /** Accepted, and the accepted version was submitted by the due date. */
  onTime: boolean;
  /** Past due without an accepted report. */
  overdue: boolean;
  /** Returned for revision and not resubmitted. */
  returned: boolean;
  /** Still owed on `asOf` (or already done): not once the measure is closed, nor an off-year quarter of a 常态化 measure. */
  owed: boolean;
}

export function assignmentFacts(h: PeriodHistory, d: Assignment, asOf: string, windowDays?: number): AssignmentFacts {
  const s = departmentPeriodStatus(h, d.departmentId, asOf, windowDays);
  const reportState = reportOn(d.events, asOf).state;
  const done = s.status === "COMPLETED" || s.status === "COMPLETED_LATE";
  if (!done && !owedOn(h, asOf)) {
    return { status: "WAIVED", light: "GREEN", dueDate: s.dueDate, reportState, done, counted: false, onTime: false, overdue: false, returned: false, owed: false };
  }
  return {
    owed: true,
    ...s,
    reportState,
    done,
    counted: s.dueDate < asOf || done,
    onTime: s.status === "COMPLETED",
    overdue: s.status === "OVERDUE",
    returned: reportState === "RETURNED",
  };
}

/** One submission and the review that decided it. `at` values are epoch milliseconds. */
export interface ReviewCycle {
  submittedAt: number;
  decidedAt: number;
  outcome: "RETURNED" | "ACCEPTED";
  hours: number;
}

/** A report's submissions (days) and decided reviews up to `asOf`, oldest first. */
export function reviewCycles(events: Assignment["events"], asOf: string): { submittedOn: string[]; reviews: ReviewCycle[] } {
  const submittedOn: string[] = [];
  const reviews: ReviewCycle[] = [];
  let submittedAt: number | null = null;
  for (const e of events) {
    if (e.on > asOf) break;
    if (e.event === "SUBMITTED") {
      submittedAt = e.at;
      submittedOn.push(e.on);
    } else if (submittedAt !== null && e.backfilled) {
      // 补录: the day of the acceptance is known, not how long the review took; it counts in no review time.
      submittedAt = null;
    } else if (submittedAt !== null) {
      reviews.push({ submittedAt, decidedAt: e.at, outcome: e.event, hours: (e.at - submittedAt) / 3_600_000 });
      submittedAt = null;
    }
  }
  return { submittedOn, reviews };
}

export interface MeasureAssignment {
  measureId: string;
  keyTaskNumber: number;
  measureNumber: number;
  departmentId: string;
  isLead: boolean;
}

/** Each measure's departments as the overview counts them: once per measure and department, from the plan's measures and their periods. */
export function measureAssignments(input: Pick<DashboardInput, "histories" | "measures">): MeasureAssignment[] {
  const seen = new Set<string>();
  const out: MeasureAssignment[] = [];
  for (const h of [...(input.measures ?? []), ...input.histories]) {
    for (const d of h.departments) {
      const key = `${h.measureId}:${d.departmentId}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ measureId: h.measureId, keyTaskNumber: h.keyTaskNumber, measureNumber: h.measureNumber, departmentId: d.departmentId, isLead: d.isLead });
    }
  }
  return out;
}

/** A share as a percentage with one decimal, or null when nothing counts. */
export const percent = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 10 : null);

/** The mean of some durations in hours with one decimal, or null when there are none. */
export const averageHours = (hours: number[]): number | null => (hours.length ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 100) / 100 : null);

/** A duration in the unit a reader takes in at a glance: minutes under an hour, hours under two days, else days. */
export function durationParts(hours: number): { unit: "Minutes" | "Hours" | "Days"; value: number } {
  if (hours < 1) return { unit: "Minutes", value: Math.max(1, Math.round(hours * 60)) };
  if (hours < 48) return { unit: "Hours", value: Math.round(hours * 10) / 10 };
  return { unit: "Days", value: Math.round((hours / 24) * 10) / 10 };
}

/** A measure's 进度 on `asOf`: its state, light, points behind and the day it was closed (已销号), if it was. */
export interface MeasureProgressOn {
  state: ProgressState;
  light: Light;
  behind: number | null;
  closedOn: string | null;
}

/** Each measure's 进度 light on `asOf`, by the one rule (src/lib/status.ts measureProgress) and the plan's thresholds. */
export function measureProgressOn(input: DashboardInput, asOf: string): Map<string, MeasureProgressOn> {
  const out = new Map<string, MeasureProgressOn>();
  if (!input.progress) return out;
  const periods = new Map<string, PeriodHistory[]>();
  for (const h of input.histories) {
    const list = periods.get(h.measureId);
    if (list) list.push(h);
    else periods.set(h.measureId, [h]);
  }
  // The thresholds in force on the day asked about (decision 032), not today's.
  const thresholds = thresholdsOn(input.progress.thresholdHistory ?? [], asOf, input.progress.thresholds);
  for (const m of input.progress.measures) {
    const p = measureProgress(progressFacts(m, periods.get(m.measureId) ?? [], input.progress, asOf), asOf, thresholds);
    out.set(m.measureId, { ...p, closedOn: closedOn(m.owing.closures, asOf) });
  }
  return out;
}

/**
 * Every figure of the leader overview as it stood on `asOf`, from the stored
 * history alone, with the one status definition of src/lib/status.ts.
 */
export function computeDashboard(input: DashboardInput, asOf: string, windowDays?: number) {
  const measureStatuses = new Map<string, { status: Status; light: Light; periodStart: string }[]>();
  const measureTask = new Map<string, number>();
  const measureNumber = new Map<string, number>();
  const overdue: OverdueItem[] = [];
  const deptRows = new Map<string, DepartmentRow>(
    input.departments.map((d) => [d.id, { id: d.id, shortName: d.shortName, led: 0, supported: 0, dueSoFar: 0, onTime: 0, onTimePct: null, overdue: 0, returned: 0, avgReviewHours: null }]),
  );
  const reviewHours = new Map<string, number[]>();
  const submissionsByQuarter = new Map<string, number>();
  const heat = new Map<string, { due: number; done: number }>();
  const taskPeriods = new Map<number, { due: number; done: number }>();

  for (const a of measureAssignments(input)) {
    const row = deptRows.get(a.departmentId);
    if (!row) continue;
    if (a.isLead) row.led++;
    else row.supported++;
  }

  // Every measure a department reports for counts, with or without periods: one that owes nothing yet is 未开始.
  for (const m of input.measures ?? []) {
    if (!m.departments.some(reportsForMeasure)) continue;
    measureTask.set(m.measureId, m.keyTaskNumber);
    measureNumber.set(m.measureId, m.measureNumber);
    measureStatuses.set(m.measureId, []);
  }

  for (const h of input.histories) {
    measureTask.set(h.measureId, h.keyTaskNumber);
    measureNumber.set(h.measureId, h.measureNumber);
    for (const d of h.departments) {
      const row = deptRows.get(d.departmentId);
      if (!row) continue;
      const s = assignmentFacts(h, d, asOf, windowDays);
      if (reportsForMeasure(d)) {
        const list = measureStatuses.get(h.measureId) ?? [];
        list.push({ status: s.status, light: s.light, periodStart: h.periodStart });
        measureStatuses.set(h.measureId, list);
      }
      if (s.counted) {
        row.dueSoFar++;
        if (s.onTime) row.onTime++;
        if (reportsForMeasure(d)) {
          const tp = taskPeriods.get(h.keyTaskNumber) ?? { due: 0, done: 0 };
          tp.due++;
          if (s.done) tp.done++;
          taskPeriods.set(h.keyTaskNumber, tp);
        }
      }
      if (s.overdue) {
        row.overdue++;
        overdue.push({
          periodId: h.periodId,
          measureId: h.measureId,
          number: `${h.keyTaskNumber}.${h.measureNumber}`,
          period: periodLabel({ kind: h.kind, periodEnd: h.periodEnd }),
          dueDate: s.dueDate,
          daysOverdue: daysBetween(s.dueDate, asOf),
          departmentId: d.departmentId,
          isLead: d.isLead,
          isJointLead: d.isJointLead === true,
        });
      }
      if (s.returned) row.returned++;
      const cycles = reviewCycles(d.events, asOf);
      for (const on of cycles.submittedOn) {
        const q = quarterOf(on);
        submissionsByQuarter.set(q, (submissionsByQuarter.get(q) ?? 0) + 1);
      }
      if (cycles.reviews.length) {
        const list = reviewHours.get(d.departmentId) ?? [];
        for (const r of cycles.reviews) list.push(r.hours);
        reviewHours.set(d.departmentId, list);
      }
      // A quarter counts once its reports were due (or done): a quarter still in its reporting window is blank, not 0.
      if (s.owed && s.counted && inHeatMap(h, asOf)) {
        const cell = `${d.departmentId}:${quarterOf(h.periodEnd)}`;
        const c = heat.get(cell) ?? { due: 0, done: 0 };
        c.due++;
        if (s.done) c.done++;
        heat.set(cell, c);
      }
    }
  }

  for (const row of deptRows.values()) {
    row.onTimePct = percent(row.onTime, row.dueSoFar);
    row.avgReviewHours = averageHours(reviewHours.get(row.id) ?? []);
  }

  const progress = measureProgressOn(input, asOf);
  const measures = [...measureStatuses.entries()].map(([measureId, list]) => ({
    measureId,
    keyTaskNumber: measureTask.get(measureId)!,
    measureNumber: measureNumber.get(measureId)!,
    ...combinedStatus(list, asOf),
    progress: progress.get(measureId) ?? null,
  }));
  const byStatus = {} as Record<Status, number>;
  const byLight = { GREEN: 0, YELLOW: 0, RED: 0 } as Record<Light, number>;
  const byProgressLight = { GREEN: 0, YELLOW: 0, RED: 0 } as Record<Light, number>;
  const byProgress = {} as Record<ProgressState, number>;
  for (const m of measures) {
    byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
    byLight[m.light]++;
    if (m.progress) {
      byProgressLight[m.progress.light]++;
      byProgress[m.progress.state] = (byProgress[m.progress.state] ?? 0) + 1;
    }
  }
  const tasks = input.tasks.map((t) => {
    const ms = measures.filter((m) => m.keyTaskNumber === t.number);
    const tp = taskPeriods.get(t.number) ?? { due: 0, done: 0 };
    return {
      ...t,
      measures: ms.length,
      red: ms.filter((m) => m.light === "RED").length,
      yellow: ms.filter((m) => m.light === "YELLOW").length,
      green: ms.filter((m) => m.light === "GREEN").length,
      progressRed: ms.filter((m) => m.progress?.light === "RED").length,
      progressYellow: ms.filter((m) => m.progress?.light === "YELLOW").length,
      progressGreen: ms.filter((m) => m.progress?.light === "GREEN").length,
      periodsDue: tp.due,
      periodsDone: tp.done,
      progressPct: percent(tp.done, tp.due),
    };
  });
  const quarters = [...new Set(input.histories.filter((h) => h.kind === "QUARTER").map((h) => quarterOf(h.periodEnd)))].sort();
  return {
    asOf,
    measureCount: measures.length,
    byStatus,
    byLight,
    byProgress,
    byProgressLight,
    progressThresholds: input.progress ? thresholdsOn(input.progress.thresholdHistory ?? [], asOf, input.progress.thresholds) : DEFAULT_PROGRESS_THRESHOLDS,
    measures,
    tasks,
    departments: [...deptRows.values()],
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number, undefined, { numeric: true })),
    // Every quarter with a period or a submission: reports on a plan's last periods are submitted after its last quarter ends.
    submissions: [...new Set([...quarters, ...submissionsByQuarter.keys()])]
      .sort()
      .filter((q) => q <= quarterOf(asOf))
      .map((q) => ({ quarter: q, count: submissionsByQuarter.get(q) ?? 0 })),
    heatmap: {
      quarters: quarters.filter((q) => q <= quarterOf(asOf)),
      cells: Object.fromEntries([...heat.entries()].map(([k, v]) => [k, v.due ? Math.round((v.done / v.due) * 100) : null])),
    },
  };
}

export type Dashboard = ReturnType<typeof computeDashboard>;
