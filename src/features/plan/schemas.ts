import { z } from "zod";
import { dayInput, idInput, textInput, versionInput } from "@/lib/input";

const isoDate = dayInput("dateInvalid");

/** Messages are keys under "admin". */
export const updateMeasureSchema = z.object({
  measureId: idInput(),
  expectedVersion: versionInput(1),
  text: textInput(2000, { tooLong: "measureTextTooLong" }).pipe(z.string().trim().min(1, "measureTextRequired")),
  scheduleKind: z.enum(["QUARTERLY", "MONTHLY", "HALF_YEARLY", "ANNUAL", "ONGOING", "DEADLINE", "RANGE"], { message: "invalidInput" }),
  scheduleStart: z.union([z.literal(""), isoDate]).transform((v) => v || null),
  deadline: z.union([z.literal(""), isoDate]).transform((v) => v || null),
});

export const setPeriodDueDateSchema = z.object({
  periodId: idInput(),
  expectedVersion: versionInput(1),
  dueDate: isoDate,
});

const planStatus = z.enum(["DRAFT", "ACTIVE", "ENDED", "ARCHIVED"], { message: "invalidInput" });

/** An administrator moves a plan along its lifecycle; `from` is the state the page showed. */
export const setPlanStatusSchema = z.object({
  planId: idInput(),
  from: planStatus,
  to: planStatus,
});
