/**
 * Working days (工作日): Monday to Friday, except the public holidays, plus the weekend days that
 * are worked in their place (调休). The exceptions come from the calendar in the database
 * (WorkingCalendarDay, decision 020); a day it does not list follows the week. Pure; ISO dates.
 */
import { dayToDate } from "./due";

/** The calendar's exceptions: day → whether it is worked. */
export type WorkingCalendar = ReadonlyMap<string, boolean>;

/** An empty calendar: weekends only. */
export const WEEKENDS_ONLY: WorkingCalendar = new Map();

/** Whether a YYYY-MM-DD day is a working day. */
export function isWorkingDay(day: string, calendar: WorkingCalendar): boolean {
  const listed = calendar.get(day);
  if (listed !== undefined) return listed;
  const weekday = dayToDate(day).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** The day itself when it is a working day, else the next working day after it. */
export function nextWorkingDay(day: string, calendar: WorkingCalendar): string {
  const d = dayToDate(day);
  // The longest run of days off in the calendar is the Spring Festival's (9 days); 60 is a safe bound
  // against a calendar an administrator filled with holidays by mistake.
  for (let i = 0; i < 60; i++) {
    const iso = d.toISOString().slice(0, 10);
    if (isWorkingDay(iso, calendar)) return iso;
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return day;
}

/** Builds a calendar from rows read from the database. */
export function workingCalendar(rows: Iterable<{ day: string; working: boolean }>): WorkingCalendar {
  return new Map([...rows].map((r) => [r.day, r.working]));
}
