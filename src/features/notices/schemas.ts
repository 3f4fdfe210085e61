import { z } from "zod";
import { dayInput, idInput, textInput, versionInput } from "@/lib/input";

/** The longest text of a notice, a reply or a reason. */
export const MAX_NOTICE_TEXT = 2000;

/** Messages are keys under "notices" in messages/*.json. */
export const issueNoticeSchema = z.object({
  measureId: idInput(),
  departmentId: z.string({ message: "departmentRequired" }).min(1, "departmentRequired").pipe(idInput()),
  // "" is "the measure as a whole, no particular period".
  periodId: z
    .union([z.literal(""), idInput()])
    .default("")
    .transform((v) => (v === "" ? null : v)),
  colour: z.enum(["BLUE", "YELLOW", "RED"], { message: "colourInvalid" }),
  dueDate: dayInput("dueDateInvalid"),
  text: textInput(MAX_NOTICE_TEXT, { tooLong: "textTooLong" }).pipe(z.string().trim().min(1, "textRequired")),
});

export const signNoticeSchema = z.object({
  noticeId: idInput(),
  expectedVersion: versionInput(1),
});

export const replyNoticeSchema = z.object({
  noticeId: idInput(),
  expectedVersion: versionInput(1),
  reply: textInput(MAX_NOTICE_TEXT, { tooLong: "textTooLong" }).pipe(z.string().trim().min(1, "replyRequired")),
});

export const decideNoticeSchema = z
  .object({
    noticeId: idInput(),
    expectedVersion: versionInput(1),
    decision: z.enum(["ACCEPT", "RETURN"]),
    reason: textInput(MAX_NOTICE_TEXT, { tooLong: "textTooLong" }).default(""),
  })
  .refine((v) => v.decision === "ACCEPT" || v.reason.trim().length > 0, { message: "reasonRequired", path: ["reason"] });
