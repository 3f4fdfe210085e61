import { describe, expect, it } from "vitest";
import { nextDue, todayInChina } from "./due";

const plan = { startYear: 2021, endYear: 2025 };

describe("nextDue", () => {
  const cases: Array<[string, Parameters<typeof nextDue>[0], string, ReturnType<typeof nextDue>]> = [
    ["unparsed schedule", { scheduleKind: null, dueDates: [], reportsQuarterly: false }, "2022-01-01", { kind: "unscheduled" }],
    [
      "deadline ahead",
      { scheduleKind: "DEADLINE", dueDates: ["2022-12-31"], reportsQuarterly: false },
      "2022-05-01",
      { kind: "upcoming", date: "2022-12-31", basis: "deadline" },
    ],
    [
      "deadline due today is still upcoming",
      { scheduleKind: "DEADLINE", dueDates: ["2022-12-31"], reportsQuarterly: false },
      "2022-12-31",
      { kind: "upcoming", date: "2022-12-31", basis: "deadline" },
    ],
    ["deadline passed", { scheduleKind: "DEADLINE", dueDates: ["2022-12-31"], reportsQuarterly: false }, "2023-01-01", { kind: "passed", date: "2022-12-31" }],
    [
      "deadline before the plan starts",
      { scheduleKind: "DEADLINE", dueDates: ["2020-12-31"], reportsQuarterly: false },
      "2021-03-01",
      { kind: "passed", date: "2020-12-31" },
    ],
    [
      "ongoing: next quarter end",
      { scheduleKind: "ONGOING", dueDates: [], reportsQuarterly: true },
      "2023-05-10",
      { kind: "upcoming", date: "2023-06-30", basis: "report" },
    ],
    ["ongoing after the plan", { scheduleKind: "ONGOING", dueDates: [], reportsQuarterly: true }, "2026-11-29", { kind: "ended" }],
    [
      "quarterly",
      { scheduleKind: "QUARTERLY", dueDates: ["2021-03-31", "2021-06-30", "2021-09-30"], reportsQuarterly: true },
      "2021-04-01",
      { kind: "upcoming", date: "2021-06-30", basis: "deadline" },
    ],
    [
      "annual by 31 March",
      { scheduleKind: "ANNUAL", dueDates: ["2021-03-31", "2022-03-31"], reportsQuarterly: false },
      "2021-04-01",
      { kind: "upcoming", date: "2022-03-31", basis: "deadline" },
    ],
    [
      "range: the quarter report comes before the final deadline",
      { scheduleKind: "RANGE", dueDates: ["2023-12-31"], reportsQuarterly: true },
      "2022-02-01",
      { kind: "upcoming", date: "2022-03-31", basis: "report" },
    ],
  ];
  it.each(cases)("%s", (_name, measure, today, expected) => {
    expect(nextDue(measure, plan, today)).toEqual(expected);
  });
});

describe("todayInChina", () => {
  it("uses UTC+8, so 16:30 UTC is already the next day", () => {
    expect(todayInChina(new Date("2025-12-31T16:30:00Z"))).toBe("2026-01-01");
    expect(todayInChina(new Date("2025-12-31T15:59:00Z"))).toBe("2025-12-31");
  });
});

describe("a department's due date", () => {
  it("is the period's, or the department's own extension when later", async () => {
    const { departmentDueDay, departmentDueDate, dayToDate } = await import("./due");
    expect(departmentDueDay("2026-10-10", null)).toBe("2026-10-10");
    expect(departmentDueDay("2026-10-10", "2026-12-31")).toBe("2026-12-31");
    // An administrator later moved the period past the extension: the later date holds.
    expect(departmentDueDay("2027-01-31", "2026-12-31")).toBe("2027-01-31");
    expect(departmentDueDate(dayToDate("2026-10-10"), dayToDate("2026-12-31")).toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(departmentDueDate(dayToDate("2026-10-10"), undefined).toISOString().slice(0, 10)).toBe("2026-10-10");
  });
});
