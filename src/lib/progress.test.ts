import { describe, expect, it } from "vitest";
import { elapsedShare, measureProgress, periodOwed, thresholdsOn, worseProgress, type ProgressFacts } from "./status";

const facts = (over: Partial<ProgressFacts> = {}): ProgressFacts => ({
  spanStart: "2026-01-01",
  spanEnd: "2026-12-31",
  planStart: "2026-01-01",
  planEnd: "2030-12-31",
  milestones: [],
  indicators: [],
  ratings: [],
  reviews: [],
  closures: [],
  ...over,
});

/** A YEAR target of 100 with one value reported on `on`. */
const yearly = (value: number, on = "2026-03-01") => ({ comparison: "GTE" as const, target: 100, period: "YEAR" as const, values: [{ on, value }] });

describe("measureProgress: points behind 序时进度 (default thresholds 10 / 30)", () => {
  // On 31 December the whole year has elapsed: 100 is expected, so a value of v is 100 − v points behind.
  const cases: Array<[string, ProgressFacts, string, string, string, number | null]> = [
    ["nothing reported: on schedule", facts(), "2026-06-01", "ON_SCHEDULE", "GREEN", null],
    ["9 points behind", facts({ indicators: [yearly(91)] }), "2026-12-31", "ON_SCHEDULE", "GREEN", 9],
    ["exactly 10 points behind: yellow", facts({ indicators: [yearly(90)] }), "2026-12-31", "BEHIND", "YELLOW", 10],
    ["exactly 30 points behind: still yellow", facts({ indicators: [yearly(70)] }), "2026-12-31", "BEHIND", "YELLOW", 30],
    ["30.1 points behind: red", facts({ indicators: [yearly(69.9)] }), "2026-12-31", "FAR_BEHIND", "RED", 30.1],
    ["ahead of schedule", facts({ indicators: [yearly(80)] }), "2026-06-01", "ON_SCHEDULE", "GREEN", 0],
    ["a YEAR target starts afresh on 1 January: last year's value does not count", facts({ indicators: [yearly(10, "2025-12-20")] }), "2026-01-01", "ON_SCHEDULE", "GREEN", null],
    ["start of the period: nothing is expected yet", facts({ indicators: [yearly(0, "2026-01-01")] }), "2026-01-01", "ON_SCHEDULE", "GREEN", 0],
    ["a ceiling (LTE) exceeded by a half", facts({ indicators: [{ comparison: "LTE", target: 2, period: "CYCLE", values: [{ on: "2026-02-01", value: 3 }] }] }), "2026-03-01", "FAR_BEHIND", "RED", 50],
    ["a ceiling (LTE) kept", facts({ indicators: [{ comparison: "LTE", target: 3, period: "CYCLE", values: [{ on: "2026-02-01", value: 3 }] }] }), "2026-03-01", "ON_SCHEDULE", "GREEN", 0],
    ["rated 存在困难 while on schedule: at least yellow", facts({ ratings: [{ on: "2026-04-05", rating: "DIFFICULT" }] }), "2026-05-01", "BEHIND", "YELLOW", null],
    ["rated 存在困难 and 40 points behind: red", facts({ indicators: [yearly(60)], ratings: [{ on: "2026-04-05", rating: "DIFFICULT" }] }), "2026-12-31", "FAR_BEHIND", "RED", 40],
    ["a later rating replaces 存在困难", facts({ ratings: [{ on: "2026-04-05", rating: "DIFFICULT" }, { on: "2026-07-05", rating: "IN_PROGRESS" }] }), "2026-08-01", "ON_SCHEDULE", "GREEN", null],
    ["a rating submitted after the day asked about does not count yet", facts({ ratings: [{ on: "2026-04-05", rating: "DIFFICULT" }] }), "2026-04-04", "ON_SCHEDULE", "GREEN", null],
    ["rated 未开始 half-way through its span", facts({ ratings: [{ on: "2026-07-01", rating: "NOT_STARTED" }] }), "2026-07-02", "FAR_BEHIND", "RED", 50],
    ["the latest report returned: at least yellow", facts({ reviews: [{ on: "2026-04-12", outcome: "RETURNED" }] }), "2026-04-12", "BEHIND", "YELLOW", null],
    ["returned, then resubmitted", facts({ reviews: [{ on: "2026-04-12", outcome: "RETURNED" }], ratings: [{ on: "2026-04-15", rating: "IN_PROGRESS" }] }), "2026-04-16", "ON_SCHEDULE", "GREEN", null],
    ["returned, then accepted", facts({ reviews: [{ on: "2026-04-12", outcome: "RETURNED" }, { on: "2026-04-20", outcome: "ACCEPTED" }] }), "2026-04-21", "ON_SCHEDULE", "GREEN", null],
    ["on the deadline day, not yet met: not missed", facts({ milestones: [{ dueDate: "2026-06-30", metOn: null }] }), "2026-06-30", "ON_SCHEDULE", "GREEN", null],
    ["the day after the deadline, not met: red", facts({ milestones: [{ dueDate: "2026-06-30", metOn: null }] }), "2026-07-01", "DEADLINE_MISSED", "RED", null],
    ["met on the deadline day", facts({ milestones: [{ dueDate: "2026-06-30", metOn: "2026-06-30" }] }), "2026-07-01", "ON_SCHEDULE", "GREEN", null],
    ["met late: red until it was met", facts({ milestones: [{ dueDate: "2026-06-30", metOn: "2026-07-10" }] }), "2026-07-09", "DEADLINE_MISSED", "RED", null],
    ["before the measure's span begins", facts({ spanStart: "2027-01-01" }), "2026-12-31", "NOT_STARTED", "GREEN", null],
    ["closed: 已销号, owes nothing", facts({ milestones: [{ dueDate: "2026-06-30", metOn: null }], closures: [{ closedOn: "2026-06-20", reopenedOn: null }] }), "2026-09-01", "CLOSED", "GREEN", null],
    ["reopened: the rule applies again", facts({ milestones: [{ dueDate: "2026-06-30", metOn: null }], closures: [{ closedOn: "2026-06-20", reopenedOn: "2026-08-01" }] }), "2026-09-01", "DEADLINE_MISSED", "RED", null],
  ];
  it.each(cases)("%s", (_name, f, asOf, state, light, behind) => {
    expect(measureProgress(f, asOf)).toEqual({ state, light, behind });
  });

  it("takes the plan's own thresholds", () => {
    const f = facts({ indicators: [yearly(85)] });
    expect(measureProgress(f, "2026-12-31").light).toBe("YELLOW");
    expect(measureProgress(f, "2026-12-31", { yellowPoints: 20, redPoints: 40 }).light).toBe("GREEN");
    expect(measureProgress(f, "2026-12-31", { yellowPoints: 5, redPoints: 10 }).light).toBe("RED");
  });
});

