import { describe, expect, it } from "vitest";
import { combinedStatus, periodStatus, type PeriodFacts, reportsForMeasure } from "./status";

const period = (over: Partial<PeriodFacts> = {}): PeriodFacts => ({
  periodStart: "2023-04-01",
  dueDate: "2023-07-10",
  reportState: null,
  acceptedSubmittedOn: null,
  ...over,
});

describe("periodStatus", () => {
  const cases: Array<[string, PeriodFacts, string, string, string]> = [
    ["before the period begins", period(), "2023-03-01", "NOT_STARTED", "GREEN"],
    ["during the period, nothing reported", period(), "2023-05-01", "ON_TRACK", "GREEN"],
    ["7 days before the due date", period(), "2023-07-03", "DUE_SOON", "YELLOW"],
    ["8 days before the due date", period(), "2023-07-02", "ON_TRACK", "GREEN"],
    ["on the due date, nothing reported", period(), "2023-07-10", "DUE_SOON", "YELLOW"],
    ["the day after the due date", period(), "2023-07-11", "OVERDUE", "RED"],
    ["submitted, awaiting review, near the due date", period({ reportState: "SUBMITTED" }), "2023-07-09", "ON_TRACK", "GREEN"],
    ["submitted but still unaccepted after the due date", period({ reportState: "SUBMITTED" }), "2023-07-20", "OVERDUE", "RED"],
    ["returned and not resubmitted, long before the due date", period({ reportState: "RETURNED" }), "2023-05-01", "DUE_SOON", "YELLOW"],
    ["returned and past due", period({ reportState: "RETURNED" }), "2023-07-11", "OVERDUE", "RED"],
    ["accepted, submitted on time", period({ reportState: "ACCEPTED", acceptedSubmittedOn: "2023-07-05" }), "2023-08-01", "COMPLETED", "GREEN"],
    ["accepted, submitted late", period({ reportState: "ACCEPTED", acceptedSubmittedOn: "2023-07-15" }), "2023-08-01", "COMPLETED_LATE", "GREEN"],
    ["an approved extension moves the due date", period({ dueDate: "2023-08-31" }), "2023-07-20", "ON_TRACK", "GREEN"],
    ["accepted within an extension is on time", period({ dueDate: "2023-08-31", reportState: "ACCEPTED", acceptedSubmittedOn: "2023-08-20" }), "2023-09-01", "COMPLETED", "GREEN"],
    ["a deadline before the plan began", period({ periodStart: "2020-01-01", dueDate: "2020-12-31" }), "2021-01-01", "OVERDUE", "RED"],
  ];
  it.each(cases)("%s", (_name, facts, asOf, status, light) => {
    expect(periodStatus(facts, asOf)).toEqual({ status, light });
  });

  it("honours a configured window", () => {
    expect(periodStatus(period(), "2023-06-26", 14)).toEqual({ status: "DUE_SOON", light: "YELLOW" });
    expect(periodStatus(period(), "2023-06-26", 7)).toEqual({ status: "ON_TRACK", light: "GREEN" });
  });
});

describe("combinedStatus", () => {
  const p = (status: Parameters<typeof combinedStatus>[0][number]["status"], light: "GREEN" | "YELLOW" | "RED", periodStart = "2023-01-01") => ({ status, light, periodStart });
  it("takes the worst period that has begun", () => {
    expect(combinedStatus([p("COMPLETED", "GREEN"), p("OVERDUE", "RED"), p("ON_TRACK", "GREEN")], "2023-06-01")).toEqual({ status: "OVERDUE", light: "RED" });
    expect(combinedStatus([p("COMPLETED", "GREEN"), p("DUE_SOON", "YELLOW")], "2023-06-01")).toEqual({ status: "DUE_SOON", light: "YELLOW" });
  });
  it("is completed only when every begun period is", () => {
    expect(combinedStatus([p("COMPLETED", "GREEN"), p("COMPLETED_LATE", "GREEN")], "2023-06-01")).toEqual({ status: "COMPLETED_LATE", light: "GREEN" });
    expect(combinedStatus([p("COMPLETED", "GREEN")], "2023-06-01")).toEqual({ status: "COMPLETED", light: "GREEN" });
  });
  it("ignores periods that had not begun, and is not started when none had", () => {
    expect(combinedStatus([p("COMPLETED", "GREEN"), p("NOT_STARTED", "GREEN", "2024-01-01")], "2023-06-01")).toEqual({ status: "COMPLETED", light: "GREEN" });
    expect(combinedStatus([p("NOT_STARTED", "GREEN", "2024-01-01")], "2023-06-01")).toEqual({ status: "NOT_STARTED", light: "GREEN" });
    expect(combinedStatus([], "2023-06-01")).toEqual({ status: "NOT_STARTED", light: "GREEN" });
  });
});

describe("whose report is the measure's", () => {
  it.each([
    [{ isLead: true }, true],
    [{ isLead: false, isJointLead: true }, true],
    [{ isLead: false, isJointLead: false }, false],
    [{ isLead: false }, false],
  ])("%o → %s", (assignment, expected) => {
    expect(reportsForMeasure(assignment)).toBe(expected);
  });
});
