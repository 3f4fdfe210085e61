/**
 * 督办单 (supervision notices): their number and their colour on a given day, defined once.
 * Pure: every page, the notice list's filters and the 通报's counts ask these functions, and any
 * past day can be replayed from the stored facts (decision 023).
 */
import { addDays } from "./periods";
import { daysBetween } from "./due";
import { isWorkingDay, type WorkingCalendar } from "./working-days";

export type NoticeColour = "BLUE" | "YELLOW" | "RED";

/** Least to most urgent: 蓝 a reminder, 黄 behind schedule or weak, 红 overdue. */
export const NOTICE_COLOURS: readonly NoticeColour[] = ["BLUE", "YELLOW", "RED"];

/**
 * A notice unanswered past its limit rises one colour on the first working day late, and one more
 * once it is more than this many working days late — one working week (blue → yellow → red; red
 * stays red). Working days are those of the working-day calendar (src/lib/working-days.ts), decision 032.
 */
export const ESCALATE_AGAIN_AFTER_WORKING_DAYS = 5;

/**
 * The working days after `dueDate` up to and including `end`, counted up to `cap` (the rule only
 * needs to know whether there is one, and whether there are more than ESCALATE_AGAIN_AFTER_WORKING_DAYS).
 */
export function workingDaysLate(dueDate: string, end: string, calendar: WorkingCalendar, cap = ESCALATE_AGAIN_AFTER_WORKING_DAYS + 1): number {
  let count = 0;
  for (let day = addDays(dueDate, 1); day <= end && count < cap; day = addDays(day, 1)) if (isWorkingDay(day, calendar)) count++;
  return count;
}

/** The notice's number as printed: 督〔2026〕3号. */
export function noticeNumber(year: number, serial: number): string {
  return `督〔${year}〕${serial}号`;
}

/** What the colour rule reads of a notice (days as YYYY-MM-DD, in China). */
export interface NoticeTiming {
  /** The colour it was issued with. */
  colour: NoticeColour;
  /** 办理时限: the last day to answer. */
  dueDate: string;
  /** The day of the reply that stands (replied or closed), null while unanswered. */
  answeredOn: string | null;
}

/** Whether the notice had been answered by the end of `day`. */
export function answeredBy(notice: Pick<NoticeTiming, "answeredOn">, day: string): boolean {
  return notice.answeredOn !== null && notice.answeredOn <= day;
}

/**
 * The notice's colour on `day`: the issued colour, escalated by how many working days late the
 * answer was (or is, while none has come), by the calendar `calendar`. Answered on or before the
 * limit, it keeps its colour; escalation stops on the day of the answer. `daysLate` is in calendar
 * days (what the pages say).
 */
export function noticeColourOn(notice: NoticeTiming, day: string, calendar: WorkingCalendar): { colour: NoticeColour; daysLate: number; escalated: boolean } {
  const end = answeredBy(notice, day) ? notice.answeredOn! : day;
  const daysLate = Math.max(0, daysBetween(notice.dueDate, end));
  const late = daysLate === 0 ? 0 : workingDaysLate(notice.dueDate, end, calendar);
  const steps = late === 0 ? 0 : late > ESCALATE_AGAIN_AFTER_WORKING_DAYS ? 2 : 1;
  const index = Math.min(NOTICE_COLOURS.length - 1, NOTICE_COLOURS.indexOf(notice.colour) + steps);
  return { colour: NOTICE_COLOURS[index], daysLate, escalated: NOTICE_COLOURS[index] !== notice.colour };
}

/** Past its limit on `day` with no answer yet. */
export function overdueUnanswered(notice: NoticeTiming, day: string): boolean {
  return !answeredBy(notice, day) && daysBetween(notice.dueDate, day) > 0;
}

/** One notice as the counts read it. */
export interface NoticeFacts extends NoticeTiming {
  departmentId: string;
  /** The day it was issued. */
  issuedOn: string;
}

/** A department's notices in one quarter, as the 通报 counts them. */
export interface NoticeCounts {
  /** Issued in the quarter. */
  issued: number;
  /** Of those, red at the quarter's end (or on `asOf`, inside the quarter): issued red or escalated. */
  red: number;
  /** Of those, yellow then (issued yellow, or a blue one escalated); the rest are blue. */
  yellow: number;
  /** Issued by the quarter's end (in it or before), past their limit and unanswered then. */
  overdueUnanswered: number;
}

/**
 * Notices per department for the quarter `from`–`to` (days, inclusive), as of `asOf` (a day inside
 * the quarter counts up to that day). Departments without notices are absent.
 */
export function countNotices(notices: readonly NoticeFacts[], quarter: { from: string; to: string }, asOf: string, calendar: WorkingCalendar): Map<string, NoticeCounts> {
  const on = asOf < quarter.to ? asOf : quarter.to;
  const counts = new Map<string, NoticeCounts>();
  const of = (departmentId: string) => {
    let c = counts.get(departmentId);
    if (!c) counts.set(departmentId, (c = { issued: 0, red: 0, yellow: 0, overdueUnanswered: 0 }));
    return c;
  };
  for (const n of notices) {
    if (n.issuedOn > on) continue;
    const inQuarter = n.issuedOn >= quarter.from;
    const late = overdueUnanswered(n, on);
    if (!inQuarter && !late) continue;
    const c = of(n.departmentId);
    if (inQuarter) {
      c.issued++;
      const colour = noticeColourOn(n, on, calendar).colour;
      if (colour === "RED") c.red++;
      else if (colour === "YELLOW") c.yellow++;
    }
    if (late) c.overdueUnanswered++;
  }
  return counts;
}
