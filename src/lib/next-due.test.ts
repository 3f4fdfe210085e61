import { describe, expect, it } from "vitest";
import { nextDue } from "./status";

// Measure 1.2 of the shipped plan: quarterly reports due ten days after each quarter (on a working day).
const quarters = [
  { kind: "QUARTER" as const, periodEnd: "2025-06-30", dueDate: "2025-07-10" },
  { kind: "QUARTER" as const, periodEnd: "2025-09-30", dueDate: "2025-10-10" },
  { kind: "QUARTER" as const, periodEnd: "2025-12-31", dueDate: "2026-01-12" },
];
const measure = (over: Partial<Parameters<typeof nextDue>[0]> = {}): Parameters<typeof nextDue>[0] => ({
  scheduleKind: "ONGOING",
  closedOn: null,
  normalizedOn: null,
  periods: quarters,
  ...over,
});

describe("nextDue: the day the next report is due, the same the report form names", () => {
  it.each([
    ["a period due later", "2025-08-01", { kind: "upcoming", date: "2025-10-10", period: { kind: "QUARTER", periodEnd: "2025-09-30" } }],
    ["due today is still upcoming", "2025-10-10", { kind: "upcoming", date: "2025-10-10", period: { kind: "QUARTER", periodEnd: "2025-09-30" } }],
    // The quarter ended on 2025-12-31, its report is due in January: still the one to report.
    ["after the quarter, inside its reporting window", "2026-01-05", { kind: "upcoming", date: "2026-01-12", period: { kind: "QUARTER", periodEnd: "2025-12-31" } }],
    ["all passed: the last one, passed", "2026-12-01", { kind: "passed", date: "2026-01-12", period: { kind: "QUARTER", periodEnd: "2025-12-31" } }],
  ] as const)("%s", (_name, today, expected) => {
    expect(nextDue(measure(), today)).toEqual(expected);
  });

  it("takes the earliest due date whatever order the periods come in", () => {
    const periods = [...quarters].reverse();
    expect(nextDue(measure({ periods }), "2025-05-01")).toMatchObject({ kind: "upcoming", date: "2025-07-10" });
  });

  it("a closed measure owes nothing more and says since when", () => {
    expect(nextDue(measure({ closedOn: "2025-08-20" }), "2025-09-01")).toEqual({ kind: "closed", date: "2025-08-20" });
    // Before the closing day it still owes its reports.
    expect(nextDue(measure({ closedOn: "2025-08-20" }), "2025-08-01")).toMatchObject({ kind: "upcoming", date: "2025-10-10" });
  });

  it("a 常态化 measure owes only the year's last quarter from then on", () => {
    expect(nextDue(measure({ normalizedOn: "2025-07-15" }), "2025-08-01")).toMatchObject({ kind: "upcoming", date: "2026-01-12" });
  });

  it("a measure with no periods owes nothing; one whose schedule is not understood is to be set", () => {
    expect(nextDue(measure({ periods: [] }), "2025-08-01")).toEqual({ kind: "none" });
    expect(nextDue(measure({ scheduleKind: null }), "2025-08-01")).toEqual({ kind: "unscheduled" });
  });
});
