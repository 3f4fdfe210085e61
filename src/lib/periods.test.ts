import { describe, expect, it } from "vitest";
import { addDays, periodLabel, quarterKeyLabel, reportingPeriods } from "./periods";

const plan = { startYear: 2021, endYear: 2025 };

describe("reportingPeriods", () => {
  it("gives every measure 20 quarters, each due 10 days after the quarter ends", () => {
    const periods = reportingPeriods({ scheduleKind: "ONGOING", dueDates: [] }, plan, { quarterDueDays: 10 });
    expect(periods).toHaveLength(20);
    expect(periods[0]).toEqual({ kind: "QUARTER", periodStart: "2021-01-01", periodEnd: "2021-03-31", dueDate: "2021-04-10" });
    expect(periods[3]).toEqual({ kind: "QUARTER", periodStart: "2021-10-01", periodEnd: "2021-12-31", dueDate: "2022-01-10" });
    expect(periods.at(-1)?.dueDate).toBe("2026-01-10");
  });

  it("honours a configured number of days", () => {
    const periods = reportingPeriods({ scheduleKind: "ONGOING", dueDates: [] }, plan, { quarterDueDays: 15 });
    expect(periods[1].dueDate).toBe("2021-07-15");
  });

  const cases: Array<[string, Parameters<typeof reportingPeriods>[0], number, string[]]> = [
    ["quarterly: no extra milestones", { scheduleKind: "QUARTERLY", dueDates: ["2021-03-31", "2021-06-30"] }, 20, []],
    ["a deadline becomes a milestone", { scheduleKind: "DEADLINE", dueDates: ["2022-12-31"] }, 21, ["2022-12-31"]],
    ["a deadline before the plan is kept", { scheduleKind: "DEADLINE", dueDates: ["2020-12-31"] }, 21, ["2020-12-31"]],
    ["annual: one milestone a year", { scheduleKind: "ANNUAL", dueDates: ["2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31"] }, 25, ["2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31"]],
    ["a range ends in a milestone", { scheduleKind: "RANGE", dueDates: ["2023-12-31"] }, 21, ["2023-12-31"]],
    ["half-yearly: two milestones a year", { scheduleKind: "HALF_YEARLY", dueDates: ["2021-06-30", "2021-12-31"] }, 22, ["2021-06-30", "2021-12-31"]],
    ["monthly: a milestone a month", { scheduleKind: "MONTHLY", dueDates: ["2021-01-31", "2021-02-28", "2021-03-31"] }, 23, ["2021-01-31", "2021-02-28", "2021-03-31"]],
    ["an unparsed schedule still reports quarterly", { scheduleKind: null, dueDates: [] }, 20, []],
  ];
  it.each(cases)("%s", (_name, measure, count, milestones) => {
    const periods = reportingPeriods(measure, plan, { quarterDueDays: 10 });
    expect(periods).toHaveLength(count);
    expect(periods.filter((p) => p.kind === "MILESTONE").map((p) => p.dueDate)).toEqual(milestones);
    expect(periods.map((p) => p.dueDate)).toEqual([...periods.map((p) => p.dueDate)].sort());
  });
});

describe("addDays and periodLabel", () => {
  it("crosses month and year ends", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 10)).toBe("2026-01-10");
  });
  it("names quarters and milestones", () => {
    expect(periodLabel({ kind: "QUARTER", periodEnd: "2023-06-30" })).toBe("2023年第2季度");
    expect(periodLabel({ kind: "QUARTER", periodEnd: "2023-06-30" }, "en")).toBe("Q2 2023");
    expect(periodLabel({ kind: "MILESTONE", periodEnd: "2022-12-31" })).toBe("2022-12-31 期限");
  });
});

describe("quarterKeyLabel", () => {
  it("says a quarter's key in words, whole and in parts", () => {
    expect(quarterKeyLabel("2021-Q1")).toEqual({ text: "2021年第1季度", year: "2021年", quarter: "第1季度" });
    expect(quarterKeyLabel("2026-Q4", "en")).toEqual({ text: "Q4 2026", year: "2026", quarter: "Q4" });
  });
});
