import { describe, expect, it } from "vitest";
import { computeDashboard, type DashboardInput } from "./compute";
import { LIST_LIGHTS, LIST_STATUSES, listHref, listMeasures, listPeriods, listReviews, listSubmissions, parseListFilter, periodSummary, resolveListFilter, taskTimeline, type ListFilter } from "./drill";
import type { PeriodHistory } from "./history";

type Event = PeriodHistory["departments"][number]["events"][number];
/** An event at 10:00 China time (02:00Z) on `on`. */
const ev = (on: string, event: Event["event"], hourUtc = 2): Event => ({ on, at: Date.parse(`${on}T${String(hourUtc).padStart(2, "0")}:00:00Z`), event });

const q1 = { kind: "QUARTER" as const, periodStart: "2023-01-01", periodEnd: "2023-03-31", originalDueDate: "2023-04-10", dueChanges: [] };
const q2 = { kind: "QUARTER" as const, periodStart: "2023-04-01", periodEnd: "2023-06-30", originalDueDate: "2023-07-10", dueChanges: [] };

type Window = Pick<PeriodHistory, "kind" | "periodStart" | "periodEnd" | "originalDueDate" | "dueChanges">;

function period(id: string, measure: string, task: number, number: number, base: Window, departments: PeriodHistory["departments"]): PeriodHistory {
  return { periodId: id, measureId: measure, keyTaskNumber: task, measureNumber: number, ...base, departments };
}

// Measure 1.1: A leads, B supports. 1.2: B leads (a quarter and a 2023-05-31 deadline). 2.1: A leads. 2.2: B supports, nobody leads.
const input: DashboardInput = {
  departments: [
    { id: "A", shortName: "甲局" },
    { id: "B", shortName: "乙局" },
  ],
  tasks: [
    { number: 1, title: "任务一" },
    { number: 2, title: "任务二" },
  ],
  histories: [
    period("m1q1", "m1", 1, 1, q1, [
      { departmentId: "A", isLead: true, events: [ev("2023-04-05", "SUBMITTED"), ev("2023-04-06", "ACCEPTED")] },
      { departmentId: "B", isLead: false, events: [ev("2023-04-20", "SUBMITTED"), ev("2023-04-21", "RETURNED")] },
    ]),
    period("m1q2", "m1", 1, 1, q2, [
      { departmentId: "A", isLead: true, events: [ev("2023-07-12", "SUBMITTED"), ev("2023-07-14", "RETURNED")] },
      { departmentId: "B", isLead: false, events: [] },
    ]),
    period("m2q1", "m2", 1, 2, q1, [{ departmentId: "B", isLead: true, events: [ev("2023-04-15", "SUBMITTED"), ev("2023-04-16", "ACCEPTED")] }]),
    period("m2d", "m2", 1, 2, { kind: "MILESTONE", periodStart: "2023-01-01", periodEnd: "2023-05-31", originalDueDate: "2023-05-31", dueChanges: [] }, [
      { departmentId: "B", isLead: true, events: [] },
    ]),
    period("m3q1", "m3", 2, 1, q1, [{ departmentId: "A", isLead: true, events: [] }]),
    // Returned a week before its due date: due soon (yellow) until 07-10, overdue after.
    period("m3q2", "m3", 2, 1, q2, [{ departmentId: "A", isLead: true, events: [ev("2023-07-01", "SUBMITTED"), ev("2023-07-03", "RETURNED")] }]),
    period("m4q1", "m4", 2, 2, q1, [{ departmentId: "B", isLead: false, events: [] }]),
  ],
};

const DAYS = ["2023-03-01", "2023-04-08", "2023-04-21", "2023-07-05", "2023-07-20", "2024-01-01"];

