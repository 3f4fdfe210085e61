import { z } from "zod";
import { idInput, textInput, versionInput } from "@/lib/input";

/** Messages are keys under "reports" in messages/*.json. */
export const applyClosureSchema = z.object({
  measureId: idInput(),
  summary: textInput(5000, { tooLong: "textTooLong" }).pipe(z.string().trim().min(1, "closureSummaryRequired")),
  /** References of files uploaded one by one to /api/evidence-uploads?measureId=…, to attach. */
  uploads: z.array(z.string().regex(/^[0-9a-f]{32}$/, "uploadExpired")).max(50).default([]),
});

export const decideClosureSchema = z
  .object({
    closureId: idInput(),
    expectedVersion: versionInput(1),
    decision: z.enum(["ACCEPT", "RETURN"]),
    reason: textInput(1000, { tooLong: "reasonTooLong" }).default(""),
  })
  .refine((v) => v.decision === "ACCEPT" || v.reason.trim().length > 0, { message: "reasonRequired", path: ["reason"] });

export const reopenMeasureSchema = z.object({
  measureId: idInput(),
  reason: textInput(1000, { tooLong: "reasonTooLong" }).pipe(z.string().trim().min(1, "reasonRequired")),
});

export const setNormalizedSchema = z.object({
  measureId: idInput(),
  normalized: z.enum(["true", "false"]).transform((v) => v === "true"),
});

const points = z.coerce.number({ message: "progressThresholds" }).int("progressThresholds").min(0, "progressThresholds").max(100, "progressThresholds");

export const progressSettingsSchema = z
  .object({
    planId: idInput(),
    yellowPoints: points,
    redPoints: points,
    closureSignoff: z.enum(["on", "off"]).default("off").transform((v) => v === "on"),
    // 部门负责人审签 (decision 032): a liaison's report goes to the department head before the bureau.
    headSignoff: z.enum(["on", "off"]).default("off").transform((v) => v === "on"),
  })
  .refine((v) => v.redPoints >= v.yellowPoints, { message: "progressThresholds", path: ["redPoints"] });
