import "server-only";
import { getDashboard } from "@/features/dashboard/cached";
import { listPlans } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import { defaultAsOf } from "@/lib/plan-lifecycle";
import { db } from "./db";
import { watchVersion } from "./version-watcher";

/**
 * Recomputes the overview every plan opens on (today; an ended plan's last day) within a few seconds of a change to the dashboard's
 * data, so that the next leader to look does not wait for it (at province scale the computation
 * takes over a second). Views arriving meanwhile share the same computation.
 */
export function startDashboardWarmer(): void {
  watchVersion({
    name: "dashboard",
    read: async () => (await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } }))?.version ?? -1n,
    onChange: async () => {
      const today = todayInChina();
      for (const plan of await listPlans()) await getDashboard(plan.id, defaultAsOf(plan, today));
    },
  });
}
