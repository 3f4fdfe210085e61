import "server-only";
import { db } from "@/server/db";
import { computeDashboard, type Dashboard } from "./compute";
import { loadDashboardInput } from "./queries";

const MAX_ENTRIES = 64;
const cache = new Map<string, { version: bigint; value: Promise<Dashboard> }>();

/**
 * The leader overview of a plan as of a day, computed once per data version.
 * Database triggers raise `DataVersion` on every change to what the overview
 * reads, whoever writes, so a reused result is exactly what a recomputation
 * would give; each read costs one primary-key lookup. Concurrent misses share
 * one computation.
 */
export async function getDashboard(planId: string, asOf: string): Promise<Dashboard> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  const version = row?.version ?? -1n;
  const key = `${planId}:${asOf}`;
  const hit = cache.get(key);
  if (hit && hit.version === version) {
    // Most recently used last, so the oldest entry is evicted first.
    cache.delete(key);
    cache.set(key, hit);
    return hit.value;
  }
  const value = loadDashboardInput(planId).then((input) => computeDashboard(input, asOf));
  cache.set(key, { version, value });
  value.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  return value;
}