describe("the list behind a figure has as many rows as the figure", () => {
  for (const asOf of DAYS) {
    it(`for every figure of the overview as of ${asOf}`, () => {
      const d = computeDashboard(input, asOf);
      const measures = (f: Omit<ListFilter, "metric">) => listMeasures(input, d, { metric: "measures", ...f }).length;
      for (const light of LIST_LIGHTS) expect(measures({ light })).toBe(d.byLight[light]);
      for (const status of LIST_STATUSES) expect(measures({ status })).toBe(d.byStatus[status] ?? 0);
      for (const task of d.tasks) {
        expect(measures({ task: task.number })).toBe(task.measures);
        expect(measures({ task: task.number, light: "RED" })).toBe(task.red);
        expect(measures({ task: task.number, light: "YELLOW" })).toBe(task.yellow);
        expect(measures({ task: task.number, light: "GREEN" })).toBe(task.green);
        const due = listPeriods(input, asOf, { metric: "due", task: task.number });
        expect(due).toHaveLength(task.periodsDue);
        expect(periodSummary(due)).toMatchObject({ done: task.periodsDone, donePct: task.progressPct });
      }
      for (const row of d.departments) {
        expect(measures({ dept: row.id, role: "lead" })).toBe(row.led);
        expect(measures({ dept: row.id, role: "support" })).toBe(row.supported);
        const due = listPeriods(input, asOf, { metric: "due", dept: row.id });
        expect(due).toHaveLength(row.dueSoFar);
        expect(periodSummary(due)).toMatchObject({ onTime: row.onTime, onTimePct: row.onTimePct });
        expect(listPeriods(input, asOf, { metric: "overdue", dept: row.id })).toHaveLength(row.overdue);
        expect(listPeriods(input, asOf, { metric: "returned", dept: row.id })).toHaveLength(row.returned);
        expect(listReviews(input, asOf, { metric: "reviews", dept: row.id }).averageHours).toBe(row.avgReviewHours);
      }
      // Every heat-map cell: its quarter's begun periods of that department, and the share accepted.
      let cells = 0;
      for (const row of d.departments) {
        for (const quarter of d.heatmap.quarters) {
          const rows = listPeriods(input, asOf, { metric: "quarter", dept: row.id, quarter });
          const cell = d.heatmap.cells[`${row.id}:${quarter}`];
          if (cell === undefined) expect(rows).toHaveLength(0);
          else {
            cells++;
            expect(rows.length).toBeGreaterThan(0);
            expect(Math.round((rows.filter((r) => r.facts.done).length / rows.length) * 100)).toBe(cell);
          }
        }
      }
      expect(cells).toBe(Object.keys(d.heatmap.cells).length);
      // Every bar of the submissions chart.
      for (const bar of d.submissions) expect(listSubmissions(input, asOf, { metric: "submitted", quarter: bar.quarter })).toHaveLength(bar.count);
      // Without a department: the measures' own (lead) periods, as the overview's overdue card counts them.
      const overdue = listPeriods(input, asOf, { metric: "overdue" });
      expect(overdue.map((o) => [o.periodId, o.departmentId, o.daysOverdue])).toEqual(d.overdue.filter((o) => o.isLead).map((o) => [o.periodId, o.departmentId, o.daysOverdue]));
    });
  }

  it("matches the figures worked out by hand as of 2023-07-20", () => {
    const asOf = "2023-07-20";
    const d = computeDashboard(input, asOf);
    expect(d.byLight).toEqual({ RED: 3, YELLOW: 0, GREEN: 0 });
    expect(listMeasures(input, d, { metric: "measures", light: "RED" }).map((m) => `${m.keyTaskNumber}.${m.measureNumber}`)).toEqual(["1.1", "1.2", "2.1"]);
    // B supports 1.1 and 2.2; nobody leads 2.2, so the overview gives it no status.
    expect(listMeasures(input, d, { metric: "measures", dept: "B", role: "support" }).map((m) => [m.measureId, m.status, m.isLead])).toEqual([
      ["m1", "OVERDUE", false],
      ["m4", null, false],
    ]);
    expect(listPeriods(input, asOf, { metric: "overdue" }).map((r) => [r.periodId, r.daysOverdue])).toEqual([
      ["m3q1", 101],
      ["m2d", 50],
      ["m1q2", 10],
      ["m3q2", 10],
    ]);
    expect(listPeriods(input, asOf, { metric: "overdue", dept: "B" }).map((r) => r.periodId)).toEqual(["m1q1", "m4q1", "m2d", "m1q2"]);
    expect(listPeriods(input, asOf, { metric: "returned", dept: "A" }).map((r) => [r.periodId, r.facts.status])).toEqual([
      ["m1q2", "OVERDUE"],
      ["m3q2", "OVERDUE"],
    ]);
    const reviews = listReviews(input, asOf, { metric: "reviews", dept: "A" });
    expect(reviews.rows.map((r) => [r.periodId, r.outcome, r.hours])).toEqual([
      ["m1q2", "RETURNED", 48],
      ["m3q2", "RETURNED", 48],
      ["m1q1", "ACCEPTED", 24],
    ]);
    expect(reviews.averageHours).toBe(40);
    expect(d.departments.find((x) => x.id === "A")!.avgReviewHours).toBe(40);
    expect(periodSummary(listPeriods(input, asOf, { metric: "due", task: 1 }))).toEqual({ count: 4, done: 2, onTime: 1, donePct: 50, onTimePct: 25 });
  });

  it("keeps a returned report that is not yet due out of the overdue list (2023-07-05)", () => {
    const d = computeDashboard(input, "2023-07-05");
    expect(listPeriods(input, "2023-07-05", { metric: "returned", dept: "A" }).map((r) => [r.periodId, r.facts.status])).toEqual([["m3q2", "DUE_SOON"]]);
    expect(listPeriods(input, "2023-07-05", { metric: "overdue", dept: "A" }).map((r) => r.periodId)).toEqual(["m3q1"]);
    expect(d.departments.find((x) => x.id === "A")).toMatchObject({ returned: 1, overdue: 1 });
  });

  it("replays an earlier day", () => {
    const d = computeDashboard(input, "2023-04-08");
    expect(listMeasures(input, d, { metric: "measures", light: "YELLOW" }).map((m) => m.measureId)).toEqual(["m2", "m3"]);
    expect(listMeasures(input, d, { metric: "measures", light: "GREEN" }).map((m) => m.measureId)).toEqual(["m1"]);
    expect(listPeriods(input, "2023-04-08", { metric: "overdue" })).toEqual([]);
    expect(listReviews(input, "2023-04-08", { metric: "reviews", dept: "B" }).rows).toEqual([]);
  });
});

