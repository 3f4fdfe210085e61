import { z } from "zod";
import { dayInput, idInput, textInput } from "@/lib/input";
import { indicatorValue, MAX_TEXT } from "@/features/reports/schemas";

const text = textInput(MAX_TEXT, { tooLong: "textTooLong" }).default("");

/** The report the bureau enters for a department; messages are keys under "reports". */
const content = {
  periodId: idInput(),
  departmentId: idInput(),
  progress: z.enum(["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DIFFICULT"], { message: "progressInvalid" }),
  workDone: textInput(MAX_TEXT, { tooLong: "textTooLong" }).pipe(z.string().trim().min(1, "backfill.workDoneRequired")),
  problems: text,
  nextSteps: text,
  values: z.record(idInput(), indicatorValue),
};

/** 补录: the report as it was, with the day it was really submitted and (optionally) accepted. */
export const backfillSchema = z.object({
  ...content,
  submittedOn: dayInput("backfill.dateInvalid"),
  acceptedOn: z.union([z.literal(""), dayInput("backfill.dateInvalid")]).default("").transform((v) => v || null),
});

/** 代填报: the report entered now on the department's behalf. */
export const onBehalfSchema = z.object(content);

/** Splits the bureau's report form into the shape the schemas read (indicator values come as `value:<id>`). */
export function bureauFormInput(formData: FormData) {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("value:") && typeof value === "string" && value.trim() !== "") values[key.slice(6)] = value.trim();
  }
  const field = (name: string) => formData.get(name) ?? "";
  return {
    periodId: field("periodId"),
    departmentId: field("departmentId"),
    progress: field("progress"),
    workDone: field("workDone"),
    problems: field("problems"),
    nextSteps: field("nextSteps"),
    submittedOn: field("submittedOn"),
    acceptedOn: field("acceptedOn"),
    values,
  };
}

/** Indicator values as the mutations take them: the ones filled in. */
export const filledValues = (values: Record<string, number | "">) => Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => e[1] !== ""));
