/**
 * A plan's lifecycle, defined once: 草稿 (DRAFT) → 执行中 (ACTIVE) → 已结束 (ENDED) → 已归档 (ARCHIVED),
 * what each state allows, which plan is "current", and the day a plan's views open on.
 * Pure; dates are ISO YYYY-MM-DD. The sibling of the status definition (./status.ts).
 */
import { PlanStatus } from "@/generated/prisma/enums";

export { PlanStatus };

export interface PlanStateRules {
  /** New obligations: reporting periods may be created (at import, at start, when a schedule is edited). */
  createsObligations: boolean;
  /** The notification scan sends its reminders (due soon, overdue, returned) and news about the plan. */
  reminds: boolean;
  /** Still followed: the department page shows it (an ended plan while it is being evaluated). */
  live: boolean;
  /** Reports, reviews, extensions, instructions and schedule edits may change it. */
  writable: boolean;
  /** Its views open on its last day rather than today. */
  opensAtEnd: boolean;
  /** The states an administrator may move it to. */
  next: readonly PlanStatus[];
}

export const planLifecycle: Record<PlanStatus, PlanStateRules> = {
  [PlanStatus.DRAFT]: { createsObligations: true, reminds: false, live: false, writable: true, opensAtEnd: false, next: [PlanStatus.ACTIVE] },
  [PlanStatus.ACTIVE]: { createsObligations: true, reminds: true, live: true, writable: true, opensAtEnd: false, next: [PlanStatus.ENDED] },
  // Ended: late reports and reviews of its periods are still accepted while the plan is evaluated.
  [PlanStatus.ENDED]: { createsObligations: false, reminds: false, live: true, writable: true, opensAtEnd: true, next: [PlanStatus.ACTIVE, PlanStatus.ARCHIVED] },
  [PlanStatus.ARCHIVED]: { createsObligations: false, reminds: false, live: false, writable: false, opensAtEnd: true, next: [PlanStatus.ENDED] },
};

export const PLAN_STATUSES: readonly PlanStatus[] = [PlanStatus.DRAFT, PlanStatus.ACTIVE, PlanStatus.ENDED, PlanStatus.ARCHIVED];

/** The states whose rule `rule` holds (for a database filter). */
export function statusesWhere(rule: keyof Omit<PlanStateRules, "next">): PlanStatus[] {
  return PLAN_STATUSES.filter((s) => planLifecycle[s][rule]);
}

/** Whether an administrator may move a plan from `from` to `to`. */
export function canMovePlan(from: PlanStatus, to: PlanStatus): boolean {
  return planLifecycle[from].next.includes(to);
}

export interface PlanDates {
  status: PlanStatus;
  startYear: number;
  endYear: number;
}

/** A plan's first day. */
export function planStartDay(plan: Pick<PlanDates, "startYear">): string {
  return `${plan.startYear}-01-01`;
}

/** A plan's last day (the 2021—2025 plan: 2025-12-31). */
export function planEndDay(plan: Pick<PlanDates, "endYear">): string {
  return `${plan.endYear}-12-31`;
}

/** The day a plan's views open on when the URL names none: its last day once it has ended (and that day has come), else today. */
export function defaultAsOf(plan: PlanDates, today: string): string {
  const end = planEndDay(plan);
  return planLifecycle[plan.status].opensAtEnd && end < today ? end : today;
}

/**
 * The current plan, where /dashboard and /plans lead: the live plan (执行中) that started most
 * recently; when none runs, the most recent plan that is not a draft; else the most recent. Null when there is none.
 */
export function currentPlan<P extends PlanDates>(plans: readonly P[]): P | null {
  const latest = (list: readonly P[]) => list.reduce<P | null>((best, p) => (!best || p.startYear > best.startYear ? p : best), null);
  return latest(plans.filter((p) => p.status === PlanStatus.ACTIVE)) ?? latest(plans.filter((p) => p.status !== PlanStatus.DRAFT)) ?? latest(plans);
}
