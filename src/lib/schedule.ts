/**
 * Turns a measure's 时间安排 cell ("每季度", "2022年底前", "2021-2023年", …) into due dates.
 * Pure: no I/O, never throws; anything it cannot read is handed back for manual setting.
 */

/** How a measure is scheduled. */
export type ScheduleKind = "QUARTERLY" | "ANNUAL" | "ONGOING" | "DEADLINE" | "RANGE" | "MONTHLY" | "HALF_YEARLY";

/** Something an administrator should look at although the text parsed. */
export type ScheduleFlag = "BEFORE_PLAN_START" | "AFTER_PLAN_END";

/** A parsed time arrangement. */
export interface Schedule {
  kind: ScheduleKind;
  /** every due date inside the plan, ISO "YYYY-MM-DD", ascending (a flagged deadline outside the plan is kept here too) */
  dueDates: string[];
  /** true when the measure reports every quarter (QUARTERLY and ONGOING) */
  reportsQuarterly: boolean;
  /** RANGE: first day of its first year; ONGOING "2026年起": first day of that year */
  startDate: string | null;
  /** final deadline, if any (DEADLINE, RANGE); null for QUARTERLY/ANNUAL/ONGOING */
  deadline: string | null;
  /** e.g. "公布首批" from "2021年底前公布首批" */
  deliverable: string | null;
  flags: ScheduleFlag[];
  /**
   * RANGE: the end of every year of the range (yearly checkpoints, "2021-2023年" → 2021/2022/2023-12-31); [] otherwise.
   * Kept apart from dueDates so a range's due dates stay its final deadline, as stored for plans already imported.
   */
  checkpoints: string[];
}

/** Result of {@link parseTimeArrangement}; `reason` is shown to administrators, hence Chinese. */
export type ScheduleParse =
  | { ok: true; normalized: string; schedule: Schedule }
  | { ok: false; normalized: string; reason: string };

/** Plan years a schedule is laid out in. */
export interface PlanYears {
  startYear: number;
  endYear: number;
}

/** Strips all whitespace (incl. full-width spaces and line breaks), which PDF extraction scatters inside cells. */
export function normalizeArrangement(text: string): string {
  // \s in a u-regex covers U+3000, NBSP and line terminators; BOM/zero-width ones are listed because PDFs emit them too.
  return text.replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, "");
}

/** Last day of every quarter from startYear through endYear, ascending. */
export function quarterEnds(startYear: number, endYear: number): string[] {
  const out: string[] = [];
  if (!Number.isInteger(startYear) || !Number.isInteger(endYear)) return out;
  for (let year = startYear; year <= endYear; year += 1) {
    for (const quarter of [1, 2, 3, 4]) out.push(quarterEnd(year, quarter));
  }
  return out;
}

