import { daysBetween } from "@/lib/due";
import { closedOn, combinedStatus, DEFAULT_PROGRESS_THRESHOLDS, measureProgress, reportsForMeasure, thresholdsOn, type Light, type ProgressState, type Status } from "@/lib/status";
import { periodLabel } from "@/lib/periods";
import { departmentPeriodStatus, owedOn, progressFacts, reportOn, type MeasureProgressHistory, type PeriodHistory, type ProgressInput } from "./history";

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

/** Measure numbers in numeric order ("2.10" after "2.9"): one collator for every comparison, not one per call. */
const byNumber = new Intl.Collator(undefined, { numeric: true });

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

/** The plan's periods grouped by measure, in the order the overview lists measures, with each measure's 进度 history. */
export interface MeasureGroups {
  /** Measure ids: the plan's measures in their order, then any measure only the periods name. */
  order: string[];
  periods: Map<string, PeriodHistory[]>;
  meta: Map<string, { keyTaskNumber: number; measureNumber: number; departments: PlanMeasure["departments"] | null }>;
  progress: Map<string, MeasureProgressHistory>;
  /** Per department, how many measures it leads and supports (`measureAssignments`): the structure's, the same every day. */
  roles: Map<string, { led: number; supported: number }>;
  /** Every calendar quarter a quarterly period ends in, in order. */
  quarters: string[];
}

/**
 * The groups of a history in which only the `changed` measures' periods and 进度 histories were read
 * again (`fresh` holds those alone; decision 034): the other measures' groups, the order and the
 * structure's counts are the old ones, unchanged — the structure did not change, or the whole history
 * would have been read. Costs what changed, not the plan's twenty thousand periods.
 */
export function groupsWithMeasuresReplaced(old: MeasureGroups, fresh: DashboardInput, changed: Set<string>): MeasureGroups {
  const periods = new Map(old.periods);
  for (const id of changed) periods.delete(id);
  for (const h of fresh.histories) {
    if (!changed.has(h.measureId)) continue;
    const list = periods.get(h.measureId);
    if (list) list.push(h);
    else periods.set(h.measureId, [h]);
  }
  const progress = new Map(old.progress);
  for (const m of fresh.progress?.measures ?? []) if (changed.has(m.measureId)) progress.set(m.measureId, m);
  return { ...old, periods, progress };
}

export function groupByMeasure(input: DashboardInput): MeasureGroups {
  const order: string[] = [];
  const periods = new Map<string, PeriodHistory[]>();
  const meta: MeasureGroups["meta"] = new Map();
  for (const m of input.measures ?? []) {
    if (meta.has(m.measureId)) continue;
    meta.set(m.measureId, { keyTaskNumber: m.keyTaskNumber, measureNumber: m.measureNumber, departments: m.departments });
    order.push(m.measureId);
  }
  for (const h of input.histories) {
    const list = periods.get(h.measureId);
    if (list) list.push(h);
    else periods.set(h.measureId, [h]);
    if (!meta.has(h.measureId)) {
      meta.set(h.measureId, { keyTaskNumber: h.keyTaskNumber, measureNumber: h.measureNumber, departments: null });
      order.push(h.measureId);
    }
  }
  const roles = new Map<string, { led: number; supported: number }>();
  for (const a of measureAssignments(input)) {
    const r = roles.get(a.departmentId) ?? { led: 0, supported: 0 };
    if (a.isLead) r.led++;
    else r.supported++;
    roles.set(a.departmentId, r);
  }
  const quarters = [...new Set(input.histories.filter((h) => h.kind === "QUARTER").map((h) => quarterOf(h.periodEnd)))].sort();
  return { order, periods, meta, progress: new Map((input.progress?.measures ?? []).map((m) => [m.measureId, m])), roles, quarters };
}

/** A measure's 进度 on `asOf`: its state, light, points behind and the day it was closed (已销号), if it was. */
export interface MeasureProgressOn {
  state: ProgressState;
  light: Light;
  behind: number | null;
  closedOn: string | null;
}

