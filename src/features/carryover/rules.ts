/**
 * The pure rules of 结转 (decision 028): how a carried measure's department cell and time
 * arrangement read, and which of an origin measure's indicators were missed.
 */
import type { MeasureRole } from "@/features/structure/rules";
import { planLifecycle, type PlanStatus } from "@/lib/plan-lifecycle";

/** The key task a carried measure goes under when the administrator names none. */
export const CARRYOVER_TASK_TITLE = "结转事项";

/** The department cell of a carried measure, written from its roles: 「A牵头，B共同牵头，C、D配合」. */
export function carryoverDepartmentsText(list: readonly { shortName: string; role: MeasureRole }[]): string {
  const of = (role: MeasureRole) => list.filter((d) => d.role === role).map((d) => d.shortName);
  const parts = [
    of("LEAD").length ? `${of("LEAD").join("、")}牵头` : "",
    of("JOINT_LEAD").length ? `${of("JOINT_LEAD").join("、")}共同牵头` : "",
    of("SUPPORT").length ? `${of("SUPPORT").join("、")}配合` : "",
  ];
  return parts.filter(Boolean).join("，");
}

/** The time arrangement of a carried measure: 「yyyy-mm-dd前」 for a deadline, 「持续推进」 without one. */
export function carryoverTimeArrangement(deadline: string | null): string {
  return deadline ? `${deadline}前` : "持续推进";
}

/** Where an indicator stood when its plan ended: met, missed, no value reported, or no number to reach. */
export type IndicatorOutcome = "MET" | "MISSED" | "NO_VALUE" | "NO_TARGET";

/**
 * An indicator's outcome from the points it was behind on the plan's last day (src/lib/status.ts
 * indicatorBehind: null when nothing was reported): behind by more than 0 is missed.
 */
export function indicatorOutcome(hasTarget: boolean, behind: number | null): IndicatorOutcome {
  if (!hasTarget) return "NO_TARGET";
  if (behind === null) return "NO_VALUE";
  return behind > 0 ? "MISSED" : "MET";
}

/** Whether an indicator goes with its measure unless the administrator says otherwise: every one not met. */
export const carriedByDefault = (outcome: IndicatorOutcome) => outcome !== "MET";

/** Whether a plan's unfinished measures may be carried over: it has ended (已结束 or 已归档) and creates no obligations. */
export const carriesOver = (plan: { status: PlanStatus }) => !planLifecycle[plan.status].createsObligations;
