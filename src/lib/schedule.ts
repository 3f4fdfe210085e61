/**
 * Turns a measure's 时间安排 cell ("每季度", "2022年底前", "2021-2023年", …) into due dates.
 * Pure: no I/O, never throws; anything it cannot read is handed back for manual setting.
 */

/** How a measure is scheduled. */
export type ScheduleKind = "QUARTERLY" | "ANNUAL" | "ONGOING" | "DEADLINE" | "RANGE";

/** Something an administrator should look at although the text parsed. */
export type ScheduleFlag = "BEFORE_PLAN_START" | "AFTER_PLAN_END";

/** A parsed time arrangement. */
export interface Schedule {
  kind: ScheduleKind;
  /** every due date inside the plan, ISO "YYYY-MM-DD", ascending (a flagged deadline outside the plan is kept here too) */
  dueDates: string[];
  /** true when the measure reports every quarter (QUARTERLY and ONGOING) */
  reportsQuarterly: boolean;
  /** RANGE: first day of its first year */
  startDate: string | null;
  /** final deadline, if any (DEADLINE, RANGE); null for QUARTERLY/ANNUAL/ONGOING */
  deadline: string | null;
  /** e.g. "公布首批" from "2021年底前公布首批" */
  deliverable: string | null;
  flags: ScheduleFlag[];
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
    const startDate = isoDate(from, 1, 1);
    const deadline = isoDate(to, 12, 31);
    return ok({
      ...EMPTY,
      kind: "RANGE",
      dueDates: [deadline],
      startDate,
      deadline,
      flags: flagsFor(startDate, deadline, plan),
    });
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

const EMPTY: Schedule = {
  kind: "ONGOING",
  dueDates: [],
  reportsQuarterly: false,
  startDate: null,
  deadline: null,
  deliverable: null,
  flags: [],
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
