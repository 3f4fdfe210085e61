import { z } from "zod";
import { dayInput, idInput, textInput, versionInput } from "@/lib/input";

/** The longest 落实情况 or reason. */
export const MAX_INSTRUCTION_TEXT = 2000;

/** Messages are keys under "instructions" in messages/*.json. */
export const assignInstructionSchema = z.object({
  instructionId: idInput(),
  expectedVersion: versionInput(1),
  departmentId: z.string({ message: "departmentRequired" }).min(1, "departmentRequired").pipe(idInput()),
  deadline: dayInput("deadlineInvalid"),
});

export const replyInstructionSchema = z.object({
  instructionId: idInput(),
  expectedVersion: versionInput(1),
  reply: textInput(MAX_INSTRUCTION_TEXT, { tooLong: "textTooLong" }).pipe(z.string().trim().min(1, "replyRequired")),
});

export const decideInstructionSchema = z
  .object({
    instructionId: idInput(),
    expectedVersion: versionInput(1),
    decision: z.enum(["CLOSE", "RETURN"]),
    reason: textInput(MAX_INSTRUCTION_TEXT, { tooLong: "textTooLong" }).default(""),
  })
  .refine((v) => v.decision === "CLOSE" || v.reason.trim().length > 0, { message: "reasonRequired", path: ["reason"] });
