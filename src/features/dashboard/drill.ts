/**
 * The lists behind the figures of the leader overview, and a key task's
 * timeline. Pure: everything here filters the same stored history with the
 * same functions `computeDashboard` counts with (`assignmentFacts`,
 * `reviewCycles`, `measureAssignments`, and the measures' combined status it
 * returns), so a list has exactly as many rows as the figure it comes from.
 */
import { z } from "zod";
import { planHref, type PlanRef } from "@/lib/plan-urls";
import { daysBetween } from "@/lib/due";
import { idInput } from "@/lib/input";
import { reportsForMeasure, type Light, type Status } from "@/lib/status";
import { assignmentFacts, averageHours, inHeatMap, measureAssignments, percent, quarterOf, reviewCycles, type AssignmentFacts, type Dashboard, type DashboardInput, type MeasureProgressOn } from "./compute";
import { dueDateOn, type PeriodHistory } from "./history";

/**
 * What a list shows:
 * - `measures`: measures (by status, light, key task, or a department's led / supported ones);
 * - `due`: periods due so far (a key task's progress, a department's on-time rate);
 * - `overdue`: periods past due without an accepted report;
 * - `returned`: reports returned for revision and not resubmitted;
 * - `reviews`: submissions and the review that decided them (average review time);
 * - `quarter`: a department's parts of one quarter's periods that have begun (a heat-map cell);
 * - `submitted`: the submissions made in a quarter, by every department (a bar of the chart).
 * Without a department, period lists hold the lead's and the joint leads' parts, that is
 * the measures' own periods; with one, that department's parts.
 */
export const LIST_METRICS = ["measures", "due", "overdue", "returned", "reviews", "quarter", "submitted"] as const;
export type ListMetric = (typeof LIST_METRICS)[number];
export const LIST_STATUSES = ["OVERDUE", "DUE_SOON", "ON_TRACK", "NOT_STARTED", "COMPLETED_LATE", "COMPLETED", "WAIVED"] as const satisfies readonly Status[];
export const LIST_LIGHTS = ["RED", "YELLOW", "GREEN"] as const satisfies readonly Light[];
export const LIST_ROLES = ["lead", "support"] as const;
export type ListRole = (typeof LIST_ROLES)[number];