/** Parses a 时间安排 cell against the plan's years; returns ok:false (never throws) when the text is not understood. */
export function parseTimeArrangement(text: string, plan: PlanYears): ScheduleParse {
  const normalized = normalizeArrangement(typeof text === "string" ? text : "");
  const fail = (reason: string): ScheduleParse => ({ ok: false, normalized, reason });
  const unknown = (): ScheduleParse => fail(`无法识别的时间安排：“${normalized}”，请管理员手工设置`);

  if (!validPlan(plan)) return fail("计划起止年份无效，无法计算时间安排，请管理员手工设置");
  if (normalized === "") return fail("时间安排为空，请管理员手工设置");

  // Matching runs on a copy with full-width digits and dash variants folded, so the stored text stays as issued.
  const s = foldForMatching(normalized);
  const ok = (schedule: Schedule): ScheduleParse => ({ ok: true, normalized, schedule });

  if (/^(?:每|每个|按)月$/u.test(s)) {
    return ok({ ...EMPTY, kind: "MONTHLY", dueDates: monthEnds(plan, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) });
  }

  if (/^(?:每|每个|按)半年$/u.test(s)) {
    return ok({ ...EMPTY, kind: "HALF_YEARLY", dueDates: monthEnds(plan, [6, 12]) });
  }

  // "每年", "按年度", "每年年底前", "每年12月底前", "每年组织一次": once a year, due at the end of the (given) month.
  if (/^(?:每年|按年度?|每年度|每年(?:年底|年末|底)前?|每年(?:至少)?(?:组织|召开|开展|举办|举行)?一次)$/u.test(s)) {
    return ok({ ...EMPTY, kind: "ANNUAL", dueDates: monthEnds(plan, [12]) });
  }
  const yearlyMonth = /^每年(\d{1,2})月(?:底|末)前?$/u.exec(s);
  if (yearlyMonth) {
    const month = Number(yearlyMonth[1]);
    if (month < 1 || month > 12) return unknown();
    return ok({ ...EMPTY, kind: "ANNUAL", dueDates: monthEnds(plan, [month]) });
  }

  // "定期" names no rhythm: it is followed like ongoing work, reported on every quarter.
  if (/^定期(?:开展|组织|报送)?$/u.test(s)) {
    return ok({ ...EMPTY, kind: "ONGOING", reportsQuarterly: true });
  }

  // "2026年起": ongoing work from that year on, reported on every quarter.
  const from = /^(?:自|从)?(\d{4})年(?:起|开始)$/u.exec(s);
  if (from) {
    const startDate = isoDate(Number(from[1]), 1, 1);
    return ok({ ...EMPTY, kind: "ONGOING", reportsQuarterly: true, startDate, flags: flagsFor(startDate, startDate, plan) });
  }

  // "年内": within the plan's first year (the year it is issued in).
  if (/^(?:年内|当年内?|本年度?内?)$/u.test(s)) {
    const date = isoDate(plan.startYear, 12, 31);
    return ok({ ...EMPTY, kind: "DEADLINE", dueDates: [date], deadline: date });
  }

  // "“十五五”期间": the five-year plan period's years, read as a range.
  const fiveYear = /^["“”'‘’「」『』]?(十[三四五六])五["“”'‘’「」『』]?(?:期间|时期|内)?$/u.exec(s);
  if (fiveYear) {
    const first = FIVE_YEAR_PLANS[fiveYear[1]];
    return ok(rangeSchedule(first, first + 4, plan));
  }

  if (/^(?:每|每个|按)季度$/u.test(s)) {
    return ok({ ...EMPTY, kind: "QUARTERLY", dueDates: quarterEnds(plan.startYear, plan.endYear), reportsQuarterly: true });
  }

  const annual = /^每年(?:的)?第?([一二三四1-4])季度$/u.exec(s);
  if (annual) {
    const quarter = QUARTER_NUMBERS[annual[1]];
    const dueDates: string[] = [];
    for (let year = plan.startYear; year <= plan.endYear; year += 1) dueDates.push(quarterEnd(year, quarter));
    return ok({ ...EMPTY, kind: "ANNUAL", dueDates });
  }

  // Ongoing work has no deadline but is still reported on every quarter, like the quarterly measures.
  if (/^(?:持续推进|持续开展|长期坚持)$/u.test(s)) {
    return ok({ ...EMPTY, kind: "ONGOING", reportsQuarterly: true });
  }

  const range = /^(\d{4})年?(?:-|至|到|~)(\d{4})年?$/u.exec(s);
  if (range) {
    const from = Number(range[1]);
    const to = Number(range[2]);
    if (to < from) return fail(`时间安排的结束年份早于开始年份：“${normalized}”，请管理员手工设置`);
    return ok(rangeSchedule(from, to, plan));
  }

  const deadline = parseDeadline(s);
  if (deadline) {
    return ok({
      ...EMPTY,
      kind: "DEADLINE",
      dueDates: [deadline.date],
      deadline: deadline.date,
      deliverable: deadline.deliverable,
      flags: flagsFor(deadline.date, deadline.date, plan),
    });
  }

  return unknown();
}

/** First year of each five-year plan ("十五五" = 2026—2030). */
const FIVE_YEAR_PLANS: Record<string, number> = { 十三: 2016, 十四: 2021, 十五: 2026, 十六: 2031 };

function rangeSchedule(from: number, to: number, plan: PlanYears): Schedule {
  const startDate = isoDate(from, 1, 1);
  const deadline = isoDate(to, 12, 31);
  const checkpoints: string[] = [];
  for (let year = from; year <= to; year += 1) checkpoints.push(isoDate(year, 12, 31));
  return { ...EMPTY, kind: "RANGE", dueDates: [deadline], startDate, deadline, flags: flagsFor(startDate, deadline, plan), checkpoints };
}

/** The last day of each given month in every year of the plan, ascending. */
function monthEnds(plan: PlanYears, months: number[]): string[] {
  const out: string[] = [];
  for (let year = plan.startYear; year <= plan.endYear; year += 1) {
    for (const month of months) out.push(isoDate(year, month, daysInMonth(year, month)));
  }
  return out;
}

const EMPTY: Schedule = {
  kind: "ONGOING",
  dueDates: [],
  reportsQuarterly: false,
  startDate: null,
  deadline: null,
  deliverable: null,
  flags: [],
  checkpoints: [],
};

const QUARTER_NUMBERS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };

