import "server-only";
import { getDashboard } from "@/features/dashboard/cached";
import { listPlans } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import { defaultAsOf } from "@/lib/plan-lifecycle";

/**
 * Computes the overview every plan opens on (today; an ended plan's last day) when the server
 * starts, so that the first leader to look does not wait for it (at province scale the computation
 * takes over a second). Later changes are recomputed in the background as they happen
 * (src/features/dashboard/cached.ts): no polling.
 */
export function startDashboardWarmer(): void {
  void (async () => {
    const today = todayInChina();
    for (const plan of await listPlans()) await getDashboard(plan.id, defaultAsOf(plan, today));
  })().catch((error: unknown) => console.warn(`[dashboard] warming failed: ${error instanceof Error ? error.message : String(error)}`));
}
