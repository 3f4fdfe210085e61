"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { asRuleError, importPlan, previewPlanImport, type PlanImportResult } from "./mutations";
import type { PlanPreview } from "./preview";
import { readPastedText } from "./read";
import { importInputSchema, previewInputSchema } from "./schemas";
import { PlanFileError, type TableRow } from "./table";

export type PreviewState = ActionState & { result?: { rows: TableRow[]; preview: PlanPreview } };
export type ImportState = ActionState & { result?: PlanImportResult };

/** Parses pasted text, or re-parses the rows as edited in the preview (administrators only; writes nothing). */
export async function previewPlanImportAction(_prev: PreviewState, formData: FormData): Promise<PreviewState> {
  return runAction({
    permission: "plan:import",
    schema: previewInputSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: async (actor, input) => {
      let rows: TableRow[] = input.rows ?? [];
      if (input.pasted !== undefined && input.rows === undefined) {
        try {
          rows = readPastedText(input.pasted);
        } catch (error) {
          throw error instanceof PlanFileError ? asRuleError(error) : error;
        }
      }
      return { rows, preview: await previewPlanImport(db, actor, { startYear: input.startYear, endYear: input.endYear, rows }) };
    },
    success: "planImport.previewReady",
  });
}

/** Imports the rows confirmed in the preview as a new plan (administrators only). */
export async function importPlanAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  return runAction({
    permission: "plan:import",
    schema: importInputSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => importPlan(db, actor, input),
    success: "planImport.imported",
    revalidate: ["/", "/plans", "/admin/plans"],
  });
}
