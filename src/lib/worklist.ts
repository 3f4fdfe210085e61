/**
 * 我的填报 arranged (decision 028): what needs action now first, history apart, filters from the
 * address. Pure, so the page and its tests share one rule.
 *
 * Now: a returned report, wherever it is, and every owed period of a plan that is running (its
 * reminders go out): due soon, overdue, open. History: the rest, i.e. what an ended or archived plan
 * (or a draft) still shows as unreported, grouped by quarter, newest first.
 */
import { planLifecycle, type PlanStatus } from "./plan-lifecycle";
import type { Urgency } from "./urgency";

export interface ArrangeableItem {
  urgency: Urgency;
  dueDate: string;
  /** The last day of the period ("2026-12-31"). */
  periodEnd: string;
  planCode: string;
  planStatus: PlanStatus;
}

/** The statuses a 我的填报 list can be filtered on, in the order they are offered. */
export const WORKLIST_STATUSES: readonly Urgency[] = ["RETURNED", "DUE_SOON", "OVERDUE", "OPEN"];

/** The calendar quarter a period falls in, by its last day: "2026-Q4". */
export function quarterKeyOf(periodEnd: string): string {
  return `${periodEnd.slice(0, 4)}-Q${Math.floor((Number(periodEnd.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Whether an item needs action now: returned, or owed in a running plan. */
export function needsActionNow(item: Pick<ArrangeableItem, "urgency" | "planStatus">): boolean {
  return item.urgency === "RETURNED" || planLifecycle[item.planStatus].reminds;
}

const NOW_ORDER: Record<Urgency, number> = { RETURNED: 0, DUE_SOON: 1, OVERDUE: 2, OPEN: 3, UPCOMING: 4 };

/**
 * The order of the items that need action now: returned, due soon (soonest first), overdue (most
 * recently due first: this quarter's before last year's), then open (soonest first).
 */
export function byActionNow(a: ArrangeableItem, b: ArrangeableItem): number {
  const rank = NOW_ORDER[a.urgency] - NOW_ORDER[b.urgency];
  if (rank) return rank;
  return a.urgency === "OVERDUE" ? b.dueDate.localeCompare(a.dueDate) : a.dueDate.localeCompare(b.dueDate);
}

export interface WorklistFilter {
  plan: string | null;
  status: Urgency | null;
  quarter: string | null;
}

const QUARTER_KEY = /^\d{4}-Q[1-4]$/;

/** The filter in the address (?plan=&status=&quarter=); an unknown value is ignored rather than emptying the list. */
export function parseWorklistFilter(params: Record<string, string | string[] | undefined>, planCodes: readonly string[]): WorklistFilter {
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : null);
  const plan = one(params.plan);
  const status = one(params.status);
  const quarter = one(params.quarter);
  return {
    plan: plan && planCodes.includes(plan) ? plan : null,
    status: status && (WORKLIST_STATUSES as readonly string[]).includes(status) ? (status as Urgency) : null,
    quarter: quarter && QUARTER_KEY.test(quarter) ? quarter : null,
  };
}

/** The items the filter keeps. */
export function filterWorklist<T extends ArrangeableItem>(items: readonly T[], f: WorklistFilter): T[] {
  return items.filter((i) => (!f.plan || i.planCode === f.plan) && (!f.status || i.urgency === f.status) && (!f.quarter || quarterKeyOf(i.periodEnd) === f.quarter));
}

/** The list as the page shows it: what needs action now, in order; then the history by quarter, newest quarter first, latest due first in each. */
export function arrangeWorklist<T extends ArrangeableItem>(items: readonly T[]): { now: T[]; history: { quarter: string; items: T[] }[] } {
  const now = items.filter(needsActionNow).sort(byActionNow);
  const byQuarter = new Map<string, T[]>();
  for (const item of items) {
    if (needsActionNow(item)) continue;
    const key = quarterKeyOf(item.periodEnd);
    byQuarter.set(key, [...(byQuarter.get(key) ?? []), item]);
  }
  const history = [...byQuarter.entries()]
    .sort((a, b) => b[0].localeCompare(a[0]))
    .map(([quarter, list]) => ({ quarter, items: list.sort((a, b) => b.dueDate.localeCompare(a.dueDate)) }));
  return { now, history };
}