/** One measure's 进度 light on `asOf`, by the one rule (src/lib/status.ts measureProgress) and the plan's thresholds; null when not rated. */
function progressOf(input: DashboardInput, groups: MeasureGroups, measureId: string, asOf: string): MeasureProgressOn | null {
  const m = groups.progress.get(measureId);
  if (!input.progress || !m) return null;
  // The thresholds in force on the day asked about (decision 032), not today's.
  const thresholds = thresholdsOn(input.progress.thresholdHistory ?? [], asOf, input.progress.thresholds);
  const p = measureProgress(progressFacts(m, groups.periods.get(measureId) ?? [], input.progress, asOf), asOf, thresholds);
  return { ...p, closedOn: closedOn(m.owing.closures, asOf) };
}

/** Each measure's 进度 light on `asOf`, by the one rule (src/lib/status.ts measureProgress) and the plan's thresholds. */
export function measureProgressOn(input: DashboardInput, asOf: string): Map<string, MeasureProgressOn> {
  const out = new Map<string, MeasureProgressOn>();
  const groups = groupByMeasure(input);
  for (const m of input.progress?.measures ?? []) {
    const p = progressOf(input, groups, m.measureId, asOf);
    if (p) out.set(m.measureId, p);
  }
  return out;
}

/** One department's counts within one measure's share of the overview. */
interface DepartmentPart {
  dueSoFar: number;
  onTime: number;
  overdue: number;
  returned: number;
  reviewHours: number[];
}

/**
 * One measure's share of every figure of the overview on `asOf`: what its periods add to each
 * department's row, its key task's progress, the overdue list, the submissions per quarter and the
 * heat map, and its own two lights. The overview is the sum of its measures' shares
 * (`assembleDashboard`), so a change to one measure's reports is recomputed by recomputing that
 * measure's share alone (src/features/dashboard/cached.ts).
 */
export interface MeasurePart {
  measureId: string;
  keyTaskNumber: number;
  measureNumber: number;
  /** The 报送 statuses of the periods whose reports move its light; null: no department reports for it (not rated). */
  statuses: { status: Status; light: Light; periodStart: string }[] | null;
  progress: MeasureProgressOn | null;
  departments: Map<string, DepartmentPart>;
  taskDue: number;
  taskDone: number;
  overdue: OverdueItem[];
  submissions: Map<string, number>;
  heat: Map<string, { due: number; done: number }>;
}

