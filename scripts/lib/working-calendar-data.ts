/**
 * The working-day calendar's rows as the chinese-days package publishes them (public holidays and
 * 调休 working days, decision 020). Used to write the migration that fills the calendar
 * (scripts/working-calendar-sql.ts) and by the test that checks the migration against the package.
 */
import { createRequire } from "node:module";
import { STATUTORY_SOURCE_PREFIX, statutoryHolidays, type LunarAnchors } from "../../src/lib/statutory-holidays";

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

interface ChineseDaysLunar {
  getSolarDateFromLunar(lunar: string): { date: string; leapMonthDate?: string };
  getSolarTerms(start: string, end: string): { date: string; term: string; name: string }[];
  getLunarDate(date: string): { lunarYear: number; lunarMon: number; lunarDay: number; isLeap: boolean };
}

/**
 * The lunar and solar-term days of `year` by the chinese-days package's own lunar calendar and
 * solar-term functions (decision 031), each checked back: the lunar day of each must read as asked.
 */
export function lunarAnchors(year: number): LunarAnchors {
  const cd = require("chinese-days") as ChineseDaysLunar;
  const lunar = (month: number, day: number) => {
    const { date } = cd.getSolarDateFromLunar(`${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`);
    const back = cd.getLunarDate(date);
    if (back.lunarYear !== year || back.lunarMon !== month || back.lunarDay !== day || back.isLeap) throw new Error(`lunar ${year}-${month}-${day} → ${date} does not read back`);
    return date;
  };
  const terms = cd.getSolarTerms(`${year}-04-01`, `${year}-04-30`).filter((t) => t.term === "pure_brightness");
  if (terms.length !== 1) throw new Error(`no single 清明 in April ${year}`);
  return { springFestival: lunar(1, 1), qingming: terms[0].date, dragonBoat: lunar(5, 5), midAutumn: lunar(8, 15) };
}

/** The source recorded on a statutory-only row: the rule, and the package that gave the lunar days. */
export function statutorySource(): string {
  return `${STATUTORY_SOURCE_PREFIX}${chineseDaysSource()}`;
}

/**
 * A year the package has no arrangement for: its statutory public holidays only (working = false),
 * no 调休 working days and no days in lieu, which the State Council has not published (decision 031).
 */
export function statutoryRows(year: number): CalendarRow[] {
  // One row per day: 中秋 can fall on a 国庆 day (2028-10-03), then the row names both.
  const byDay = new Map<string, string[]>();
  for (const d of statutoryHolidays(year, lunarAnchors(year))) byDay.set(d.day, [...(byDay.get(d.day) ?? []), d.name]);
  return [...byDay].map(([day, names]) => ({ day, working: false, name: names.join("、") }));
}