export interface ListFilter {
  metric: ListMetric;
  /** Measure lists only. */
  status?: Status;
  /** Measure lists only. */
  light?: Light;
  /** Measure lists only: the 进度 light. */
  progress?: Light;
  task?: number;
  dept?: string;
  /** With a department: only the measures (or parts) it leads, or only those it supports. */
  role?: ListRole;
  /** Quarter and submission lists only: "2023-Q2". */
  quarter?: string;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const filterSchema = z.object({
  metric: z.enum(LIST_METRICS).catch("measures"),
  status: z.enum(LIST_STATUSES).optional().catch(undefined),
  light: z.enum(LIST_LIGHTS).optional().catch(undefined),
  progress: z.enum(LIST_LIGHTS).optional().catch(undefined),
  task: z.coerce.number().int().min(1).max(999).optional().catch(undefined),
  dept: idInput().optional().catch(undefined),
  role: z.enum(LIST_ROLES).optional().catch(undefined),
  quarter: z
    .string()
    .regex(/^\d{4}-Q[1-4]$/)
    .optional()
    .catch(undefined),
});

/** The filter from the URL; anything malformed is dropped rather than refused. */
export function parseListFilter(raw: Record<string, string | string[] | undefined>): ListFilter {
  const parsed = filterSchema.parse({
    metric: first(raw.metric),
    status: first(raw.status) || undefined,
    light: first(raw.light) || undefined,
    progress: first(raw.progress) || undefined,
    task: first(raw.task) || undefined,
    dept: first(raw.dept) || undefined,
    role: first(raw.role) || undefined,
    quarter: first(raw.quarter) || undefined,
  });
  const filter: ListFilter = { metric: parsed.metric };
  if (parsed.metric === "measures") {
    if (parsed.status) filter.status = parsed.status;
    if (parsed.light) filter.light = parsed.light;
    if (parsed.progress) filter.progress = parsed.progress;
  }
  if (parsed.task !== undefined) filter.task = parsed.task;
  if (parsed.dept) filter.dept = parsed.dept;
  if (parsed.dept && parsed.role) filter.role = parsed.role;
  if ((parsed.metric === "quarter" || parsed.metric === "submitted") && parsed.quarter) filter.quarter = parsed.quarter;
  return filter;
}

/** The address of the list behind a figure of `plan`'s overview, as of the day the figure was shown. */
export function listHref(plan: PlanRef, asOf: string, filter: ListFilter): string {
  const params = new URLSearchParams({ asOf, metric: filter.metric });
  if (filter.status) params.set("status", filter.status);
  if (filter.light) params.set("light", filter.light);
  if (filter.progress) params.set("progress", filter.progress);
  if (filter.task !== undefined) params.set("task", String(filter.task));
  if (filter.dept) params.set("dept", filter.dept);
  if (filter.dept && filter.role) params.set("role", filter.role);
  if (filter.quarter) params.set("quarter", filter.quarter);
  return planHref(plan, "dashboard/list", params);
}

/** Drops a department or key task the plan does not have, as the other filter pages do. */
export function resolveListFilter(filter: ListFilter, d: Pick<Dashboard, "departments" | "tasks">): ListFilter {
  const out = { ...filter };
  if (out.dept && !d.departments.some((x) => x.id === out.dept)) {
    delete out.dept;
    delete out.role;
  }
  if (out.task !== undefined && !d.tasks.some((t) => t.number === out.task)) delete out.task;
  return out;
}

export interface MeasureListRow {
  measureId: string;
  keyTaskNumber: number;
  measureNumber: number;
  /** The measure's combined status and light; null for a measure without a lead department (the overview does not rate it). */
  status: Status | null;
  light: Light | null;
  /** The measure's 进度 light (src/lib/status.ts measureProgress), as the overview has it. */
  progress: MeasureProgressOn | null;
  /** With a department filter: whether that department leads the measure. */
  isLead: boolean | null;
}

const byNumber = (a: { keyTaskNumber: number; measureNumber: number }, b: { keyTaskNumber: number; measureNumber: number }) =>
  a.keyTaskNumber - b.keyTaskNumber || a.measureNumber - b.measureNumber;

/** The measures behind a count by status or light, a key task's light counts, or a department's led / supported counts. */
export function listMeasures(input: DashboardInput, d: Pick<Dashboard, "measures">, filter: ListFilter): MeasureListRow[] {
  const rated = new Map(d.measures.map((m) => [m.measureId, m]));
  const assignments = measureAssignments(input);
  let rows: MeasureListRow[];
  if (filter.dept) {
    rows = assignments
      .filter((a) => a.departmentId === filter.dept && (!filter.role || a.isLead === (filter.role === "lead")))
      .map((a) => ({ ...pick(a), status: rated.get(a.measureId)?.status ?? null, light: rated.get(a.measureId)?.light ?? null, progress: rated.get(a.measureId)?.progress ?? null, isLead: a.isLead }));
  } else {
    const numbers = new Map(assignments.map((a) => [a.measureId, a.measureNumber]));
    rows = d.measures.map((m) => ({ measureId: m.measureId, keyTaskNumber: m.keyTaskNumber, measureNumber: numbers.get(m.measureId) ?? 0, status: m.status, light: m.light, progress: m.progress, isLead: null }));
  }
  return rows
    .filter((r) => (filter.task === undefined || r.keyTaskNumber === filter.task) && (!filter.status || r.status === filter.status) && (!filter.light || r.light === filter.light) && (!filter.progress || r.progress?.light === filter.progress))
    .sort(byNumber);
}

const pick = (a: { measureId: string; keyTaskNumber: number; measureNumber: number }) => ({ measureId: a.measureId, keyTaskNumber: a.keyTaskNumber, measureNumber: a.measureNumber });

export interface PeriodListRow extends PeriodRef {
  facts: AssignmentFacts;
  /** Days past the due date on `asOf` (0 when not yet due). */
  daysOverdue: number;
}

type PeriodMetric = "due" | "overdue" | "returned" | "quarter";

/** Which parts each period list holds: the same tests the overview counts with. */
const METRIC_TEST: Record<PeriodMetric, (f: AssignmentFacts, h: PeriodHistory, asOf: string, filter: ListFilter) => boolean> = {
  due: (f) => f.counted,
  overdue: (f) => f.overdue,
  returned: (f) => f.returned,
  // A heat-map cell: every part of the department (lead or support) in that quarter's begun periods.
  quarter: (f, h, asOf, filter) => f.owed && f.counted && inHeatMap(h, asOf) && quarterOf(h.periodEnd) === filter.quarter,
};

/** The period, measure and department a period, review or submission row is about. */
type PeriodRef = ReturnType<typeof periodRef>;

function periodRef(h: PeriodHistory, a: PeriodHistory["departments"][number]) {
  return {
    periodId: h.periodId,
    measureId: h.measureId,
    keyTaskNumber: h.keyTaskNumber,
    measureNumber: h.measureNumber,
    kind: h.kind,
    periodEnd: h.periodEnd,
    departmentId: a.departmentId,
    isLead: a.isLead,
  };
}

function* parts(input: DashboardInput, filter: ListFilter) {
  for (const h of input.histories) {
    if (filter.task !== undefined && h.keyTaskNumber !== filter.task) continue;
    for (const a of h.departments) {
      if (filter.dept ? a.departmentId !== filter.dept : !reportsForMeasure(a)) continue;
      if (filter.dept && filter.role && a.isLead !== (filter.role === "lead")) continue;
      yield [h, a] as const;
    }
  }
}

/** The periods behind a key task's progress, a department's on-time rate, an overdue count or a returned count. */
export function listPeriods(input: DashboardInput, asOf: string, filter: ListFilter & { metric: PeriodMetric }, windowDays?: number): PeriodListRow[] {
  const test = METRIC_TEST[filter.metric];
  const rows: PeriodListRow[] = [];
  for (const [h, a] of parts(input, filter)) {
    const facts = assignmentFacts(h, a, asOf, windowDays);
    if (!test(facts, h, asOf, filter)) continue;
    rows.push({
      ...periodRef(h, a),
      facts,
      daysOverdue: facts.dueDate < asOf ? daysBetween(facts.dueDate, asOf) : 0,
    });
  }
  return rows.sort((x, y) =>
    filter.metric === "overdue"
      ? y.daysOverdue - x.daysOverdue || byNumber(x, y) || x.facts.dueDate.localeCompare(y.facts.dueDate) || Number(y.isLead) - Number(x.isLead)
      : x.facts.dueDate.localeCompare(y.facts.dueDate) || byNumber(x, y) || Number(y.isLead) - Number(x.isLead),
  );
}

/** How a period list adds up: how many are done and done on time, and the shares the overview shows. */
export function periodSummary(rows: PeriodListRow[]) {
  const done = rows.filter((r) => r.facts.done).length;
  const onTime = rows.filter((r) => r.facts.onTime).length;
  return { count: rows.length, done, onTime, donePct: percent(done, rows.length), onTimePct: percent(onTime, rows.length) };
}

export interface SubmissionListRow extends PeriodRef {
  /** The day of the submission. */
  submittedOn: string;
}

/**
 * The submissions behind a bar of the chart: every department's, each submission (resubmissions
 * too) counted on its day, as the overview counts them; by quarter, department and key task.
 */
export function listSubmissions(input: DashboardInput, asOf: string, filter: ListFilter): SubmissionListRow[] {
  const rows: SubmissionListRow[] = [];
  for (const h of input.histories) {
    if (filter.task !== undefined && h.keyTaskNumber !== filter.task) continue;
    for (const a of h.departments) {
      if (filter.dept && a.departmentId !== filter.dept) continue;
      for (const on of reviewCycles(a.events, asOf).submittedOn) {
        if (!filter.quarter || quarterOf(on) === filter.quarter) rows.push({ ...periodRef(h, a), submittedOn: on });
      }
    }
  }
  return rows.sort((x, y) => y.submittedOn.localeCompare(x.submittedOn) || byNumber(x, y) || Number(y.isLead) - Number(x.isLead));
}

export interface ReviewListRow extends PeriodRef {
  submittedAt: number;
  decidedAt: number;
  outcome: "RETURNED" | "ACCEPTED";
  hours: number;
}

/** The reviews behind a department's average review time: each submission decided by `asOf`, latest decision first. */
export function listReviews(input: DashboardInput, asOf: string, filter: ListFilter): { rows: ReviewListRow[]; averageHours: number | null } {
  const rows: ReviewListRow[] = [];
  for (const [h, a] of parts(input, filter)) {
    for (const r of reviewCycles(a.events, asOf).reviews) {
      rows.push({ ...periodRef(h, a), ...r });
    }
  }
  rows.sort((x, y) => y.decidedAt - x.decidedAt || byNumber(x, y));
  return { rows, averageHours: averageHours(rows.map((r) => r.hours)) };
}

/**
 * The list a URL asks for, as the list page shows it: the filter resolved
 * against the plan, then the rows (and how they add up).
 */
export function listFor(input: DashboardInput, d: Dashboard, asOf: string, requested: ListFilter) {
  const filter = resolveListFilter(requested, d);
  if (filter.metric === "measures") return { filter, metric: "measures" as const, rows: listMeasures(input, d, filter) };
  if (filter.metric === "reviews") return { filter, metric: "reviews" as const, ...listReviews(input, asOf, filter) };
  if (filter.metric === "submitted") return { filter, metric: "submitted" as const, rows: listSubmissions(input, asOf, filter) };
  const rows = listPeriods(input, asOf, { ...filter, metric: filter.metric });
  return { filter, metric: filter.metric, rows, summary: periodSummary(rows) };
}

export interface TimelineCell {
  periodId: string;
  kind: PeriodHistory["kind"];
  periodEnd: string;
  dueDate: string;
  /** Null when the measure has no lead department: nobody owes its report. */
  status: Status | null;
  light: Light | null;
  reportState: AssignmentFacts["reportState"];
}

export interface TimelineColumn {
  key: string;
  kind: PeriodHistory["kind"];
  periodEnd: string;
}

const columnKey = (h: { kind: PeriodHistory["kind"]; periodEnd: string }) => `${h.periodEnd}:${h.kind === "QUARTER" ? 0 : 1}`;

/**
 * A key task's measures, each with its periods in order: the due date in force,
 * the lead department's report state and the period's light on `asOf`; the
 * measure's own status and light are the overview's. Columns are the periods
 * any of the task's measures has (the quarters are shared; a deadline is a
 * column of its own), so a measure without that deadline has an empty cell.
 */
export function taskTimeline(input: DashboardInput, d: Pick<Dashboard, "measures">, taskNumber: number, asOf: string, windowDays?: number) {
  const rated = new Map(d.measures.map((m) => [m.measureId, m]));
  const histories = input.histories.filter((h) => h.keyTaskNumber === taskNumber);
  const columns = new Map<string, TimelineColumn>();
  const measures = new Map<string, { measureId: string; measureNumber: number; cells: Map<string, TimelineCell> }>();
  for (const h of histories) {
    const key = columnKey(h);
    if (!columns.has(key)) columns.set(key, { key, kind: h.kind, periodEnd: h.periodEnd });
    const lead = h.departments.find((a) => a.isLead);
    const facts = lead ? assignmentFacts(h, lead, asOf, windowDays) : null;
    const cell: TimelineCell = {
      periodId: h.periodId,
      kind: h.kind,
      periodEnd: h.periodEnd,
      dueDate: facts?.dueDate ?? dueDateOn(h, asOf),
      status: facts?.status ?? null,
      light: facts?.light ?? null,
      reportState: facts?.reportState ?? null,
    };
    const m = measures.get(h.measureId) ?? { measureId: h.measureId, measureNumber: h.measureNumber, cells: new Map() };
    m.cells.set(key, cell);
    measures.set(h.measureId, m);
  }
  // A measure without periods yet (its deadline 待确认) is still one of the task's measures: a row of empty cells.
  for (const m of input.measures ?? []) {
    if (m.keyTaskNumber === taskNumber && !measures.has(m.measureId)) measures.set(m.measureId, { measureId: m.measureId, measureNumber: m.measureNumber, cells: new Map() });
  }
  const ordered = [...columns.values()].sort((a, b) => a.key.localeCompare(b.key));
  return {
    columns: ordered,
    rows: [...measures.values()]
      .sort((a, b) => a.measureNumber - b.measureNumber)
      .map((m) => ({
        measureId: m.measureId,
        measureNumber: m.measureNumber,
        status: rated.get(m.measureId)?.status ?? null,
        light: rated.get(m.measureId)?.light ?? null,
        progress: rated.get(m.measureId)?.progress ?? null,
        cells: ordered.map((c) => m.cells.get(c.key) ?? null),
      })),
  };
}

export type TaskTimeline = ReturnType<typeof taskTimeline>;