describe("the list's filter in the URL", () => {
  it("carries a heat-map cell's quarter, and only for a quarter list", () => {
    const href = listHref({ code: "hs-test" }, "2023-07-20", { metric: "quarter", dept: "A", quarter: "2023-Q2" });
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseListFilter(params)).toEqual({ metric: "quarter", dept: "A", quarter: "2023-Q2" });
    expect(parseListFilter({ metric: "quarter", quarter: "2023-Q5" })).toEqual({ metric: "quarter" });
    expect(parseListFilter({ metric: "due", quarter: "2023-Q2" })).toEqual({ metric: "due" });
  });

  it("round-trips through the address the overview links to", () => {
    const filters: ListFilter[] = [
      { metric: "measures", light: "RED" },
      { metric: "measures", status: "DUE_SOON", task: 3 },
      { metric: "measures", dept: "ckdept1", role: "support" },
      { metric: "due", task: 2 },
      { metric: "overdue", dept: "ckdept1" },
      { metric: "reviews", dept: "ckdept1" },
    ];
    for (const f of filters) {
      const href = listHref({ code: "hs-test" }, "2023-07-20", f);
      expect(href.startsWith("/plans/hs-test/dashboard/list?asOf=2023-07-20&metric=")).toBe(true);
      const params = Object.fromEntries(new URL(href, "http://x").searchParams);
      expect(params.asOf).toBe("2023-07-20");
      expect(parseListFilter(params)).toEqual(f);
    }
  });

  it("drops what is malformed or does not apply instead of refusing", () => {
    expect(parseListFilter({})).toEqual({ metric: "measures" });
    expect(parseListFilter({ metric: "everything", light: "BLUE", status: "", task: "x", dept: "", role: "boss" })).toEqual({ metric: "measures" });
    expect(parseListFilter({ metric: "overdue", light: "RED", status: "OVERDUE" })).toEqual({ metric: "overdue" });
    expect(parseListFilter({ metric: "due", role: "lead" })).toEqual({ metric: "due" });
    expect(parseListFilter({ metric: ["returned", "due"], dept: ["A", "B"], task: "0" })).toEqual({ metric: "returned", dept: "A" });
    const d = computeDashboard(input, "2023-07-20");
    expect(resolveListFilter({ metric: "due", dept: "nobody", role: "lead", task: 9 }, d)).toEqual({ metric: "due" });
    expect(resolveListFilter({ metric: "due", dept: "A", role: "lead", task: 2 }, d)).toEqual({ metric: "due", dept: "A", role: "lead", task: 2 });
  });
});

