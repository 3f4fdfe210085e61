"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import { carryOverMeasures } from "./mutations";
import { carryoverFormInput, carryoverSchema } from "./schemas";

/** Carries chosen measures of an ended plan into another plan (administrators, 结转). */
export async function carryOverAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "plan:carryover",
    schema: carryoverSchema,
    input: carryoverFormInput(formData),
    namespace: "admin",
    mutate: (actor, input) => carryOverMeasures(db, actor, input),
    success: "carriedOver",
    revalidate: ["/plans", "/measures", "/departments", "/reports", "/admin/measures"],
  });
}
