import { z } from "zod";
import { dayInput, idInput, textInput, versionInput } from "@/lib/input";
import { MEASURE_ROLES, type MeasureRole } from "./rules";

/** Messages are keys under "admin". */

const required = (max: number, tooLong: string, missing: string) => textInput(max, { tooLong }).pipe(z.string().trim().min(1, missing));

/** A decimal as typed (「20」, 「0.5」), empty for none; at most 12 digits before the point and 2 after (the column's). */
const optionalNumber = z
  .string()
  .trim()
  .refine((s) => s === "" || /^-?\d{1,12}(\.\d{1,2})?$/.test(s), { message: "numberInvalid" })
  .transform((s) => (s === "" ? null : Number(s)));

export const addKeyTaskSchema = z.object({
  planId: idInput(),
  title: required(200, "keyTaskTitleTooLong", "keyTaskTitleRequired"),
});

export const updateKeyTaskSchema = z.object({
  keyTaskId: idInput(),
  expectedVersion: versionInput(1),
  title: required(200, "keyTaskTitleTooLong", "keyTaskTitleRequired"),
});

const reason = required(500, "withdrawReasonTooLong", "withdrawReasonRequired");

export const withdrawKeyTaskSchema = z.object({
  keyTaskId: idInput(),
  expectedVersion: versionInput(1),
  reason,
});

export const addMeasureSchema = z.object({
  keyTaskId: idInput(),
  text: required(2000, "measureTextTooLong", "measureTextRequired"),
  departmentsText: required(300, "departmentsTextTooLong", "departmentsTextRequired"),
  timeArrangement: required(200, "timeArrangementTooLong", "timeArrangementRequired"),
});

export const withdrawMeasureSchema = z.object({
  measureId: idInput(),
  expectedVersion: versionInput(1),
  reason,
});

const role = z.enum(MEASURE_ROLES as [MeasureRole, ...MeasureRole[]], { message: "invalidInput" });

/**
 * The departments form: one `role:<departmentId>` field per department on the measure (a role, or
 * REMOVE), and optionally `addDepartmentId` with `addRole`. Read into the list in form order.
 */
export const setMeasureDepartmentsSchema = z
  .record(z.string(), z.unknown())
  .transform((fields) => ({
    measureId: fields.measureId,
    expectedVersion: fields.expectedVersion,
    departments: [
      ...Object.entries(fields)
        .filter(([k, v]) => k.startsWith("role:") && v !== "REMOVE")
        .map(([k, v]) => ({ departmentId: k.slice(5), role: v })),
      ...(typeof fields.addDepartmentId === "string" && fields.addDepartmentId !== "" ? [{ departmentId: fields.addDepartmentId, role: fields.addRole }] : []),
    ],
    // The day a department added to a running measure starts to owe its periods (decision 031); empty: today.
    ...(typeof fields.addStartsOn === "string" && fields.addStartsOn !== "" ? { addedStartsOn: fields.addStartsOn } : {}),
  }))
  .pipe(
    z.object({
      measureId: idInput(),
      expectedVersion: versionInput(1),
      departments: z.array(z.object({ departmentId: idInput(), role })).max(100),
      addedStartsOn: dayInput("dateInvalid").optional(),
    }),
  );

const indicatorFields = {
  name: required(100, "indicatorNameTooLong", "indicatorNameRequired"),
  unit: textInput(20, { tooLong: "indicatorUnitTooLong" }).transform((s) => s.trim()),
  comparison: z.enum(["GTE", "LTE", "EQ"], { message: "invalidInput" }),
  target: optionalNumber,
  period: z.enum(["YEAR", "PLAN", "CYCLE"], { message: "invalidInput" }),
  direction: z.enum(["NONE", "DECREASE", "INCREASE"], { message: "invalidInput" }).transform((d) => (d === "NONE" ? null : d)),
  baseline: optionalNumber,
};

export const addIndicatorSchema = z.object({ measureId: idInput(), ...indicatorFields });

export const updateIndicatorSchema = z.object({ indicatorId: idInput(), expectedVersion: versionInput(1), ...indicatorFields });

export const confirmIndicatorSchema = z.object({ indicatorId: idInput(), expectedVersion: versionInput(1) });
