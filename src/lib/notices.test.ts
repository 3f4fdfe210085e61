import { describe, expect, it } from "vitest";
import { countNotices, ESCALATE_AGAIN_AFTER_WORKING_DAYS, noticeColourOn as colourOn, noticeNumber, overdueUnanswered, workingDaysLate, type NoticeFacts, type NoticeTiming } from "./notices";
import { WEEKENDS_ONLY, workingCalendar } from "./working-days";

/** The colour on a plain Monday–Friday week (the calendar's own cases are below). */
const noticeColourOn = (n: NoticeTiming, day: string) => colourOn(n, day, WEEKENDS_ONLY);

describe("noticeNumber", () => {
  it.each([
    [2026, 3, "督〔2026〕3号"],
    [2026, 1, "督〔2026〕1号"],
    [2027, 120, "督〔2027〕120号"],
  ])("%i, %i → %s", (year, serial, expected) => {
    expect(noticeNumber(year, serial)).toBe(expected);
  });
});

describe("noticeColourOn: escalation past the limit", () => {
  const blue = { colour: "BLUE" as const, dueDate: "2026-03-10", answeredOn: null };
  it.each([
    ["2026-03-01", "BLUE", 0],
    ["2026-03-10", "BLUE", 0], // the limit itself: still in time
    ["2026-03-11", "YELLOW", 1], // the first day late
    ["2026-03-17", "YELLOW", 7], // the last day at one step: 5 working days late (Wed–Fri, Mon, Tue)
    ["2026-03-18", "RED", 8], // more than 5 working days late
    ["2026-06-30", "RED", 112],
  ])("a blue notice due 2026-03-10, unanswered, on %s is %s (%i days late)", (day, colour, daysLate) => {
    expect(noticeColourOn(blue, day)).toMatchObject({ colour, daysLate, escalated: colour !== "BLUE" });
  });

  it("a yellow notice is red from the first day late; a red one stays red", () => {
    expect(noticeColourOn({ colour: "YELLOW", dueDate: "2026-03-10", answeredOn: null }, "2026-03-10").colour).toBe("YELLOW");
    expect(noticeColourOn({ colour: "YELLOW", dueDate: "2026-03-10", answeredOn: null }, "2026-03-11").colour).toBe("RED");
    expect(noticeColourOn({ colour: "RED", dueDate: "2026-03-10", answeredOn: null }, "2026-12-31")).toMatchObject({ colour: "RED", escalated: false });
  });

  it("stops escalating on the day of the answer, and replays the days before it", () => {
    const late = { colour: "BLUE" as const, dueDate: "2026-03-10", answeredOn: "2026-03-12" };
    expect(noticeColourOn(late, "2026-03-11")).toMatchObject({ colour: "YELLOW", daysLate: 1 });
    expect(noticeColourOn(late, "2026-03-12")).toMatchObject({ colour: "YELLOW", daysLate: 2 });
    expect(noticeColourOn(late, "2026-05-01")).toMatchObject({ colour: "YELLOW", daysLate: 2 });
    const onTime = { colour: "BLUE" as const, dueDate: "2026-03-10", answeredOn: "2026-03-10" };
    expect(noticeColourOn(onTime, "2026-09-01")).toMatchObject({ colour: "BLUE", daysLate: 0, escalated: false });
  });

  it("counts a notice overdue and unanswered from the day after its limit until its answer", () => {
    const n = { colour: "RED" as const, dueDate: "2026-03-10", answeredOn: "2026-03-15" };
    expect(overdueUnanswered(n, "2026-03-10")).toBe(false);
    expect(overdueUnanswered(n, "2026-03-11")).toBe(true);
    expect(overdueUnanswered(n, "2026-03-14")).toBe(true);
    expect(overdueUnanswered(n, "2026-03-15")).toBe(false);
  });
});

