import "server-only";
import { db } from "@/server/db";
import type { DashboardInput } from "./compute";
import { loadPlanHistory } from "./load-history";

/** A plan's whole stored history (src/features/dashboard/load-history.ts) through the app's client. */
export function loadDashboardInput(planId: string): Promise<DashboardInput> {
  return loadPlanHistory(db, planId);
}
