import { describe, expect, it } from "vitest";
import plan20212025 from "../../prisma/seed/plan-2021-2025.json";
import { addDays, awaitsConfirmation, departmentOwesPeriod, periodDueDate, periodLabel, proposedReporting, quarterKeyLabel, reportingPeriods, trackingStartOf, type MeasureReporting, type PlanReporting } from "./periods";
import { parseTimeArrangement } from "./schedule";
import { nextWorkingDay, workingCalendar } from "./working-days";
import { chineseDaysRows } from "../../scripts/lib/working-calendar-data";

const plan: PlanReporting = { startYear: 2021, endYear: 2025, defaultCadence: "QUARTERLY", trackingStart: null };
const ongoing: MeasureReporting = { cadence: null, checkpoints: [], scheduleStart: null, trackingStart: null, deadline: null, scheduleFlags: [], deadlineConfirmed: false };
const weekendsOnly = { dueDays: 10 };

describe("reportingPeriods: the cadence", () => {
  it("gives ongoing work the plan's quarters, each due 10 days after the quarter ends, on a working day", () => {
    const periods = reportingPeriods(ongoing, plan, weekendsOnly);
    expect(periods).toHaveLength(20);
    expect(periods[0]).toEqual({ kind: "QUARTER", periodStart: "2021-01-01", periodEnd: "2021-03-31", dueDate: "2021-04-12" }); // 10 April 2021 was a Saturday
    expect(periods[1]).toEqual({ kind: "QUARTER", periodStart: "2021-04-01", periodEnd: "2021-06-30", dueDate: "2021-07-12" });
    expect(periods.at(-1)?.dueDate).toBe("2026-01-12");
  });

  it.each([
    ["MONTHLY", 60, "MONTH", "2021-01-31"],
    ["HALF_YEARLY", 10, "HALF_YEAR", "2021-06-30"],
    ["ANNUAL", 5, "YEAR", "2021-12-31"],
    ["NONE", 0, null, null],
  ] as const)("cadence %s gives %i periods", (cadence, count, kind, firstEnd) => {
    const periods = reportingPeriods({ ...ongoing, cadence }, plan, weekendsOnly);
    expect(periods).toHaveLength(count);
    if (kind) expect(periods[0]).toMatchObject({ kind, periodEnd: firstEnd });
  });

  it("follows the plan's default cadence and tracking start", () => {
    expect(reportingPeriods(ongoing, { ...plan, defaultCadence: "HALF_YEARLY" }, weekendsOnly)).toHaveLength(10);
    const late = reportingPeriods(ongoing, { ...plan, trackingStart: "2021-05-20" }, weekendsOnly);
    expect(late[0]).toMatchObject({ periodEnd: "2021-06-30" });
    expect(late).toHaveLength(19);
  });
});

