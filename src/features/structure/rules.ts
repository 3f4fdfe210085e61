/**
 * The rules of a plan's editable structure that need no database (decision 021). Pure, so that
 * the mutations and their unit tests share them.
 */
import { extractIndicators, extractTrends } from "@/lib/indicators";

/** A department's part in a measure: 牵头 (one per measure), 共同牵头 (reports like the lead), 配合. */
export type MeasureRole = "LEAD" | "JOINT_LEAD" | "SUPPORT";

export const MEASURE_ROLES: readonly MeasureRole[] = ["LEAD", "JOINT_LEAD", "SUPPORT"];

/** The role stored as the two flags of MeasureDepartment. */
export function roleOf(a: { isLead: boolean; isJointLead: boolean }): MeasureRole {
  return a.isLead ? "LEAD" : a.isJointLead ? "JOINT_LEAD" : "SUPPORT";
}

/** The two flags of MeasureDepartment for a role. */
export function flagsOf(role: MeasureRole): { isLead: boolean; isJointLead: boolean } {
  return { isLead: role === "LEAD", isJointLead: role === "JOINT_LEAD" };
}

/**
 * Why a measure's departments cannot be set as given (a message key under "admin"), or null:
 * at least one department, each once, exactly one lead.
 */
export function assignmentProblem(list: readonly { departmentId: string; role: MeasureRole }[]): string | null {
  if (list.length === 0) return "departmentsRequired";
  if (new Set(list.map((a) => a.departmentId)).size !== list.length) return "departmentTwice";
  const leads = list.filter((a) => a.role === "LEAD").length;
  if (leads === 0) return "leadRequired";
  if (leads > 1) return "oneLead";
  return null;
}

/** The indicator fields an administrator edits. */
export interface IndicatorFields {
  name: string;
  unit: string;
  comparison: "GTE" | "LTE" | "EQ";
  /** The number to reach; a trend's: the change in % of its baseline; null for a trend's direction only. */
  target: number | null;
  period: "YEAR" | "PLAN" | "CYCLE";
  /** Set for a change against a baseline (「5年降低20%左右」). */
  direction: "DECREASE" | "INCREASE" | null;
  baseline: number | null;
}

/** Why an indicator cannot be saved as given (a message key under "admin"), or null. */
export function indicatorProblem(f: IndicatorFields): string | null {
  if (f.direction === null && f.target === null) return "indicatorTargetRequired";
  if (f.direction === null && f.baseline !== null) return "indicatorBaselineWithoutTrend";
  return null;
}

/** An indicator as proposed for a measure's text (待确认): its absolute targets, then its trends. */
export interface ProposedIndicator extends IndicatorFields {
  key: string;
  sourceText: string;
}

/**
 * The indicators the parser finds in a measure's text (src/lib/indicators.ts): absolute targets
 * as they are; trends (「5年降低20%左右」, 「有效降低…发生率」) with their direction, the change
 * in % as the target (none for a direction only), over the plan, the baseline left to an administrator.
 */
export function proposedIndicators(text: string): ProposedIndicator[] {
  const absolute = extractIndicators(text).map((i) => ({
    key: i.key,
    name: i.name,
    unit: i.unit,
    comparison: i.comparison,
    target: i.target,
    period: i.period,
    direction: null,
    baseline: null,
    sourceText: i.sourceText,
  }));
  const trends = extractTrends(text).map((t) => ({
    key: t.key,
    name: t.name,
    unit: "%",
    comparison: t.change?.comparison ?? ("GTE" as const),
    target: t.change?.percent ?? null,
    period: "PLAN" as const,
    direction: t.direction,
    baseline: null,
    sourceText: t.sourceText,
  }));
  return [...absolute, ...trends];
}
