import { describe, expect, it } from "vitest";
import { measureProgress } from "@/lib/status";
import { departmentPeriodStatus, dueDateOn, owedOn, progressFacts, reportOn, type MeasureProgressHistory, type PeriodHistory } from "./history";

const history: PeriodHistory = {
  periodId: "p",
  measureId: "m",
  keyTaskNumber: 1,
  measureNumber: 1,
  kind: "QUARTER",
  periodStart: "2023-04-01",
  periodEnd: "2023-06-30",
  originalDueDate: "2023-07-10",
  dueChanges: [{ on: "2023-07-05", dueDate: "2023-08-10" }],
  departments: [
    {
      departmentId: "lead",
      isLead: true,
      events: [
        { on: "2023-07-01", at: Date.parse("2023-07-01T02:00:00Z"), event: "SUBMITTED" },
        { on: "2023-07-03", at: Date.parse("2023-07-03T02:00:00Z"), event: "RETURNED" },
        { on: "2023-08-15", at: Date.parse("2023-08-15T02:00:00Z"), event: "SUBMITTED" },
        { on: "2023-08-20", at: Date.parse("2023-08-20T02:00:00Z"), event: "ACCEPTED" },
      ],
    },
  ],
};

describe("replaying a period's history", () => {
  it("applies a due-date change only from the day it was made", () => {
    expect(dueDateOn(history, "2023-07-04")).toBe("2023-07-10");
    expect(dueDateOn(history, "2023-07-05")).toBe("2023-08-10");
  });

  it("knows the report's state on any day", () => {
    expect(reportOn(history.departments[0].events, "2023-06-30").state).toBeNull();
    expect(reportOn(history.departments[0].events, "2023-07-02").state).toBe("SUBMITTED");
    expect(reportOn(history.departments[0].events, "2023-07-31").state).toBe("RETURNED");
    expect(reportOn(history.departments[0].events, "2023-08-31")).toEqual({ state: "ACCEPTED", acceptedSubmittedOn: "2023-08-15" });
  });

  it("gives the status the dashboard showed on each day", () => {
    const on = (d: string) => departmentPeriodStatus(history, "lead", d).status;
    expect(on("2023-05-01")).toBe("ON_TRACK");
    expect(on("2023-07-04")).toBe("DUE_SOON"); // returned, not resubmitted
    expect(on("2023-08-11")).toBe("OVERDUE"); // past the extended date
    expect(on("2023-08-31")).toBe("COMPLETED_LATE"); // accepted version submitted after 08-10
    expect(departmentPeriodStatus(history, "support", "2023-08-31").status).toBe("OVERDUE");
  });
});

describe("an extension of one department", () => {
  // Lead and supporting department, due 2023-07-10; the supporting department's extension to
  // 2023-09-30 was approved on 2023-07-20, after the period had fallen due.
  const shared: PeriodHistory = {
    ...history,
    dueChanges: [],
    departments: [
      { departmentId: "lead", isLead: true, events: [] },
      { departmentId: "support", isLead: false, events: [], dueChanges: [{ on: "2023-07-20", dueDate: "2023-09-30" }] },
    ],
  };

  it("moves only that department's due date, from the day it was approved", () => {
    expect(dueDateOn(shared, "2023-07-25", "lead")).toBe("2023-07-10");
    expect(dueDateOn(shared, "2023-07-19", "support")).toBe("2023-07-10");
    expect(dueDateOn(shared, "2023-07-20", "support")).toBe("2023-09-30");
    expect(dueDateOn(shared, "2023-07-25")).toBe("2023-07-10");
  });

  it("leaves the lead's status (the measure's) as it was", () => {
    expect(departmentPeriodStatus(shared, "lead", "2023-07-25")).toMatchObject({ status: "OVERDUE", dueDate: "2023-07-10" });
    expect(departmentPeriodStatus(shared, "support", "2023-07-25")).toMatchObject({ status: "ON_TRACK", dueDate: "2023-09-30" });
    // Replayed as of a day before the approval, the supporting department was overdue.
    expect(departmentPeriodStatus(shared, "support", "2023-07-19")).toMatchObject({ status: "OVERDUE", dueDate: "2023-07-10" });
  });

  it("does not undo a later change of the period's date", () => {
    const moved = { ...shared, dueChanges: [{ on: "2023-07-21", dueDate: "2023-10-31" }] };
    expect(dueDateOn(moved, "2023-07-25", "support")).toBe("2023-10-31");
    expect(dueDateOn(moved, "2023-07-25", "lead")).toBe("2023-10-31");
  });
});

describe("replaying a measure's 进度 (progressFacts → measureProgress)", () => {
  const milestone: PeriodHistory = {
    ...history,
    periodId: "deadline",
    kind: "MILESTONE",
    periodStart: "2023-01-01",
    periodEnd: "2023-09-30",
    originalDueDate: "2023-09-30",
    dueChanges: [],
    departments: [
      {
        departmentId: "lead",
        isLead: true,
        events: [
          { on: "2023-09-25", at: Date.parse("2023-09-25T02:00:00Z"), event: "SUBMITTED" },
          { on: "2023-10-08", at: Date.parse("2023-10-08T02:00:00Z"), event: "ACCEPTED" },
        ],
      },
    ],
  };
  const measure: MeasureProgressHistory = {
    measureId: "m",
    spanStart: "2023-01-01",
    spanEnd: "2023-09-30",
    indicators: [{ id: "i", comparison: "GTE", target: 100, period: "YEAR" }],
    submissions: [
      { on: "2023-07-01", periodId: "p", rating: "DIFFICULT", values: { i: 25 } },
      { on: "2023-08-15", periodId: "p", rating: "IN_PROGRESS", values: { i: 60 } },
      { on: "2023-09-25", periodId: "deadline", rating: "COMPLETED", values: { i: 100 } },
    ],
    owing: { closures: [], normalizedOn: null },
  };
  const plan = { planStart: "2021-01-01", planEnd: "2025-12-31" };
  const on = (asOf: string) => measureProgress(progressFacts(measure, [history, milestone], plan, asOf), asOf);

  it("follows the department's ratings, values, reviews and the deadline day by day", () => {
    // 2 July: 存在困难, and 25 of 100 when half the year has passed (25 points behind): yellow.
    expect(on("2023-07-02")).toMatchObject({ state: "BEHIND", light: "YELLOW", behind: 25 });
    // 4 July: the report was returned the day before; still yellow.
    expect(on("2023-07-04").light).toBe("YELLOW");
    // 16 August: 60 of 100 with 62 % of the year gone, resubmitted: on schedule.
    expect(on("2023-08-16")).toMatchObject({ state: "ON_SCHEDULE", light: "GREEN" });
    // 1 October: the deadline (30 September) passed; its report rated 已完成 is not yet accepted.
    expect(on("2023-10-01")).toMatchObject({ state: "DEADLINE_MISSED", light: "RED" });
    // 8 October: accepted, the deadline is met.
    expect(on("2023-10-08").light).toBe("GREEN");
  });

  it("waives what a closed measure has not done, from the day it closed", () => {
    const closed = { ...history, owing: { closures: [{ closedOn: "2023-07-20", reopenedOn: null }], normalizedOn: null } };
    const lead = closed.departments[0];
    expect(owedOn(closed, "2023-07-19")).toBe(true);
    expect(owedOn(closed, "2023-07-20")).toBe(false);
    expect(departmentPeriodStatus(closed, "lead", "2023-07-19").status).toBe("DUE_SOON");
    expect(lead.isLead).toBe(true);
  });
});
