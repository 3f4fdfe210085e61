import "server-only";
import { redirect } from "next/navigation";
import { planScopedPath } from "@/lib/plan-urls";
import { getCurrentPlan } from "./queries";

type SearchParams = Record<string, string | string[] | undefined>;

/** The query of a page's search parameters, as it came (repeated keys kept). */
export function queryOf(raw: SearchParams): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  return params.toString();
}

/**
 * A plan-less address of earlier versions (/dashboard, /dashboard/list, /dashboard/print) sends
 * the caller to the same view of the current plan, with the same query; null when there is no plan.
 */
export async function redirectToCurrentPlan(oldPath: string, raw: SearchParams): Promise<null> {
  const plan = await getCurrentPlan();
  if (!plan) return null;
  const target = planScopedPath(plan, oldPath, queryOf(raw));
  if (target) redirect(target);
  return null;
}