describe("countNotices: per department and quarter", () => {
  const q1 = { from: "2026-01-01", to: "2026-03-31" };
  const notices: NoticeFacts[] = [
    // A: issued red in the quarter, answered in time.
    { departmentId: "A", issuedOn: "2026-01-05", colour: "RED", dueDate: "2026-01-20", answeredOn: "2026-01-18" },
    // A: blue, never answered, due 2026-03-20: yellow on 03-21, red on 03-28 (more than 7 days late).
    { departmentId: "A", issuedOn: "2026-03-01", colour: "BLUE", dueDate: "2026-03-20", answeredOn: null },
    // B: issued the quarter before, still unanswered: counts as overdue, not as issued.
    { departmentId: "B", issuedOn: "2025-12-01", colour: "YELLOW", dueDate: "2025-12-15", answeredOn: null },
    // B: issued after the quarter.
    { departmentId: "B", issuedOn: "2026-04-02", colour: "RED", dueDate: "2026-04-10", answeredOn: null },
    // C: issued the quarter before and answered: not counted at all.
    { departmentId: "C", issuedOn: "2025-11-01", colour: "RED", dueDate: "2025-11-10", answeredOn: "2025-11-09" },
  ];

  it("at the quarter's end", () => {
    const counts = countNotices(notices, q1, "2026-06-30", WEEKENDS_ONLY);
    expect(Object.fromEntries(counts)).toEqual({
      A: { issued: 2, red: 2, yellow: 0, overdueUnanswered: 1 },
      B: { issued: 0, red: 0, yellow: 0, overdueUnanswered: 1 },
    });
  });

  it("as of a day inside the quarter, from what was known then", () => {
    expect(countNotices(notices, q1, "2026-03-25", WEEKENDS_ONLY).get("A")).toEqual({ issued: 2, red: 1, yellow: 1, overdueUnanswered: 1 });
    expect(countNotices(notices, q1, "2026-03-20", WEEKENDS_ONLY).get("A")).toEqual({ issued: 2, red: 1, yellow: 0, overdueUnanswered: 0 });
    expect(countNotices(notices, q1, "2026-01-10", WEEKENDS_ONLY).get("A")).toEqual({ issued: 1, red: 1, yellow: 0, overdueUnanswered: 0 });
  });
});

describe("escalation counted in working days (decision 032)", () => {
  // 2026-09-30 (Wed) is the limit; 1–7 October are the National Day holidays, 10 October (Sat) is worked (调休).
  const calendar = workingCalendar([
    ...["01", "02", "03", "04", "05", "06", "07"].map((d) => ({ day: `2026-10-${d}`, working: false })),
    { day: "2026-10-10", working: true },
  ]);
  const blue = { colour: "BLUE" as const, dueDate: "2026-09-30", answeredOn: null };

  it("does not rise over the holidays: the first working day late is the first after them", () => {
    expect(workingDaysLate("2026-09-30", "2026-10-07", calendar)).toBe(0);
    expect(colourOn(blue, "2026-10-07", calendar)).toMatchObject({ colour: "BLUE", daysLate: 7, escalated: false });
    expect(colourOn(blue, "2026-10-08", calendar)).toMatchObject({ colour: "YELLOW", daysLate: 8, escalated: true });
    // On a plain week the same days would have reached red.
    expect(colourOn(blue, "2026-10-08", WEEKENDS_ONLY).colour).toBe("RED");
  });

  it("counts a worked weekend day and rises again after more than five working days", () => {
    // 8, 9, 10 (worked Saturday), 12, 13 October: five working days late, still one step.
    expect(workingDaysLate("2026-09-30", "2026-10-13", calendar)).toBe(5);
    expect(colourOn(blue, "2026-10-13", calendar).colour).toBe("YELLOW");
    expect(colourOn(blue, "2026-10-14", calendar).colour).toBe("RED");
    expect(ESCALATE_AGAIN_AFTER_WORKING_DAYS).toBe(5);
  });

  it("a weekend right after the limit is no working day late; the answer stops the count", () => {
    const friday = { colour: "YELLOW" as const, dueDate: "2026-03-13", answeredOn: null };
    expect(colourOn(friday, "2026-03-15", WEEKENDS_ONLY).colour).toBe("YELLOW");
    expect(colourOn(friday, "2026-03-16", WEEKENDS_ONLY).colour).toBe("RED");
    expect(colourOn({ ...blue, answeredOn: "2026-10-09" }, "2026-12-31", calendar)).toMatchObject({ colour: "YELLOW", daysLate: 9 });
  });
});
