/**
 * Which quarter a 通报 covers and the day its figures are as of (decision 027). Pure; days are
 * ISO YYYY-MM-DD, quarters "2025-Q4".
 */
import { planEndDay, planStartDay, type PlanDates } from "./plan-lifecycle";

export interface ReportQuarter {
  /** "2025-Q4". */
  key: string;
  year: number;
  quarter: 1 | 2 | 3 | 4;
  /** Its first and last day. */
  from: string;
  to: string;
}

const QUARTER_KEY = /^(\d{4})-Q([1-4])$/;
const END = ["03-31", "06-30", "09-30", "12-31"];
const START = ["01-01", "04-01", "07-01", "10-01"];

/** A quarter from its key, or null when the key is not one. */
export function quarterFromKey(key: string): ReportQuarter | null {
  const m = QUARTER_KEY.exec(key);
  if (!m) return null;
  const year = Number(m[1]);
  const quarter = Number(m[2]) as ReportQuarter["quarter"];
  return { key, year, quarter, from: `${m[1]}-${START[quarter - 1]}`, to: `${m[1]}-${END[quarter - 1]}` };
}

/** The quarter a day falls in. */
export function quarterOfDay(day: string): ReportQuarter {
  return quarterFromKey(`${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`)!;
}

/** The quarter before. */
export function previousQuarter(q: ReportQuarter): ReportQuarter {
  return q.quarter === 1 ? quarterFromKey(`${q.year - 1}-Q4`)! : quarterFromKey(`${q.year}-Q${q.quarter - 1}`)!;
}

/**
 * The quarters a plan's 通报 may cover on `today`, oldest first: from its first quarter to the one
 * that holds today or, for a plan past its end, its last quarter.
 */
export function reportQuarters(plan: Pick<PlanDates, "startYear" | "endYear">, today: string): ReportQuarter[] {
  const last = quarterOfDay(today < planEndDay(plan) ? today : planEndDay(plan));
  const out: ReportQuarter[] = [];
  for (let q = quarterOfDay(planStartDay(plan)); q.from <= last.from; q = quarterFromKey(q.quarter === 4 ? `${q.year + 1}-Q1` : `${q.year}-Q${q.quarter + 1}`)!) out.push(q);
  return out;
}

/**
 * The quarter a 通报 opens on: the last complete one (a plan past its end: its last quarter); the
 * plan's first quarter while that is not over yet.
 */
export function defaultReportQuarter(plan: Pick<PlanDates, "startYear" | "endYear">, today: string): ReportQuarter {
  const quarters = reportQuarters(plan, today);
  const complete = quarters.filter((q) => q.to < today);
  return complete.at(-1) ?? quarters[0] ?? quarterOfDay(planStartDay(plan));
}

/**
 * The quarter asked for in the address (?quarter=2025-Q4), if it is one of the plan's; otherwise,
 * the quarter of an `asOf` day (the addresses of earlier versions); otherwise the default.
 */
export function parseReportQuarter(raw: { quarter?: string | string[]; asOf?: string | string[] }, plan: Pick<PlanDates, "startYear" | "endYear">, today: string): ReportQuarter {
  const quarters = reportQuarters(plan, today);
  const pick = (key: string | undefined) => (key ? quarters.find((q) => q.key === key) : undefined);
  const asked = typeof raw.quarter === "string" ? pick(raw.quarter) : undefined;
  const fromDay = typeof raw.asOf === "string" && /^\d{4}-\d{2}-\d{2}$/.test(raw.asOf) ? pick(quarterOfDay(raw.asOf).key) : undefined;
  return asked ?? fromDay ?? defaultReportQuarter(plan, today);
}

/** The day the 通报's figures are as of (数据截至): the quarter's last day, or today while the quarter runs. */
export function reportCutoff(q: ReportQuarter, today: string): string {
  return q.to < today ? q.to : today;
}

/** 「2025年第四季度」; in English "2025 Q4". */
export function quarterTitle(q: ReportQuarter, locale: string = "zh-CN"): string {
  if (locale === "en") return `${q.year} Q${q.quarter}`;
  return `${q.year}年第${"一二三四"[q.quarter - 1]}季度`;
}
