import { describe, expect, it } from "vitest";
import { escalationChanges, instructionEscalates, noticeEscalates, progressEscalates, type EscalationKey } from "./escalation";
import { WEEKENDS_ONLY } from "./working-days";

describe("what escalates", () => {
  it("a red 进度 light, unless the measure is closed", () => {
    expect(progressEscalates({ light: "RED", state: "DEADLINE_MISSED" })).toBe(true);
    expect(progressEscalates({ light: "RED", state: "FAR_BEHIND" })).toBe(true);
    expect(progressEscalates({ light: "YELLOW", state: "BEHIND" })).toBe(false);
    expect(progressEscalates({ light: "RED", state: "CLOSED" })).toBe(false);
  });

  it("a notice red on the day and unanswered: issued red, or risen to red past its limit", () => {
    const red = { colour: "RED" as const, dueDate: "2026-03-10", answeredOn: null };
    expect(noticeEscalates(red, "2026-03-01", WEEKENDS_ONLY)).toBe(true);
    expect(noticeEscalates({ ...red, answeredOn: "2026-03-05" }, "2026-03-06", WEEKENDS_ONLY)).toBe(false);
    const yellow = { colour: "YELLOW" as const, dueDate: "2026-03-10", answeredOn: null };
    expect(noticeEscalates(yellow, "2026-03-10", WEEKENDS_ONLY)).toBe(false);
    expect(noticeEscalates(yellow, "2026-03-11", WEEKENDS_ONLY)).toBe(true);
    // A blue one reaches red only after more than five working days late.
    const blue = { colour: "BLUE" as const, dueDate: "2026-03-10", answeredOn: null };
    expect(noticeEscalates(blue, "2026-03-17", WEEKENDS_ONLY)).toBe(false);
    expect(noticeEscalates(blue, "2026-03-18", WEEKENDS_ONLY)).toBe(true);
  });

  it("an assigned instruction the day after its deadline, without a reply", () => {
    expect(instructionEscalates({ state: "ASSIGNED", deadline: "2026-03-10" }, "2026-03-10")).toBe(false);
    expect(instructionEscalates({ state: "ASSIGNED", deadline: "2026-03-10" }, "2026-03-11")).toBe(true);
    expect(instructionEscalates({ state: "REPLIED", deadline: "2026-03-10" }, "2026-03-11")).toBe(false);
    expect(instructionEscalates({ state: "PENDING", deadline: null }, "2026-03-11")).toBe(false);
  });
});

describe("once per occurrence", () => {
  const red = (subjectId: string, departmentId = "D"): EscalationKey => ({ kind: "PROGRESS_RED", subjectId, departmentId });

  it("opens a condition once, keeps it while it lasts, closes it when it ends, and opens it again when it returns", () => {
    const first = escalationChanges([red("m1"), red("m1")], []);
    expect(first).toEqual({ toOpen: [red("m1")], toClose: [] });
    const open = [{ ...red("m1"), id: "e1" }];
    expect(escalationChanges([red("m1")], open)).toEqual({ toOpen: [], toClose: [] });
    expect(escalationChanges([], open)).toEqual({ toOpen: [], toClose: open });
    expect(escalationChanges([red("m1")], [])).toEqual({ toOpen: [red("m1")], toClose: [] });
  });

  it("tells each kind and department apart", () => {
    const open = [{ ...red("m1"), id: "e1" }];
    const notice: EscalationKey = { kind: "NOTICE_RED", subjectId: "m1", departmentId: "D" };
    expect(escalationChanges([red("m1"), notice, red("m1", "E")], open)).toEqual({ toOpen: [notice, red("m1", "E")], toClose: [] });
  });
});
