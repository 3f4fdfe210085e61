import { todayInChina } from "@/lib/due";
import { isCalendarDay } from "@/lib/input";

/** The "as of" day from the URL: a calendar day in the past or today, else today (China time). */
export function parseAsOf(value: string | string[] | undefined): string {
  const today = todayInChina();
  return typeof value === "string" && isCalendarDay(value) && value <= today ? value : today;
}
