import { z } from "zod";
import { dayInput, idInput, textInput, versionInput } from "@/lib/input";

/** Longest text a report field takes: about three pages of Chinese. Longer pastes are refused, not cut. */
export const MAX_TEXT = 5000;

const text = textInput(MAX_TEXT, { tooLong: "textTooLong" }).default("");

/**
 * An indicator value as people write it: "93", "93%", "93 ％", "1,200", "1，200" (digits, with the
 * unit's percent sign or thousands separators); "" is not filled in yet. Anything else, say 「九十三」,
 * is refused with a message that says to write digits.
 */
export const indicatorValue = z.string().transform((raw, ctx): number | "" => {
  const v = raw.replace(/[\s,，]/g, "").replace(/[%％]$/, "");
  if (v === "") return "";
  const message = !/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v) ? "valueNotNumber" : Number(v) < 0 ? "valueNegative" : Number(v) > 999_999_999_999 ? "valueTooLarge" : null;
  if (message) {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  }
  return Number(v);
});

/** Messages are keys under "reports" in messages/*.json. */
export const saveReportSchema = z.object({
  periodId: idInput(),
  expectedVersion: versionInput(0),
  intent: z.enum(["save", "submit"]),
  // "" is "not chosen yet", allowed in a draft.
  progress: z
    .enum(["", "NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DIFFICULT"], { message: "progressInvalid" })
    .transform((v) => (v === "" ? null : v)),
  workDone: text,
  problems: text,
  nextSteps: text,
  values: z.record(idInput(), indicatorValue),
  removeAttachmentIds: z.array(idInput()).max(50).default([]),
  /** References of files uploaded one by one to /api/evidence-uploads, to attach. */
  uploads: z.array(z.string().regex(/^[0-9a-f]{32}$/, "uploadExpired")).max(50).default([]),
});

export const reviewReportSchema = z
  .object({
    reportId: idInput(),
    expectedVersion: versionInput(1),
    decision: z.enum(["ACCEPT", "RETURN"]),
    reason: textInput(1000, { tooLong: "reasonTooLong" }).default(""),
  })
  .refine((v) => v.decision === "ACCEPT" || v.reason.trim().length > 0, { message: "reasonRequired", path: ["reason"] });

export const requestExtensionSchema = z.object({
  periodId: idInput(),
  requestedDueDate: dayInput("extensionDateInvalid"),
  reason: textInput(1000, { tooLong: "reasonTooLong" }).pipe(z.string().trim().min(1, "extensionReasonRequired")),
});

export const decideExtensionSchema = z.object({
  extensionId: idInput(),
  decision: z.enum(["APPROVE", "REJECT"]),
  note: textInput(1000, { tooLong: "reasonTooLong" }).default(""),
});

export const addInstructionSchema = z.object({
  measureId: idInput(),
  text: textInput(1000, { tooLong: "reasonTooLong" }).pipe(z.string().trim().min(1, "instructionRequired")),
  // 交办 at once: the department (by default the measure's lead) and the deadline; without a deadline it waits to be assigned.
  departmentId: z.union([z.literal(""), idInput()]).default("").transform((v) => v || null),
  deadline: z.union([z.literal(""), dayInput("deadlineInvalid")]).default("").transform((v) => v || null),
});

/** Splits a report form into the shape saveReportSchema reads. */
export function reportFormInput(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("value:") && typeof value === "string") values[key.slice(6)] = value.trim();
  }
  return {
    periodId: formData.get("periodId"),
    expectedVersion: formData.get("expectedVersion"),
    intent: formData.get("intent"),
    progress: formData.get("progress") ?? "",
    workDone: formData.get("workDone") ?? "",
    problems: formData.get("problems") ?? "",
    nextSteps: formData.get("nextSteps") ?? "",
    values,
    removeAttachmentIds: formData.getAll("removeAttachment").filter((v): v is string => typeof v === "string"),
    uploads: formData.getAll("upload").filter((v): v is string => typeof v === "string"),
  };
}

/** 部门负责人审签 (decision 032): the head passes the report to the bureau or returns it with a reason. */
export const signoffReportSchema = z
  .object({
    reportId: idInput(),
    expectedVersion: versionInput(1),
    decision: z.enum(["APPROVE", "RETURN"]),
    reason: textInput(1000, { tooLong: "reasonTooLong" }).default(""),
  })
  .refine((v) => v.decision === "APPROVE" || v.reason.trim().length > 0, { message: "reasonRequired", path: ["reason"] });
