"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import { removeCalendarDay, setCalendarDay } from "./mutations";
import { removeCalendarDaySchema, setCalendarDaySchema } from "./schemas";

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