describe("elapsedShare", () => {
  it("is 0 on the first day, 1 on the last and after, proportional between", () => {
    expect(elapsedShare("2026-01-01", "2026-01-11", "2026-01-01")).toBe(0);
    expect(elapsedShare("2026-01-01", "2026-01-11", "2026-01-06")).toBe(0.5);
    expect(elapsedShare("2026-01-01", "2026-01-11", "2026-01-11")).toBe(1);
    expect(elapsedShare("2026-01-01", "2026-01-11", "2027-01-01")).toBe(1);
  });
});

describe("worseProgress", () => {
  it("orders a missed deadline above falling behind, and 已销号 last", () => {
    expect(worseProgress("BEHIND", "DEADLINE_MISSED")).toBe("DEADLINE_MISSED");
    expect(worseProgress("CLOSED", "ON_SCHEDULE")).toBe("ON_SCHEDULE");
  });
});

describe("periodOwed", () => {
  const q2 = { kind: "QUARTER" as const, periodEnd: "2026-06-30" };
  const q4 = { kind: "QUARTER" as const, periodEnd: "2026-12-31" };
  const open = { closedOn: null, normalizedOn: null };
  it("a closed measure owes nothing from the day it closed", () => {
    expect(periodOwed(q2, open, "2026-07-11")).toBe(true);
    expect(periodOwed(q2, { ...open, closedOn: "2026-07-11" }, "2026-07-10")).toBe(true);
    expect(periodOwed(q2, { ...open, closedOn: "2026-07-11" }, "2026-07-11")).toBe(false);
  });
  it("a 常态化 measure owes only each year's last quarter after it was declared", () => {
    const normal = { ...open, normalizedOn: "2026-03-15" };
    expect(periodOwed(q2, normal, "2026-07-11")).toBe(false);
    expect(periodOwed(q4, normal, "2027-01-05")).toBe(true);
    expect(periodOwed({ kind: "QUARTER", periodEnd: "2026-03-31" }, normal, "2026-04-05")).toBe(false);
    expect(periodOwed({ kind: "QUARTER", periodEnd: "2025-12-31" }, normal, "2026-04-05")).toBe(true);
    expect(periodOwed(q2, normal, "2026-03-14")).toBe(true);
  });
});

describe("thresholds as history (decision 032)", () => {
  const history = [
    { from: "2026-01-01", yellowPoints: 10, redPoints: 30 },
    { from: "2026-07-01", yellowPoints: 5, redPoints: 15 },
  ];
  const current = { yellowPoints: 5, redPoints: 15 };

  it("uses the thresholds in force on the day asked about", () => {
    expect(thresholdsOn(history, "2026-06-30", current)).toEqual({ yellowPoints: 10, redPoints: 30 });
    expect(thresholdsOn(history, "2026-07-01", current)).toEqual({ yellowPoints: 5, redPoints: 15 });
    expect(thresholdsOn(history, "2027-03-01", current)).toEqual({ yellowPoints: 5, redPoints: 15 });
    // Before the first: what was in force before any change; without history: the current values.
    expect(thresholdsOn(history, "2025-12-31", current)).toEqual({ yellowPoints: 10, redPoints: 30 });
    expect(thresholdsOn([], "2026-06-30", current)).toEqual(current);
    expect(thresholdsOn([...history].reverse(), "2026-06-30", current)).toEqual({ yellowPoints: 10, redPoints: 30 });
  });

  it("so a measure 20 points behind is yellow on a day before the change and red after it", () => {
    // A ceiling of 5 at 6: 20 points over, whatever the day.
    const ceiling = { comparison: "LTE" as const, target: 5, period: "CYCLE" as const, values: [{ on: "2026-02-01", value: 6 }] };
    const behind20 = (day: string) => measureProgress(facts({ indicators: [ceiling] }), day, thresholdsOn(history, day, current));
    expect(behind20("2026-06-30").behind).toBe(20);
    expect(behind20("2026-06-30").light).toBe("YELLOW");
    expect(behind20("2026-07-01").light).toBe("RED");
  });
});
