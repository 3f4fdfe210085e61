"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import {
  addIndicator,
  addKeyTask,
  addMeasure,
  confirmIndicator,
  setMeasureDepartments,
  updateIndicator,
  updateKeyTask,
  withdrawKeyTask,
  withdrawMeasure,
} from "./mutations";
import {
  addIndicatorSchema,
  addKeyTaskSchema,
  addMeasureSchema,
  confirmIndicatorSchema,
  setMeasureDepartmentsSchema,
  updateIndicatorSchema,
  updateKeyTaskSchema,
  withdrawKeyTaskSchema,
  withdrawMeasureSchema,
} from "./schemas";

type Form = (state: ActionState, formData: FormData) => Promise<ActionState>;

// Every page that shows a plan's structure, a measure, or counts of either.
const revalidate = ["/plans", "/measures", "/departments", "/reports", "/admin/measures"];

const structureAction =
  <S extends Parameters<typeof runAction>[0]["schema"]>(schema: S, mutate: Parameters<typeof runAction<S, unknown>>[0]["mutate"], success: string): Form =>
  (_prev, formData) =>
    runAction({ permission: "measure:manage", schema, input: Object.fromEntries(formData), namespace: "admin", mutate, success, revalidate });

/** Adds a key task to a plan (administrators). */
export async function addKeyTaskAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(addKeyTaskSchema, (actor, input) => addKeyTask(db, actor, input), "keyTaskAdded")(prev, formData);
}

/** Renames a key task (administrators). */
export async function updateKeyTaskAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(updateKeyTaskSchema, (actor, input) => updateKeyTask(db, actor, input), "saved")(prev, formData);
}

/** Withdraws a key task and its measures, with a reason (administrators). */
export async function withdrawKeyTaskAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(withdrawKeyTaskSchema, (actor, input) => withdrawKeyTask(db, actor, input), "withdrawn")(prev, formData);
}

/** Adds a measure to a key task (administrators). */
export async function addMeasureAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(addMeasureSchema, (actor, input) => addMeasure(db, actor, input), "measureAdded")(prev, formData);
}

/** Withdraws a measure, with a reason (administrators). */
export async function withdrawMeasureAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(withdrawMeasureSchema, (actor, input) => withdrawMeasure(db, actor, input), "withdrawn")(prev, formData);
}

/** Sets a measure's departments and their roles: lead, joint leads, supporting (administrators). */
export async function setMeasureDepartmentsAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(setMeasureDepartmentsSchema, (actor, input) => setMeasureDepartments(db, actor, input), "departmentsSaved")(prev, formData);
}

/** Adds an indicator to a measure (administrators). */
export async function addIndicatorAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(addIndicatorSchema, (actor, input) => addIndicator(db, actor, input), "indicatorAdded")(prev, formData);
}

/** Corrects and confirms an indicator (administrators). */
export async function updateIndicatorAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(updateIndicatorSchema, (actor, input) => updateIndicator(db, actor, input), "indicatorSaved")(prev, formData);
}

/** Confirms an indicator the parser proposed (administrators). */
export async function confirmIndicatorAction(prev: ActionState, formData: FormData): Promise<ActionState> {
  return structureAction(confirmIndicatorSchema, (actor, input) => confirmIndicator(db, actor, input), "indicatorConfirmedOk")(prev, formData);
}
