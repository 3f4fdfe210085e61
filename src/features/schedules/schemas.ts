import { z } from "zod";
import { dayInput, idInput, versionInput } from "@/lib/input";

const cadence = z.enum(["NONE", "MONTHLY", "QUARTERLY", "HALF_YEARLY", "ANNUAL"], { message: "invalidInput" });
const optionalDay = z.union([z.literal(""), dayInput("dateInvalid")]).transform((v) => v || null);
/** Checkpoint days, one per line or separated by commas or spaces. */
const dayList = z
  .string()
  .max(2000, { message: "invalidInput" })
  .transform((v) => v.split(/[\s,，、]+/u).filter(Boolean))
  .pipe(z.array(dayInput("checkpointInvalid")).max(120, { message: "invalidInput" }));

/** Messages are keys under "admin". "PLAN" as cadence: follow the plan's default. */
export const setMeasureReportingSchema = z.object({
  measureId: idInput(),
  expectedVersion: versionInput(1),
  cadence: z.union([z.literal("PLAN"), cadence]).transform((v) => (v === "PLAN" ? null : v)),
  trackingStart: optionalDay,
  checkpoints: dayList,
});

export const confirmDeadlineSchema = z.object({
  measureId: idInput(),
  expectedVersion: versionInput(1),
});

export const setPlanReportingSchema = z.object({
  planId: idInput(),
  defaultCadence: cadence,
  trackingStart: optionalDay,
});