/**
 * "2022年底前", "2022年年底前", "2023年6月底前", "2023年上半年", "2023年前", each optionally followed by a deliverable
 * ("2021年底前公布首批"). Returns null when the text is anything else.
 */
function parseDeadline(s: string): { date: string; deliverable: string | null } | null {
  // Deliverable: trailing words without digits, so "2022年底前2023" stays unrecognised instead of half-read;
  // "2022年前后" means "around 2022", not a deadline with deliverable "后".
  const tail = "(?!后|左右)([^\\d]*)$";
  let m = new RegExp(`^(\\d{4})年(\\d{1,2})月(?:底|末)前?${tail}`, "u").exec(s);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    const year = Number(m[1]);
    return { date: isoDate(year, month, daysInMonth(year, month)), deliverable: deliverableOf(m[3]) };
  }
  m = new RegExp(`^(\\d{4})年(上|下)半年(?:前|内|底前)?${tail}`, "u").exec(s);
  if (m) {
    const year = Number(m[1]);
    return { date: m[2] === "上" ? isoDate(year, 6, 30) : isoDate(year, 12, 31), deliverable: deliverableOf(m[3]) };
  }
  // "YYYY年前" is read as "by YYYY" (year end), the usual sense in government plans ("2025年前实现…").
  m = new RegExp(`^(\\d{4})年(?:年?(?:底|末)前?|前)${tail}`, "u").exec(s);
  if (m) return { date: isoDate(Number(m[1]), 12, 31), deliverable: deliverableOf(m[2]) };
  return null;
}

function deliverableOf(rest: string): string | null {
  const trimmed = rest.replace(/^[，,、：:]+/u, "");
  return trimmed === "" ? null : trimmed;
}

function flagsFor(first: string, last: string, plan: PlanYears): ScheduleFlag[] {
  const flags: ScheduleFlag[] = [];
  // ISO dates compare correctly as strings.
  if (first < isoDate(plan.startYear, 1, 1)) flags.push("BEFORE_PLAN_START");
  if (last > isoDate(plan.endYear, 12, 31)) flags.push("AFTER_PLAN_END");
  return flags;
}

function validPlan(plan: PlanYears | null | undefined): plan is PlanYears {
  return (
    plan != null &&
    Number.isInteger(plan.startYear) &&
    Number.isInteger(plan.endYear) &&
    plan.startYear >= 1000 &&
    plan.endYear <= 9999 &&
    plan.startYear <= plan.endYear
  );
}

function foldForMatching(s: string): string {
  return s
    .replace(/[０-９]/gu, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[‐‑‒–—―－~～〜]+/gu, (dash) => (/[~～〜]/u.test(dash) ? "~" : "-"));
}

function quarterEnd(year: number, quarter: number): string {
  const month = quarter * 3;
  return isoDate(year, month, daysInMonth(year, month));
}

function daysInMonth(year: number, month: number): number {
  // Arithmetic rather than Date: Date maps years 0–99 to 19xx and would drag the host time zone in.
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