describe("a key task's timeline", () => {
  it("gives each measure its periods in order, with the due date, the lead's report state and the light", () => {
    const d = computeDashboard(input, "2023-07-20");
    const tl = taskTimeline(input, d, 1, "2023-07-20");
    expect(tl.columns.map((c) => [c.kind, c.periodEnd])).toEqual([
      ["QUARTER", "2023-03-31"],
      ["MILESTONE", "2023-05-31"],
      ["QUARTER", "2023-06-30"],
    ]);
    expect(tl.rows.map((r) => [r.measureNumber, r.status, r.light])).toEqual([
      [1, "OVERDUE", "RED"],
      [2, "OVERDUE", "RED"],
    ]);
    expect(tl.rows[0].cells.map((c) => c && [c.periodId, c.dueDate, c.reportState, c.status, c.light])).toEqual([
      ["m1q1", "2023-04-10", "ACCEPTED", "COMPLETED", "GREEN"],
      null,
      ["m1q2", "2023-07-10", "RETURNED", "OVERDUE", "RED"],
    ]);
    expect(tl.rows[1].cells.map((c) => c && [c.periodId, c.reportState, c.status])).toEqual([["m2q1", "ACCEPTED", "COMPLETED_LATE"], ["m2d", null, "OVERDUE"], null]);
  });

  it("follows the day asked about, and leaves a measure nobody leads unrated", () => {
    const d = computeDashboard(input, "2023-04-08");
    const tl = taskTimeline(input, d, 2, "2023-04-08");
    expect(tl.rows.map((r) => [r.measureId, r.light, r.cells.map((c) => c?.status ?? null)])).toEqual([
      ["m3", "YELLOW", ["DUE_SOON", "ON_TRACK"]],
      ["m4", null, [null, null]],
    ]);
    // The measure's light is the overview's, and agrees with its cells.
    expect(d.tasks.find((t) => t.number === 2)).toMatchObject({ measures: 1, yellow: 1 });
  });
});

describe("the submissions chart", () => {
  it("has a bar for a quarter with submissions but no period of its own (reports on the last periods come after they end)", () => {
    // Second-quarter reports submitted in July, in the third quarter, for which no period exists.
    const d = computeDashboard(input, "2024-01-01");
    expect(d.submissions.map((s) => s.quarter)).toEqual(["2023-Q1", "2023-Q2", "2023-Q3"]);
    expect(d.submissions.find((s) => s.quarter === "2023-Q3")?.count).toBe(2); // 1.1 on 07-12 and 2.1 on 07-01
    expect(listSubmissions(input, "2024-01-01", { metric: "submitted", quarter: "2023-Q3" })).toHaveLength(2);
    // The heat map keeps to the quarters that have periods.
    expect(d.heatmap.quarters).toEqual(["2023-Q1", "2023-Q2"]);
  });
});

