import "server-only";
import { can, type Principal } from "@/lib/permissions";
import { getDashboard, getDashboardWithInput, getScopedDashboard } from "./cached";
import type { Dashboard } from "./compute";

/*
 * The overview as the pages and routes read it: through the policy. The cached
 * computation behind it (./cached.ts) is shared by everyone and knows no caller;
 * pages and routes use these functions instead.
 */

/*
 * Pages read the plan-wide figures in place ("recent"): they may be a few seconds older than the
 * last write while newer ones are computed, and every page says as of when they are (`updatedAt`).
 * A department's page and a measure's page compute their own figures over their own measures,
 * exactly as the data stand (`getScopedDashboard`). Exports wait for the latest.
 */

/** The leader overview of a plan as of a day, for a caller who may read it; null otherwise. */
export async function readDashboard(actor: Principal | null, planId: string, asOf: string) {
  return can(actor, "dashboard:read") ? getDashboard(planId, asOf, "recent") : null;
}

/** The overview with the history behind it (the lists behind the figures, the task timeline); null for a caller who may not read it. */
export async function readDashboardWithInput(actor: Principal | null, planId: string, asOf: string) {
  return can(actor, "dashboard:read") ? getDashboardWithInput(planId, asOf, "recent") : null;
}

/** One department's record in the overview and the moment its figures are from, for a caller who may open that department; null otherwise. */
export async function readDepartmentRecord(actor: Principal | null, planId: string, departmentId: string, asOf: string) {
  if (!can(actor, "department:read", { departmentId })) return null;
  const dashboard = await getScopedDashboard(planId, asOf, { departmentId });
  const record = dashboard.departments.find((d) => d.id === departmentId);
  return record ? { ...record, updatedAt: dashboard.updatedAt } : null;
}

/** What one caller may see of the quarterly report (通报): everything, or one department's share. */
export interface ReportScope {
  departmentId: string | null;
}

/** The caller's share of the quarterly report: the whole plan, their department's, or null when they may not export. */
export function exportScope(actor: Principal | null): ReportScope | null {
  if (can(actor, "export:read")) return { departmentId: null };
  if (actor?.departmentId && can(actor, "export:read", { departmentId: actor.departmentId })) return { departmentId: actor.departmentId };
  return null;
}

/** One measure's two lights on a day (报送 and 进度), for a caller who may read the plan; null otherwise or when the overview does not rate it. */
export async function readMeasureLights(actor: Principal | null, planId: string, measureId: string, asOf: string) {
  if (!can(actor, "plan:read")) return null;
  return (await getScopedDashboard(planId, asOf, { measureId })).measures.find((m) => m.measureId === measureId) ?? null;
}

/**
 * The two lights (报送 and 进度) of a plan's measures on a day, by measure id, for a caller who may
 * read the plan; empty otherwise. With a department: that department's measures, exact as the data
 * stand; without: every measure, from the figures in place.
 */
export async function readPlanMeasureLights(actor: Principal | null, planId: string, asOf: string, departmentId?: string) {
  if (!can(actor, "plan:read")) return new Map<string, Dashboard["measures"][number]>();
  const dashboard = departmentId ? await getScopedDashboard(planId, asOf, { departmentId }) : await getDashboard(planId, asOf, "recent");
  return new Map(dashboard.measures.map((m) => [m.measureId, m]));
}
