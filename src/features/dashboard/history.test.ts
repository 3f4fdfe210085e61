import { describe, expect, it } from "vitest";
import { departmentPeriodStatus, dueDateOn, reportOn, type PeriodHistory } from "./history";

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
