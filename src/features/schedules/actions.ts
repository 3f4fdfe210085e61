"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import { confirmEarlyDeadline, setMeasureReporting, setPlanReporting } from "./mutations";
import { confirmDeadlineSchema, setMeasureReportingSchema, setPlanReportingSchema } from "./schemas";

const revalidate = ["/plans", "/measures", "/reports", "/departments", "/admin/schedules"];

/** Sets a measure's reporting cadence, tracking start and checkpoints (administrators). */
export async function setMeasureReportingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "measure:manage",
    schema: setMeasureReportingSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setMeasureReporting(db, actor, input),
    success: "reportingSaved",
    revalidate,
  });
}

/** Confirms a deadline before the plan start (administrators). */
export async function confirmDeadlineAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "measure:manage",
    schema: confirmDeadlineSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => confirmEarlyDeadline(db, actor, input),
    success: "deadlineConfirmed",
    revalidate,
  });
}

/** Sets a plan's default cadence and tracking start (administrators). */
export async function setPlanReportingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "plan:manage",
    schema: setPlanReportingSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setPlanReporting(db, actor, input),
    success: "reportingSaved",
    revalidate,
  });
}
