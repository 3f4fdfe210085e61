/**
 * 终期评估: the verdict the data propose for one measure at the end of its plan, and how an
 * indicator's final value compares with its target. Pure; the rule and its thresholds are
 * decision 026. The bureau confirms or changes each proposal (src/features/evaluation/).
 */
import type { ProgressRating } from "./status";

/** 完成 / 基本完成 / 未完成 / 已常态化. */
export type Verdict = "COMPLETED" | "MOSTLY_COMPLETED" | "NOT_COMPLETED" | "NORMALIZED";

export const VERDICTS: readonly Verdict[] = ["COMPLETED", "MOSTLY_COMPLETED", "NOT_COMPLETED", "NORMALIZED"];

/** The thresholds of 基本完成: what "most of it done" means (decision 026). */
export const MOSTLY_DONE = {
  /** Each indicator reached at least this share of its target (%). */
  indicatorPct: 90,
  /** At least this share of the deadlines (节点) met. */
  milestoneShare: 0.8,
  /** At least this share of the reports owed accepted. */
  reportShare: 0.8,
};

/** What an indicator's target is: an absolute number to reach, or a change against a baseline (a trend). */
export interface IndicatorTarget {
  comparison: "GTE" | "LTE" | "EQ";
  /** The number to reach; for a trend the change in % of the baseline; null for a direction only. */
  target: number | null;
  /** Set for a trend. */
  direction: "DECREASE" | "INCREASE" | null;
  baseline: number | null;
}

// Rounded to a millionth so that binary fractions (2 − 1.6) do not miss a target by 1e-14.
const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n * 1e6) / 1e6));

/**
 * How much of its target an indicator's final value reached, in % (0–100, unrounded), or null
 * when it cannot be judged (no value; a trend without a baseline; no target at all).
 * GTE: value / target. LTE: 100 at or under the target, else target / value. EQ: 100 less the
 * relative distance. A trend: the change achieved against the baseline in the intended direction,
 * against the change asked for (a direction only: 100 when it moved that way at all, else 0).
 */
export function indicatorAchievement(t: IndicatorTarget, value: number | null): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  if (t.direction) {
    if (t.baseline === null || t.baseline === 0) return null;
    const change = ((t.direction === "DECREASE" ? t.baseline - value : value - t.baseline) / Math.abs(t.baseline)) * 100;
    if (t.target === null) return change > 0 ? 100 : 0;
    if (t.comparison === "LTE") return change >= 0 && change <= t.target ? 100 : change < 0 ? 0 : clamp((t.target / change) * 100);
    return t.target <= 0 ? (change >= 0 ? 100 : 0) : clamp((change / t.target) * 100);
  }
  if (t.target === null) return null;
  if (t.comparison === "GTE") return t.target <= 0 ? 100 : clamp((value / t.target) * 100);
  if (t.comparison === "LTE") return value <= t.target ? 100 : value <= 0 ? 0 : clamp((t.target / value) * 100);
  if (t.target === 0) return value === 0 ? 100 : 0;
  return clamp(100 - (Math.abs(value - t.target) / Math.abs(t.target)) * 100);
}

/** Whether the final value met the target: null when it cannot be judged. */
export function indicatorMet(t: IndicatorTarget, value: number | null): boolean | null {
  const a = indicatorAchievement(t, value);
  return a === null ? null : a >= 100;
}

/** One accepted value of an indicator: the year it counts for (its period's end) and the order it was reported in. */
export interface ReportedValue {
  year: number;
  /** Sort key within a year: its period's end, then its submission (ISO strings compare in order). */
  order: string;
  value: number;
}

/** The latest accepted value of each year, by year, and the final value (the latest of all); null when none. */
export function yearlyActuals(values: readonly ReportedValue[]): { byYear: Map<number, number>; final: number | null } {
  const latest = new Map<number, ReportedValue>();
  let final: ReportedValue | null = null;
  for (const v of values) {
    const seen = latest.get(v.year);
    if (!seen || v.order >= seen.order) latest.set(v.year, v);
    if (!final || v.year > final.year || (v.year === final.year && v.order >= final.order)) final = v;
  }
  return { byYear: new Map([...latest].sort((a, b) => a[0] - b[0]).map(([y, v]) => [y, v.value])), final: final?.value ?? null };
}

