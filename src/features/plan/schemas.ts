import { z } from "zod";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "dateInvalid");

/** Messages are keys under "admin". */
export const updateMeasureSchema = z.object({
  measureId: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().min(1),
  text: z.string().trim().min(1, "measureTextRequired").max(2000, "measureTextTooLong"),
  scheduleKind: z.enum(["QUARTERLY", "ANNUAL", "ONGOING", "DEADLINE", "RANGE"], { message: "invalidInput" }),
  scheduleStart: z.union([z.literal(""), isoDate]).transform((v) => v || null),
  deadline: z.union([z.literal(""), isoDate]).transform((v) => v || null),
});

export const setPeriodDueDateSchema = z.object({
  periodId: z.string().min(1).max(40),
  expectedVersion: z.coerce.number().int().min(1),
  dueDate: isoDate,
});
