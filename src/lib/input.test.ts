import { describe, expect, it } from "vitest";
import { dayInput, hasControlCharacters, isCalendarDay, MAX_INT, textInput, versionInput } from "./input";
import { requestExtensionSchema, saveReportSchema, reviewReportSchema, decideExtensionSchema, addInstructionSchema } from "@/features/reports/schemas";
import { setPeriodDueDateSchema, updateMeasureSchema } from "@/features/plan/schemas";
import { setUserEmailSchema, updateDepartmentSchema } from "@/features/admin/schemas";

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("calendar days", () => {
  it.each(["2027-02-28", "2028-02-29", "2026-12-31", "2000-02-29"])("accepts %s", (d) => expect(isCalendarDay(d)).toBe(true));
  it.each(["2027-02-30", "2027-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-4-1", "1900-02-29", "27-01-01", "2027-01-01T00:00", ""])("refuses %s", (d) =>
    expect(isCalendarDay(d)).toBe(false),
  );
  it("gives the schema's message for a rolled-over date", () => {
    expect(messages(dayInput("extensionDateInvalid").safeParse("2027-02-30"))).toEqual(["extensionDateInvalid"]);
    // Empty: asked for, once, not called invalid.
    expect(messages(dayInput("extensionDateInvalid").safeParse(""))).toEqual(["dateRequired"]);
  });
});

describe("text a person typed", () => {
  it("refuses NUL and other control characters, keeps tabs and line breaks", () => {
    expect(hasControlCharacters("a\u0000b")).toBe(true);
    expect(hasControlCharacters("a\u001bb")).toBe(true);
    expect(hasControlCharacters("a\u007fb")).toBe(true);
    expect(hasControlCharacters("第一行\r\n第二行\t结束")).toBe(false);
    expect(messages(textInput(10).safeParse("a\u0000"))).toEqual(["textInvalid"]);
    expect(messages(textInput(2, { tooLong: "textTooLong" }).safeParse("abc"))).toEqual(["textTooLong"]);
  });
});

describe("versions", () => {
  it("refuses a version an INTEGER column cannot hold", () => {
    expect(versionInput(0).safeParse(String(MAX_INT)).success).toBe(true);
    expect(versionInput(0).safeParse(String(MAX_INT + 1)).success).toBe(false);
    expect(versionInput(0).safeParse("1e400").success).toBe(false);
  });
});

// Every form schema uses the helpers: a NUL, a rolled-over date or an oversized version is refused by each one.
describe("every form schema", () => {
  const report = { periodId: "p1", expectedVersion: "0", intent: "save", progress: "", workDone: "", problems: "", nextSteps: "", values: {}, removeAttachmentIds: [] };
  it("refuses NUL in the report texts with the textInvalid message", () => {
    for (const field of ["workDone", "problems", "nextSteps"]) {
      expect(messages(saveReportSchema.safeParse({ ...report, [field]: "已完成\u0000" }))).toEqual(["textInvalid"]);
    }
    expect(saveReportSchema.safeParse({ ...report, expectedVersion: "2147483648" }).success).toBe(false);
    expect(saveReportSchema.safeParse({ ...report, periodId: "p\u00001" }).success).toBe(false);
  });
  it("refuses NUL in reasons, notes and instructions", () => {
    expect(messages(reviewReportSchema.safeParse({ reportId: "r", expectedVersion: "1", decision: "RETURN", reason: "x\u0000" }))).toContain("textInvalid");
    expect(messages(decideExtensionSchema.safeParse({ extensionId: "e", decision: "APPROVE", note: "\u0000" }))).toEqual(["textInvalid"]);
    expect(messages(addInstructionSchema.safeParse({ measureId: "m", text: "请\u0000" }))).toEqual(["textInvalid"]);
    expect(messages(requestExtensionSchema.safeParse({ periodId: "p", requestedDueDate: "2027-03-01", reason: "\u0000" }))).toEqual(["textInvalid"]);
  });
  it("refuses a date that is not on the calendar instead of rolling it over", () => {
    expect(messages(requestExtensionSchema.safeParse({ periodId: "p", requestedDueDate: "2027-02-30", reason: "等待文件" }))).toEqual(["extensionDateInvalid"]);
    expect(messages(setPeriodDueDateSchema.safeParse({ periodId: "p", expectedVersion: "1", dueDate: "2027-13-01" }))).toEqual(["dateInvalid"]);
    const measure = { measureId: "m", expectedVersion: "1", text: "措施", scheduleKind: "DEADLINE", scheduleStart: "", deadline: "2027-02-30" };
    expect(messages(updateMeasureSchema.safeParse(measure))).toEqual(["dateInvalid"]);
    expect(updateMeasureSchema.safeParse({ ...measure, expectedVersion: "99999999999" }).success).toBe(false);
  });
  it("refuses NUL in the administrators' forms", () => {
    expect(messages(updateDepartmentSchema.safeParse({ departmentId: "d", shortName: "市某局", fullName: "黄石市\u0000", aliases: "", kind: "CITY" }))).toEqual(["textInvalid"]);
    expect(messages(updateDepartmentSchema.safeParse({ departmentId: "d", shortName: "市某局", fullName: "黄石市", aliases: "甲\u0000", kind: "CITY" }))).toEqual(["textInvalid"]);
    expect(messages(setUserEmailSchema.safeParse({ userId: "u", email: "a\u0000@b.cn" }))).toEqual(["emailInvalid"]);
  });
});