/** What a measure's verdict is proposed from, as it stands on the evaluation day. */
export interface VerdictFacts {
  /** 已销号: closed through 办结销号 (Measure.closedAt). */
  closed: boolean;
  /** 常态化 (Measure.normalizedAt). */
  normalized: boolean;
  /** Deadlines (节点) due by the plan's end, and how many were met (reported 已完成 and accepted). */
  milestonesDue: number;
  milestonesMet: number;
  /** Each indicator's achievement in % (indicatorAchievement); null when it cannot be judged. */
  indicators: (number | null)[];
  /** The lead department's latest rating of its own progress; null when it never reported. */
  lastRating: ProgressRating | null;
  /** Reports owed by the measure's reporting departments up to the evaluation day, and how many were accepted. */
  reportsDue: number;
  reportsAccepted: number;
}

/** Why a verdict was proposed, shown beside it. */
export type VerdictBasis = "closed" | "normalized" | "allMet" | "mostlyMet" | "noReports" | "shortfall";

/**
 * The verdict the data propose (decision 026), first rule that applies:
 * 1. closed (已销号) → 完成;
 * 2. 常态化 → 已常态化;
 * 3. nothing ever reported (no rating, no accepted report) → 未完成;
 * 4. every deadline met, every indicator at 100% of its target, the last rating 已完成 → 完成;
 * 5. at least 80% of the deadlines met, every indicator at 90% or more, at least 80% of the reports
 *    owed accepted, and the last rating neither 未开始 nor 存在困难 → 基本完成;
 * 6. otherwise → 未完成.
 * An indicator that cannot be judged (no value reported) fails rules 4 and 5: a target without a
 * result is not shown to be met.
 */
export function proposeVerdict(f: VerdictFacts): { verdict: Verdict; basis: VerdictBasis } {
  if (f.closed) return { verdict: "COMPLETED", basis: "closed" };
  if (f.normalized) return { verdict: "NORMALIZED", basis: "normalized" };
  if (f.lastRating === null && f.reportsAccepted === 0) return { verdict: "NOT_COMPLETED", basis: "noReports" };
  const allDeadlines = f.milestonesMet >= f.milestonesDue;
  const allIndicators = f.indicators.every((a) => a !== null && a >= 100);
  if (allDeadlines && allIndicators && f.lastRating === "COMPLETED") return { verdict: "COMPLETED", basis: "allMet" };
  const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);
  const mostly =
    share(f.milestonesMet, f.milestonesDue) >= MOSTLY_DONE.milestoneShare &&
    f.indicators.every((a) => a !== null && a >= MOSTLY_DONE.indicatorPct) &&
    share(f.reportsAccepted, f.reportsDue) >= MOSTLY_DONE.reportShare &&
    f.lastRating !== "NOT_STARTED" &&
    f.lastRating !== "DIFFICULT";
  if (mostly) return { verdict: "MOSTLY_COMPLETED", basis: "mostlyMet" };
  return { verdict: "NOT_COMPLETED", basis: "shortfall" };
}

/** Whether a plan can be evaluated on `today`: ended (or archived, read-only), or running and at its last day. */
export function planEvaluable(plan: { status: "DRAFT" | "ACTIVE" | "ENDED" | "ARCHIVED"; endYear: number }, today: string): boolean {
  if (plan.status === "ENDED" || plan.status === "ARCHIVED") return true;
  return plan.status === "ACTIVE" && today >= `${plan.endYear}-12-31`;
}

/** The years an annual summary can be written for on `today`: the plan's years that have begun. */
export function summaryYears(plan: { startYear: number; endYear: number }, today: string): number[] {
  const last = Math.min(plan.endYear, Number(today.slice(0, 4)));
  const years: number[] = [];
  for (let y = plan.startYear; y <= last; y++) years.push(y);
  return years;
}
