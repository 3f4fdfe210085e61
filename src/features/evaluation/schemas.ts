import { z } from "zod";
import { idInput, textInput, versionInput } from "@/lib/input";

/** Messages are keys under "evaluation" in messages/*.json. */
export const confirmVerdictSchema = z.object({
  measureId: idInput(),
  verdict: z.enum(["COMPLETED", "MOSTLY_COMPLETED", "NOT_COMPLETED", "NORMALIZED"], { message: "verdictInvalid" }),
  reason: textInput(1000, { tooLong: "reasonTooLong" }).default(""),
  /** 0: no verdict stored yet. */
  expectedVersion: versionInput(0),
});
