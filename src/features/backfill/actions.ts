"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { backfillReport, reportOnBehalf } from "./mutations";
import { backfillSchema, bureauFormInput, filledValues, onBehalfSchema } from "./schemas";

/** 补录: a department's past report entered with its real days (administrators). */
export async function backfillReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "report:backfill",
    schema: backfillSchema,
    input: bureauFormInput(formData),
    namespace: "reports",
    mutate: (actor, input) => backfillReport(db, actor, { ...input, values: filledValues(input.values) }),
    success: "backfill.saved",
    revalidate: ["/reports", "/review"],
  });
}

/** 代填报: a department's report filled in now on its behalf (administrators). */
export async function reportOnBehalfAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "report:onBehalf",
    schema: onBehalfSchema,
    input: bureauFormInput(formData),
    namespace: "reports",
    mutate: (actor, input) => reportOnBehalf(db, actor, { ...input, values: filledValues(input.values) }),
    success: "backfill.onBehalfSaved",
    revalidate: ["/reports", "/review"],
  });
}