export function measurePart(input: DashboardInput, groups: MeasureGroups, measureId: string, asOf: string, windowDays?: number): MeasurePart {
  const meta = groups.meta.get(measureId)!;
  const part: MeasurePart = {
    measureId,
    keyTaskNumber: meta.keyTaskNumber,
    measureNumber: meta.measureNumber,
    // Every measure a department reports for counts, with or without periods: one that owes nothing yet is 未开始.
    statuses: meta.departments?.some(reportsForMeasure) ? [] : null,
    progress: progressOf(input, groups, measureId, asOf),
    departments: new Map(),
    taskDue: 0,
    taskDone: 0,
    overdue: [],
    submissions: new Map(),
    heat: new Map(),
  };
  const known = new Set(input.departments.map((d) => d.id));
  for (const h of groups.periods.get(measureId) ?? []) {
    for (const d of h.departments) {
      if (!known.has(d.departmentId)) continue;
      let row = part.departments.get(d.departmentId);
      if (!row) part.departments.set(d.departmentId, (row = { dueSoFar: 0, onTime: 0, overdue: 0, returned: 0, reviewHours: [] }));
      const s = assignmentFacts(h, d, asOf, windowDays);
      if (reportsForMeasure(d)) (part.statuses ??= []).push({ status: s.status, light: s.light, periodStart: h.periodStart });
      if (s.counted) {
        row.dueSoFar++;
        if (s.onTime) row.onTime++;
        if (reportsForMeasure(d)) {
          part.taskDue++;
          if (s.done) part.taskDone++;
        }
      }
      if (s.overdue) {
        row.overdue++;
        part.overdue.push({
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
        part.submissions.set(q, (part.submissions.get(q) ?? 0) + 1);
      }
      for (const r of cycles.reviews) row.reviewHours.push(r.hours);
      // A quarter counts once its reports were due (or done): a quarter still in its reporting window is blank, not 0.
      if (s.owed && s.counted && inHeatMap(h, asOf)) {
        const cell = `${d.departmentId}:${quarterOf(h.periodEnd)}`;
        const c = part.heat.get(cell) ?? { due: 0, done: 0 };
        c.due++;
        if (s.done) c.done++;
        part.heat.set(cell, c);
      }
    }
  }
  return part;
}

/**
 * Every figure of the leader overview as it stood on `asOf`, from the stored
 * history alone, with the one status definition of src/lib/status.ts.
 */
export function computeDashboard(input: DashboardInput, asOf: string, windowDays?: number) {
  const groups = groupByMeasure(input);
  return assembleDashboard(
    input,
    groups,
    asOf,
    groups.order.map((id) => measurePart(input, groups, id, asOf, windowDays)),
  );
}

/** The overview on `asOf` as the sum of its measures' shares (`measurePart`, one per measure of `groups.order`, in that order). */
export function assembleDashboard(input: DashboardInput, groups: MeasureGroups, asOf: string, parts: MeasurePart[]) {
  const deptRows = new Map<string, DepartmentRow>(
    input.departments.map((d) => [d.id, { id: d.id, shortName: d.shortName, led: 0, supported: 0, dueSoFar: 0, onTime: 0, onTimePct: null, overdue: 0, returned: 0, avgReviewHours: null }]),
  );
  for (const [departmentId, r] of groups.roles) {
    const row = deptRows.get(departmentId);
    if (!row) continue;
    row.led = r.led;
    row.supported = r.supported;
  }
  const reviewHours = new Map<string, number[]>();
  const submissionsByQuarter = new Map<string, number>();
  const heat = new Map<string, { due: number; done: number }>();
  const taskPeriods = new Map<number, { due: number; done: number }>();
  const overdue: OverdueItem[] = [];
  const measures: (ReturnType<typeof combinedStatus> & { measureId: string; keyTaskNumber: number; measureNumber: number; progress: MeasureProgressOn | null })[] = [];
  for (const part of parts) {
    for (const [departmentId, p] of part.departments) {
      const row = deptRows.get(departmentId)!;
      row.dueSoFar += p.dueSoFar;
      row.onTime += p.onTime;
      row.overdue += p.overdue;
      row.returned += p.returned;
      if (p.reviewHours.length) {
        const list = reviewHours.get(departmentId);
        if (list) list.push(...p.reviewHours);
        else reviewHours.set(departmentId, [...p.reviewHours]);
      }
    }
    if (part.taskDue) {
      const tp = taskPeriods.get(part.keyTaskNumber) ?? { due: 0, done: 0 };
      tp.due += part.taskDue;
      tp.done += part.taskDone;
      taskPeriods.set(part.keyTaskNumber, tp);
    }
    overdue.push(...part.overdue);
    for (const [q, n] of part.submissions) submissionsByQuarter.set(q, (submissionsByQuarter.get(q) ?? 0) + n);
    for (const [cell, c] of part.heat) {
      const sum = heat.get(cell) ?? { due: 0, done: 0 };
      sum.due += c.due;
      sum.done += c.done;
      heat.set(cell, sum);
    }
    if (part.statuses) {
      measures.push({ measureId: part.measureId, keyTaskNumber: part.keyTaskNumber, measureNumber: part.measureNumber, ...combinedStatus(part.statuses, asOf), progress: part.progress });
    }
  }

  for (const row of deptRows.values()) {
    row.onTimePct = percent(row.onTime, row.dueSoFar);
    row.avgReviewHours = averageHours(reviewHours.get(row.id) ?? []);
  }

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
  const quarters = groups.quarters;
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
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || byNumber.compare(a.number, b.number)),
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
