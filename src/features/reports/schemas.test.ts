import { describe, expect, it } from "vitest";
import { MAX_TEXT, reviewReportSchema, saveReportSchema } from "./schemas";

const base = { periodId: "p1", expectedVersion: "0", intent: "save", progress: "", workDone: "", problems: "", nextSteps: "", values: {}, removeAttachmentIds: [] };
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe("report form validation", () => {
  it("accepts an empty draft and turns an unchosen progress into null", () => {
    const r = saveReportSchema.safeParse(base);
    expect(r.success && r.data.progress).toBe(null);
  });
  it("refuses a status not in the list with its own message", () => {
    expect(messages(saveReportSchema.safeParse({ ...base, progress: "DONE" }))).toEqual(["progressInvalid"]);
  });
  it("refuses a 5,000-page paste instead of cutting it", () => {
    expect(messages(saveReportSchema.safeParse({ ...base, workDone: "字".repeat(MAX_TEXT + 1) }))).toEqual(["textTooLong"]);
    expect(saveReportSchema.safeParse({ ...base, workDone: "字".repeat(MAX_TEXT) }).success).toBe(true);
  });
  it("reads indicator values as people write them and says what is wrong with the others", () => {
    const ok = saveReportSchema.safeParse({ ...base, values: { i1: "200", i2: "", i3: "93%", i4: "93.5 ％", i5: "1,200", i6: "1，200", i7: ".5" } });
    expect(ok.success && ok.data.values).toEqual({ i1: 200, i2: "", i3: 93, i4: 93.5, i5: 1200, i6: 1200, i7: 0.5 });
    expect(messages(saveReportSchema.safeParse({ ...base, values: { i1: "-3" } }))).toEqual(["valueNegative"]);
    expect(messages(saveReportSchema.safeParse({ ...base, values: { i1: "九十三" } }))).toEqual(["valueNotNumber"]);
    expect(messages(saveReportSchema.safeParse({ ...base, values: { i1: "abc" } }))).toEqual(["valueNotNumber"]);
    expect(messages(saveReportSchema.safeParse({ ...base, values: { i1: "93%%" } }))).toEqual(["valueNotNumber"]);
    expect(messages(saveReportSchema.safeParse({ ...base, values: { i1: "1e15" } }))).toEqual(["valueNotNumber"]);
    expect(messages(saveReportSchema.safeParse({ ...base, values: { i1: "1000000000000" } }))).toEqual(["valueTooLarge"]);
  });
  it("requires a reason to return a report, not to accept it", () => {
    const review = { reportId: "r1", expectedVersion: "2", decision: "RETURN", reason: "  " };
    expect(messages(reviewReportSchema.safeParse(review))).toEqual(["reasonRequired"]);
    expect(reviewReportSchema.safeParse({ ...review, decision: "ACCEPT" }).success).toBe(true);
  });
});
