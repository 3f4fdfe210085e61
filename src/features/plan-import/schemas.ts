import { z } from "zod";
import { MAX_ROWS } from "./table";

/** A plan's identity as the import form and the command line give it; messages are keys under "admin.planImport". */
export const planMetaSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/u, "planImport.badCode"),
    title: z.string().trim().min(1, "planImport.titleRequired").max(200, "planImport.titleTooLong"),
    issuer: z.string().trim().max(200, "planImport.titleTooLong").default(""),
    startYear: z.coerce.number().int("planImport.badYears").min(2000, "planImport.badYears").max(2100, "planImport.badYears"),
    endYear: z.coerce.number().int("planImport.badYears").min(2000, "planImport.badYears").max(2100, "planImport.badYears"),
  })
  .refine((v) => v.endYear >= v.startYear && v.endYear - v.startYear <= 20, { message: "planImport.badYears", path: ["endYear"] });

export type PlanMeta = z.output<typeof planMetaSchema>;

/** A row as the preview sends it back after the administrator's edits. */
export const tableRowSchema = z.object({
  line: z.number().int().min(0),
  taskNumber: z.number().int().min(1).max(9999),
  taskTitle: z.string().trim().min(1, "planImport.taskTitleRequired").max(500),
  text: z.string().trim().min(1, "planImport.measureRequired").max(5000),
  departmentsText: z.string().trim().min(1, "planImport.departmentsRequired").max(500),
  timeArrangement: z.string().trim().max(200),
  jointLeadsText: z.string().trim().max(500).optional(),
  baselinesText: z.string().trim().max(500).optional(),
});

/**
 * Server actions take at most 1 MB (next.config.ts); a Chinese character is 3 bytes of UTF-8, so
 * texts sent to them stay under 300 000 characters. A plan's table is some 10 000.
 */
export const MAX_ACTION_TEXT = 300_000;

const rowsJson = z
  .string()
  .max(MAX_ACTION_TEXT, "planImport.tooLarge")
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "planImport.invalidRows" });
      return z.NEVER;
    }
  })
  .pipe(z.array(tableRowSchema, { message: "planImport.invalidRows" }).min(1, "planImport.noRows").max(MAX_ROWS, "planImport.tooManyRowsShort"));

/** The preview action's input: the plan years and either the edited rows or pasted text. */
export const previewInputSchema = z.object({
  startYear: z.coerce.number().int().min(2000, "planImport.badYears").max(2100, "planImport.badYears"),
  endYear: z.coerce.number().int().min(2000, "planImport.badYears").max(2100, "planImport.badYears"),
  rows: rowsJson.optional(),
  pasted: z.string().max(MAX_ACTION_TEXT, "planImport.tooLarge").optional(),
}).refine((v) => v.endYear >= v.startYear && v.endYear - v.startYear <= 20, { message: "planImport.badYears", path: ["endYear"] });

/** The import action's input: the plan's identity and the rows as confirmed in the preview. */
export const importInputSchema = z.intersection(planMetaSchema, z.object({ rows: rowsJson }));
