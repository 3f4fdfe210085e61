/**
 * The working-day calendar's rows as the chinese-days package publishes them (public holidays and
 * 调休 working days, decision 020). Used to write the migration that fills the calendar
 * (scripts/working-calendar-sql.ts) and by the test that checks the migration against the package.
 */
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export interface CalendarRow {
  day: string;
  working: boolean;
  name: string;
}

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/** The package's version, recorded as each filled row's source. */
export function chineseDaysSource(): string {
  return `chinese-days@${(require("chinese-days/package.json") as { version: string }).version}`;
}

/** Holidays (working = false) and 调休 working days (working = true) of the given years, by day. */
export function chineseDaysRows(fromYear: number, toYear: number): CalendarRow[] {
  const data = require("chinese-days/dist/chinese-days.json") as ChineseDaysData;
  // Each value reads "English name,中文名,days"; the Chinese name is what the calendar page shows.
  const inYears = (day: string) => Number(day.slice(0, 4)) >= fromYear && Number(day.slice(0, 4)) <= toYear;
  const rows: CalendarRow[] = [
    ...Object.entries(data.holidays).filter(([day]) => inYears(day)).map(([day, v]) => ({ day, working: false, name: v.split(",")[1] })),
    ...Object.entries(data.workdays).filter(([day]) => inYears(day)).map(([day, v]) => ({ day, working: true, name: `${v.split(",")[1]}调休上班` })),
  ];
  return rows.sort((a, b) => a.day.localeCompare(b.day));
}
