import { todayInChina } from "@/lib/due";
import { isCalendarDay } from "@/lib/input";
import { defaultAsOf, type PlanDates } from "@/lib/plan-lifecycle";

/**
 * The "as of" day from the URL: a calendar day in the past or today. Without one, the plan's
 * default day (src/lib/plan-lifecycle.ts `defaultAsOf`: an ended plan opens on its last day), or
 * today (China time) when no plan is given.
 */
export function parseAsOf(value: string | string[] | undefined, plan?: PlanDates): string {
  const today = todayInChina();
  if (typeof value === "string" && isCalendarDay(value) && value <= today) return value;
  return plan ? defaultAsOf(plan, today) : today;
}

/** Why the day asked for in the URL was not used (parseAsOf fell back): empty, not a calendar day, or after today; null when it was used or none was asked for. */
export function asOfProblem(value: string | string[] | undefined): "empty" | "invalid" | "future" | null {
  if (value === undefined) return null;
  if (typeof value !== "string" || value.trim() === "") return "empty";
  if (!isCalendarDay(value)) return "invalid";
  return value > todayInChina() ? "future" : null;
}