describe("reportingPeriods: the shipped plan's measures", () => {
  const measures = new Map<string, (typeof plan20212025.keyTasks)[number]["measures"][number]>(plan20212025.keyTasks.flatMap((t) => t.measures.map((m) => [`${t.number}.${m.number}`, m] as const)));
  /** A measure as the import stores it: the parsed schedule and the reporting it proposes. */
  const asImported = (ref: string, confirmed = false): MeasureReporting => {
    const m = measures.get(ref)!;
    const parsed = parseTimeArrangement(m.timeArrangement, plan);
    if (!parsed.ok) throw new Error(ref);
    const s = parsed.schedule;
    const proposal = proposedReporting(s, m.text, plan);
    return { cadence: proposal.cadence, checkpoints: proposal.checkpoints, scheduleStart: s.startDate, trackingStart: null, deadline: s.deadline, scheduleFlags: s.flags, deadlineConfirmed: confirmed };
  };
  const summary = (ref: string, confirmed = false) => {
    const periods = reportingPeriods(asImported(ref, confirmed), plan, weekendsOnly);
    return {
      regular: periods.filter((p) => p.kind !== "MILESTONE").length,
      firstRegularEnd: periods.find((p) => p.kind !== "MILESTONE")?.periodEnd ?? null,
      lastRegularEnd: periods.filter((p) => p.kind !== "MILESTONE").at(-1)?.periodEnd ?? null,
      checkpoints: periods.filter((p) => p.kind === "MILESTONE").map((p) => p.dueDate),
    };
  };

  const cases: Array<[string, string, ReturnType<typeof summary>]> = [
    // 「2022-2025年」: nothing owed for 2021; yearly checkpoints; the fourth quarters are the checkpoints.
    ["11.1", "2022-2025年", { regular: 12, firstRegularEnd: "2022-03-31", lastRegularEnd: "2025-09-30", checkpoints: ["2022-12-31", "2023-12-31", "2024-12-31", "2025-12-31"] }],
    // 持续推进, but the text says 「每年组织一次」: a yearly checkpoint and nothing more.
    ["5.1", "持续推进 / 每年组织一次", { regular: 0, firstRegularEnd: null, lastRegularEnd: null, checkpoints: ["2021-12-31", "2022-12-31", "2023-12-31", "2024-12-31", "2025-12-31"] }],
    // 「2022年底前」: quarters until the deadline, the deadline's report covers the last one, nothing after.
    ["5.2", "2022年底前", { regular: 7, firstRegularEnd: "2021-03-31", lastRegularEnd: "2022-09-30", checkpoints: ["2022-12-31"] }],
    ["10.2", "2022年底前", { regular: 7, firstRegularEnd: "2021-03-31", lastRegularEnd: "2022-09-30", checkpoints: ["2022-12-31"] }],
    // 「2021-2023年」: yearly checkpoints, quarters until the range ends.
    ["6.1", "2021-2023年", { regular: 9, firstRegularEnd: "2021-03-31", lastRegularEnd: "2023-09-30", checkpoints: ["2021-12-31", "2022-12-31", "2023-12-31"] }],
    // 「2020年底前」 before the plan starts: owes nothing until confirmed (待确认).
    ["6.5", "2020年底前", { regular: 0, firstRegularEnd: null, lastRegularEnd: null, checkpoints: [] }],
  ];
  it.each(cases)("%s 「%s」", (ref, _arrangement, expected) => {
    const got = summary(ref);
    // Weekends only here: 2022-12-31 and 2023-12-31 fall on a weekend and move to Monday.
    expect(got).toEqual({ ...expected, checkpoints: expected.checkpoints.map((d) => nextWorkingDay(d, new Map())) });
  });

  it("6.5 counts once an administrator confirmed its deadline: one checkpoint, on 2020-12-31", () => {
    expect(awaitsConfirmation(asImported("6.5"))).toBe(true);
    expect(awaitsConfirmation(asImported("6.5", true))).toBe(false);
    expect(summary("6.5", true)).toEqual({ regular: 0, firstRegularEnd: null, lastRegularEnd: null, checkpoints: ["2020-12-31"] });
  });

  it("the shipped plan owes 1,828 reports under the old rule's count and far fewer now", () => {
    let periods = 0;
    for (const [ref, m] of measures) {
      const departments = m.departmentsText.includes("等8部门") ? 8 : m.departmentsText.split("、").length;
      periods += reportingPeriods(asImported(ref), plan, weekendsOnly).length * departments;
    }
    expect(periods).toBeLessThan(1828);
  });
});

describe("due dates on working days", () => {
  // The State Council's 2024 arrangement as the chinese-days package publishes it (what the calendar is filled with).
  const calendar = workingCalendar(chineseDaysRows(2024, 2024));
  it.each([
    ["a weekday stays", { kind: "MILESTONE", periodEnd: "2024-06-28" }, "2024-06-28"],
    ["a Saturday moves to Monday", { kind: "MILESTONE", periodEnd: "2024-06-29" }, "2024-07-01"],
    ["a holiday run moves past its end", { kind: "MILESTONE", periodEnd: "2024-09-30" }, "2024-09-30"],
    ["the National Day week moves to the first working day", { kind: "MILESTONE", periodEnd: "2024-10-01" }, "2024-10-08"],
    ["a 调休 Saturday is a working day", { kind: "MILESTONE", periodEnd: "2024-10-12" }, "2024-10-12"],
    ["the Spring Festival moves to the 调休 Sunday after it", { kind: "MILESTONE", periodEnd: "2024-02-10" }, "2024-02-18"],
    ["a quarter's report: 10 days after, then the next working day", { kind: "QUARTER", periodEnd: "2024-03-31" }, "2024-04-10"],
    ["a quarter's report due on a Sunday", { kind: "QUARTER", periodEnd: "2024-06-30" }, "2024-07-10"],
    ["a quarter's report due during National Day", { kind: "QUARTER", periodEnd: "2024-09-21" }, "2024-10-08"],
  ] as const)("%s", (_name, period, due) => {
    expect(periodDueDate(period, { dueDays: 10, calendar })).toBe(due);
  });
});

