import { describe, expect, it } from "vitest";
import { indicatorAchievement, indicatorMet, planEvaluable, proposeVerdict, summaryYears, yearlyActuals, type IndicatorTarget, type VerdictFacts } from "./evaluation";

const done: VerdictFacts = { closed: false, normalized: false, milestonesDue: 5, milestonesMet: 5, indicators: [100, 120], lastRating: "COMPLETED", reportsDue: 20, reportsAccepted: 20 };

describe("proposeVerdict", () => {
  const cases: [string, Partial<VerdictFacts>, string, string][] = [
    ["closed wins over everything", { closed: true, normalized: true, milestonesMet: 0, indicators: [null], lastRating: "DIFFICULT", reportsAccepted: 0 }, "COMPLETED", "closed"],
    ["常态化 when not closed", { normalized: true, lastRating: "IN_PROGRESS", milestonesMet: 1 }, "NORMALIZED", "normalized"],
    ["nothing ever reported", { lastRating: null, reportsAccepted: 0, milestonesDue: 0, milestonesMet: 0, indicators: [] }, "NOT_COMPLETED", "noReports"],
    ["all met, rated 已完成", {}, "COMPLETED", "allMet"],
    ["no deadlines, no indicators, rated 已完成", { milestonesDue: 0, milestonesMet: 0, indicators: [] }, "COMPLETED", "allMet"],
    ["an indicator at 99.9%: not 完成, but 基本完成", { indicators: [99.9, 100] }, "MOSTLY_COMPLETED", "mostlyMet"],
    ["an indicator at exactly 90%: 基本完成", { indicators: [90] }, "MOSTLY_COMPLETED", "mostlyMet"],
    ["an indicator at 89.9%: 未完成", { indicators: [89.9] }, "NOT_COMPLETED", "shortfall"],
    ["an indicator never reported: 未完成", { indicators: [100, null] }, "NOT_COMPLETED", "shortfall"],
    ["last rating 推进中, all else met: 基本完成", { lastRating: "IN_PROGRESS" }, "MOSTLY_COMPLETED", "mostlyMet"],
    ["4 of 5 deadlines (80%): 基本完成", { milestonesMet: 4 }, "MOSTLY_COMPLETED", "mostlyMet"],
    ["3 of 5 deadlines (60%): 未完成", { milestonesMet: 3 }, "NOT_COMPLETED", "shortfall"],
    ["16 of 20 reports accepted (80%): 基本完成", { reportsAccepted: 16, lastRating: "IN_PROGRESS" }, "MOSTLY_COMPLETED", "mostlyMet"],
    ["15 of 20 reports accepted (75%): 未完成", { reportsAccepted: 15, lastRating: "IN_PROGRESS" }, "NOT_COMPLETED", "shortfall"],
    ["last rating 存在困难: 未完成", { lastRating: "DIFFICULT" }, "NOT_COMPLETED", "shortfall"],
    ["last rating 未开始: 未完成", { lastRating: "NOT_STARTED" }, "NOT_COMPLETED", "shortfall"],
    ["accepted reports without a rating: judged on the rest", { lastRating: null, indicators: [], milestonesDue: 0, milestonesMet: 0 }, "MOSTLY_COMPLETED", "mostlyMet"],
  ];
  it.each(cases)("%s", (_name, change, verdict, basis) => {
    expect(proposeVerdict({ ...done, ...change })).toEqual({ verdict, basis });
  });
});

describe("indicatorAchievement", () => {
  const abs = (comparison: IndicatorTarget["comparison"], target: number | null): IndicatorTarget => ({ comparison, target, direction: null, baseline: null });
  const trend = (direction: "DECREASE" | "INCREASE", target: number | null, baseline: number | null, comparison: IndicatorTarget["comparison"] = "GTE"): IndicatorTarget => ({
    comparison,
    target,
    direction,
    baseline,
  });
  const cases: [string, IndicatorTarget, number | null, number | null][] = [
    ["no value", abs("GTE", 90), null, null],
    ["GTE reached", abs("GTE", 90), 92.5, 100],
    ["GTE at 90% of target", abs("GTE", 200), 180, 90],
    ["GTE short", abs("GTE", 90), 45, 50],
    ["LTE under the ceiling", abs("LTE", 3), 2.5, 100],
    ["LTE over the ceiling", abs("LTE", 3), 4, 75],
    ["EQ exactly", abs("EQ", 3), 3, 100],
    ["EQ off by a third", abs("EQ", 3), 4, 66.7],
    ["no target", abs("GTE", null), 5, null],
    ["trend: decrease of 20% asked, 20% reached", trend("DECREASE", 20, 2), 1.6, 100],
    ["trend: decrease of 20% asked, 18% reached", trend("DECREASE", 20, 2), 1.64, 90],
    ["trend: decrease asked, it rose", trend("DECREASE", 20, 2), 2.2, 0],
    ["trend: direction only, moved the right way", trend("INCREASE", null, 100), 101, 100],
    ["trend: direction only, did not move", trend("INCREASE", null, 100), 100, 0],
    ["trend without a baseline", trend("DECREASE", 20, null), 1.5, null],
    ["trend: change of at most 10%, 5% reached", trend("INCREASE", 10, 100, "LTE"), 105, 100],
  ];
  it.each(cases)("%s", (_name, target, value, expected) => {
    const a = indicatorAchievement(target, value);
    if (expected === null) expect(a).toBeNull();
    else expect(a).toBeCloseTo(expected, 1);
  });
  it("met only at 100%", () => {
    expect(indicatorMet(abs("GTE", 90), 90)).toBe(true);
    expect(indicatorMet(abs("GTE", 90), 89.99)).toBe(false);
    expect(indicatorMet(abs("GTE", 90), null)).toBeNull();
    expect(indicatorMet({ comparison: "GTE", target: 20, direction: "DECREASE", baseline: 2 }, 1.6)).toBe(true);
  });
});

describe("yearlyActuals", () => {
  it("keeps each year's latest value and the latest of all as the final value", () => {
    const r = yearlyActuals([
      { year: 2023, order: "2023-06-30", value: 80 },
      { year: 2022, order: "2022-12-31", value: 70 },
      { year: 2023, order: "2023-12-31", value: 85 },
      { year: 2023, order: "2023-03-31", value: 79 },
    ]);
    expect([...r.byYear]).toEqual([
      [2022, 70],
      [2023, 85],
    ]);
    expect(r.final).toBe(85);
  });
  it("has no final value without values", () => {
    expect(yearlyActuals([]).final).toBeNull();
  });
});

describe("which plans and years", () => {
  it.each([
    ["ENDED", 2025, "2026-12-02", true],
    ["ARCHIVED", 2025, "2026-12-02", true],
    ["ACTIVE", 2026, "2026-12-30", false],
    ["ACTIVE", 2026, "2026-12-31", true],
    ["DRAFT", 2020, "2026-12-02", false],
  ] as const)("%s plan ending %i on %s: evaluable %s", (status, endYear, today, expected) => {
    expect(planEvaluable({ status, endYear }, today)).toBe(expected);
  });
  it("a summary for each year begun", () => {
    expect(summaryYears({ startYear: 2021, endYear: 2025 }, "2026-12-02")).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(summaryYears({ startYear: 2026, endYear: 2030 }, "2026-12-02")).toEqual([2026]);
  });
});
