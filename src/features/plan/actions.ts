"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import { setPeriodDueDate, setPlanStatus, updateMeasure } from "./mutations";
import { setPeriodDueDateSchema, setPlanStatusSchema, updateMeasureSchema } from "./schemas";

/** Corrects a measure's text or sets its schedule by hand (administrators). */
export async function updateMeasureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "measure:manage",
    schema: updateMeasureSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => updateMeasure(db, actor, input),
    success: "saved",
    revalidate: ["/plans", "/measures", "/admin/schedules"],
  });
}

/** Moves one reporting period's due date (administrators). */
export async function setPeriodDueDateAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "measure:manage",
    schema: setPeriodDueDateSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setPeriodDueDate(db, actor, input),
    success: "saved",
    revalidate: ["/measures", "/reports"],
  });
}

/** Moves a plan along its lifecycle (administrators, from the plan's page). */
export async function setPlanStatusAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "plan:manage",
    schema: setPlanStatusSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setPlanStatus(db, actor, input),
    success: "planStatusSaved",
    revalidate: ["/plans", "/departments", "/reports"],
  });
}
