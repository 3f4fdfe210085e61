import { describe, expect, it } from "vitest";
import { backfillDateProblem, matchPeriod, normalizePeriodText, ownReportInTheWay, type ExistingReport, type PeriodChoice } from "./backfill";

const q2 = { periodStart: "2023-04-01", periodEnd: "2023-06-30" };
const TODAY = "2026-12-02";

describe("backfillDateProblem", () => {
  it.each([
    ["on the first day of the period", "2023-04-01", null, null],
    ["after the due date", "2023-08-01", null, null],
    ["today", TODAY, null, null],
    ["tomorrow", "2026-12-03", null, "submittedFuture"],
    ["the day before the period starts", "2023-03-31", null, "submittedBeforeStart"],
    ["accepted the same day", "2023-07-05", "2023-07-05", null],
    ["accepted later", "2023-07-05", "2023-07-20", null],
    ["accepted the day before submission", "2023-07-05", "2023-07-04", "acceptedBeforeSubmitted"],
    ["accepted tomorrow", "2023-07-05", "2026-12-03", "acceptedFuture"],
  ] as const)("submitted %s", (_label, submittedOn, acceptedOn, expected) => {
    expect(backfillDateProblem(q2, submittedOn, acceptedOn, TODAY)).toBe(expected);
  });

  it("refuses a period that has not ended (its last day included): that is 代填报's", () => {
    expect(backfillDateProblem({ periodStart: "2026-10-01", periodEnd: "2026-12-31" }, "2026-11-01", null, TODAY)).toBe("periodNotEnded");
    expect(backfillDateProblem({ periodStart: "2026-10-01", periodEnd: "2026-12-02" }, "2026-11-01", null, TODAY)).toBe("periodNotEnded");
    expect(backfillDateProblem({ periodStart: "2026-10-01", periodEnd: "2026-12-01" }, "2026-12-01", null, TODAY)).toBeNull();
  });
});

describe("ownReportInTheWay", () => {
  const empty: ExistingReport = { state: "DRAFT", progress: null, workDone: "", problems: " ", nextSteps: "", values: 0, attachments: 0, revisions: 0 };
  it("lets the bureau fill only an empty, never-submitted draft", () => {
    expect(ownReportInTheWay(null)).toBe(false);
    expect(ownReportInTheWay(empty)).toBe(false);
  });
  it.each([
    ["a rating", { progress: "IN_PROGRESS" }],
    ["text", { workDone: "已开展" }],
    ["a next step", { nextSteps: "下季度" }],
    ["a value", { values: 1 }],
    ["a file", { attachments: 1 }],
    ["a history (returned, then emptied)", { revisions: 2 }],
    ["a submitted report", { state: "SUBMITTED" }],
    ["a returned report", { state: "RETURNED" }],
    ["an accepted report", { state: "ACCEPTED" }],
  ] as const)("stops at a report with %s", (_label, over) => {
    expect(ownReportInTheWay({ ...empty, ...over } as ExistingReport)).toBe(true);
  });
});

describe("matchPeriod", () => {
  const periods: PeriodChoice[] = [
    { id: "q2", kind: "QUARTER", periodEnd: "2023-06-30", dueDate: "2023-07-10" },
    { id: "q4", kind: "QUARTER", periodEnd: "2023-12-31", dueDate: "2024-01-10" },
    { id: "m", kind: "MILESTONE", periodEnd: "2023-12-31", dueDate: "2024-01-02" },
    { id: "y", kind: "YEAR", periodEnd: "2022-12-31", dueDate: "2023-01-10" },
  ];
  it.each([
    ["2023年第2季度", "q2"],
    ["2023年 第二季度", "q2"],
    ["2023Q2", "q2"],
    ["2023-06-30", "q2"],
    ["2023-07-10", "q2"],
    ["2023/7/10", "q2"],
    ["2023年7月10日", "q2"],
    ["2023-12-31 时间节点", "m"],
    ["2023-12-31 期限", "m"],
    ["2024-01-02", "m"],
    ["2022年度", "y"],
  ])("reads %s", (text, id) => {
    expect(matchPeriod(text, periods)).toEqual({ period: periods.find((p) => p.id === id) });
  });
  it("says when a day ends two periods, and when nothing matches", () => {
    expect(matchPeriod("2023-12-31", periods)).toEqual({ problem: "periodAmbiguous" });
    expect(matchPeriod("2023年第3季度", periods)).toEqual({ problem: "periodUnknown" });
    expect(matchPeriod("", periods)).toEqual({ problem: "periodUnknown" });
  });
  it("normalizes what people type", () => {
    expect(normalizePeriodText(" 2023 年 第 四 季度 ")).toBe("2023年第4季度");
    expect(normalizePeriodText("2023-q1")).toBe("2023年第1季度");
  });
});