describe("proposedReporting", () => {
  it.each([
    ["每季度", "措施。", { cadence: "QUARTERLY", checkpoints: [] }],
    ["每月", "措施。", { cadence: "MONTHLY", checkpoints: [] }],
    ["每半年", "措施。", { cadence: "HALF_YEARLY", checkpoints: [] }],
    ["每年第一季度", "措施。", { cadence: "NONE", checkpoints: ["2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31"] }],
    ["持续推进", "措施。", { cadence: null, checkpoints: [] }],
    ["持续推进", "每年至少召开一次联席会议。", { cadence: "NONE", checkpoints: ["2021-12-31", "2022-12-31", "2023-12-31", "2024-12-31", "2025-12-31"] }],
    ["2022年底前", "措施。", { cadence: null, checkpoints: ["2022-12-31"] }],
    ["2021-2023年", "措施。", { cadence: null, checkpoints: ["2021-12-31", "2022-12-31", "2023-12-31"] }],
  ] as const)("%s / %s", (arrangement, text, expected) => {
    const parsed = parseTimeArrangement(arrangement, plan);
    expect(parsed.ok && proposedReporting(parsed.schedule, text, plan)).toEqual(expected);
  });
  it("an unparsed arrangement follows the plan's default", () => {
    expect(proposedReporting(null, "x", plan)).toEqual({ cadence: null, checkpoints: [] });
  });
});

describe("trackingStartOf, addDays and periodLabel", () => {
  it("takes the latest start", () => {
    expect(trackingStartOf(ongoing, plan)).toBe("2021-01-01");
    expect(trackingStartOf({ scheduleStart: "2022-01-01", trackingStart: null }, plan)).toBe("2022-01-01");
    expect(trackingStartOf({ scheduleStart: "2022-01-01", trackingStart: "2023-07-01" }, { ...plan, trackingStart: "2021-03-15" })).toBe("2023-07-01");
  });
  it("crosses month and year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 10)).toBe("2026-01-10");
  });
  it("names every kind of period", () => {
    expect(periodLabel({ kind: "QUARTER", periodEnd: "2023-06-30" })).toBe("2023年第2季度");
    expect(periodLabel({ kind: "QUARTER", periodEnd: "2023-06-30" }, "en")).toBe("2023 Q2");
    expect(periodLabel({ kind: "MONTH", periodEnd: "2023-03-31" })).toBe("2023年3月");
    expect(periodLabel({ kind: "HALF_YEAR", periodEnd: "2023-12-31" })).toBe("2023年下半年");
    expect(periodLabel({ kind: "YEAR", periodEnd: "2023-12-31" })).toBe("2023年度");
    expect(periodLabel({ kind: "MILESTONE", periodEnd: "2022-12-31" })).toBe("2022-12-31 时间节点");
    expect(periodLabel({ kind: "HALF_YEAR", periodEnd: "2023-06-30" }, "en")).toBe("2023 H1");
    expect(periodLabel({ kind: "MONTH", periodEnd: "2023-03-31" }, "en")).toBe("2023-03");
  });
});

describe("quarterKeyLabel", () => {
  it("says a quarter's key in words, whole and in parts", () => {
    expect(quarterKeyLabel("2021-Q1")).toEqual({ text: "2021年第1季度", year: "2021年", quarter: "第1季度" });
    expect(quarterKeyLabel("2026-Q4", "en")).toEqual({ text: "2026 Q4", year: "2026", quarter: "Q4" });
  });
});

describe("departmentOwesPeriod", () => {
  it("a department on the measure from the beginning owes every period", () => {
    expect(departmentOwesPeriod({ periodEnd: "2021-03-31" }, null)).toBe(true);
    expect(departmentOwesPeriod({ periodEnd: "2021-03-31" }, undefined)).toBe(true);
  });

  it("a department added to a running measure owes the periods that end on or after its start, not the past ones", () => {
    expect(departmentOwesPeriod({ periodEnd: "2026-09-30" }, "2026-12-02")).toBe(false);
    expect(departmentOwesPeriod({ periodEnd: "2026-12-01" }, "2026-12-02")).toBe(false);
    expect(departmentOwesPeriod({ periodEnd: "2026-12-02" }, "2026-12-02")).toBe(true);
    expect(departmentOwesPeriod({ periodEnd: "2026-12-31" }, "2026-12-02")).toBe(true);
  });
});
