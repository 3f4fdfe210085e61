import "server-only";
import { db } from "@/server/db";
import type { DashboardInput } from "./compute";
import { loadPlanHistory, type HistoryScope } from "./load-history";

/** A plan's stored history (src/features/dashboard/load-history.ts), whole or for a scope, through the app's client. */
export function loadDashboardInput(planId: string, scope: HistoryScope = null): Promise<DashboardInput> {
  return loadPlanHistory(db, planId, scope);
}
