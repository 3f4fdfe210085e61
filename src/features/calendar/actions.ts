"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import { confirmCalendarYear, removeCalendarDay, setCalendarDay } from "./mutations";
import { confirmCalendarYearSchema, removeCalendarDaySchema, setCalendarDaySchema } from "./schemas";

/** Lists or changes a day of the working-day calendar (administrators). */
export async function setCalendarDayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "calendar:manage",
    schema: setCalendarDaySchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setCalendarDay(db, actor, input),
    success: "calendarSaved",
    revalidate: ["/admin/calendar"],
  });
}

/** Removes a day from the working-day calendar (administrators). */
export async function removeCalendarDayAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "calendar:manage",
    schema: removeCalendarDaySchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => removeCalendarDay(db, actor, input),
    success: "calendarRemoved",
    revalidate: ["/admin/calendar"],
  });
}

/** Confirms that a year's calendar follows the published arrangement (its statutory-only days become the administrators'). */
export async function confirmCalendarYearAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "calendar:manage",
    schema: confirmCalendarYearSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => confirmCalendarYear(db, actor, input),
    success: "calendarYearConfirmed",
    revalidate: ["/admin/calendar"],
  });
}