describe("a measure without reporting periods (its deadline 待确认)", () => {
  // m5 (2.3): A leads, B supports, and it owes nothing yet; m6 (2.4) is supported only. The periods are the first input's.
  const measures = [
    ...[...new Map(input.histories.map((h) => [h.measureId, h])).values()].map((h) => ({ measureId: h.measureId, keyTaskNumber: h.keyTaskNumber, measureNumber: h.measureNumber, departments: h.departments })),
    { measureId: "m5", keyTaskNumber: 2, measureNumber: 3, departments: [{ departmentId: "A", isLead: true }, { departmentId: "B", isLead: false }] },
    { measureId: "m6", keyTaskNumber: 2, measureNumber: 4, departments: [{ departmentId: "B", isLead: false }] },
  ];
  const all: DashboardInput = { ...input, measures };
  const progress = () => ({ spanStart: "2023-01-01", spanEnd: "2023-12-31", indicators: [], submissions: [], owing: { closures: [], normalizedOn: null } });
  const rated: DashboardInput = {
    ...all,
    progress: {
      thresholds: { yellowPoints: 10, redPoints: 30 },
      planStart: "2023-01-01",
      planEnd: "2023-12-31",
      measures: ["m1", "m2", "m3", "m4", "m5", "m6"].map((measureId) => ({ measureId, ...progress() })),
    },
  };

  it("is counted, 未开始 (green), in the overview, its key task and its departments", () => {
    const before = computeDashboard(input, "2023-07-20");
    const d = computeDashboard(all, "2023-07-20");
    expect(d.measureCount).toBe(before.measureCount + 1);
    expect(d.measures.find((m) => m.measureId === "m5")).toMatchObject({ status: "NOT_STARTED", light: "GREEN" });
    expect(d.byStatus.NOT_STARTED).toBe(1);
    expect(d.byLight).toEqual({ RED: 3, YELLOW: 0, GREEN: 1 });
    expect(d.tasks.find((t) => t.number === 2)).toMatchObject({ measures: 2, red: 1, green: 1, periodsDue: 2 });
    expect(d.departments.find((x) => x.id === "A")).toMatchObject({ led: 3, supported: 0 });
    expect(d.departments.find((x) => x.id === "B")).toMatchObject({ led: 1, supported: 4 });
    // Nobody reports for m6: unrated, as a measure with periods that nobody leads.
    expect(d.measures.some((m) => m.measureId === "m6")).toBe(false);
    expect(listMeasures(all, d, { metric: "measures", dept: "B", role: "support" }).map((m) => [m.measureId, m.status])).toEqual([
      ["m1", "OVERDUE"],
      ["m4", null],
      ["m5", "NOT_STARTED"],
      ["m6", null],
    ]);
    expect(listMeasures(all, d, { metric: "measures", status: "NOT_STARTED" }).map((m) => `${m.keyTaskNumber}.${m.measureNumber}`)).toEqual(["2.3"]);
    expect(taskTimeline(all, d, 2, "2023-07-20").rows.map((r) => [r.measureId, r.light, r.cells.every((c) => c === null)])).toEqual([
      ["m3", "RED", false],
      ["m4", null, false],
      ["m5", "GREEN", true],
      ["m6", null, true],
    ]);
  });

  it("gets the 进度 light by the one rule: 未开始 before its span, on schedule in it with nothing reported", () => {
    const early = computeDashboard({ ...rated, progress: { ...rated.progress!, measures: rated.progress!.measures.map((m) => ({ ...m, spanStart: "2023-09-01" })) } }, "2023-07-20");
    expect(early.measures.find((m) => m.measureId === "m5")?.progress).toMatchObject({ state: "NOT_STARTED", light: "GREEN" });
    const d = computeDashboard(rated, "2023-07-20");
    expect(d.measures.find((m) => m.measureId === "m5")?.progress).toMatchObject({ state: "ON_SCHEDULE", light: "GREEN", behind: null });
    expect(listMeasures(rated, d, { metric: "measures", progress: "GREEN" })).toHaveLength(d.byProgressLight.GREEN);
  });

  for (const asOf of DAYS) {
    it(`keeps every list as long as its figure as of ${asOf}`, () => {
      const d = computeDashboard(rated, asOf);
      const count = (f: Omit<ListFilter, "metric">) => listMeasures(rated, d, { metric: "measures", ...f }).length;
      expect(count({})).toBe(d.measureCount);
      for (const light of LIST_LIGHTS) {
        expect(count({ light })).toBe(d.byLight[light]);
        expect(count({ progress: light })).toBe(d.byProgressLight[light]);
      }
      for (const status of LIST_STATUSES) expect(count({ status })).toBe(d.byStatus[status] ?? 0);
      for (const task of d.tasks) {
        expect(count({ task: task.number })).toBe(task.measures);
        for (const light of LIST_LIGHTS) expect(count({ task: task.number, light })).toBe(task[light === "RED" ? "red" : light === "YELLOW" ? "yellow" : "green"]);
        expect(listPeriods(rated, asOf, { metric: "due", task: task.number })).toHaveLength(task.periodsDue);
      }
      for (const row of d.departments) {
        expect(count({ dept: row.id, role: "lead" })).toBe(row.led);
        expect(count({ dept: row.id, role: "support" })).toBe(row.supported);
      }
    });
  }
});
