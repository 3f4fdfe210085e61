import "server-only";
import { db } from "@/server/db";
import { computeDashboard, type Dashboard, type DashboardInput } from "./compute";
import { loadDashboardInput } from "./queries";

const MAX_ENTRIES = 64;
const cache = new Map<string, { version: bigint; value: Promise<Dashboard> }>();

async function dataVersion(): Promise<bigint> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? -1n;
}

function cached(key: string, version: bigint): Promise<Dashboard> | null {
  const hit = cache.get(key);
  if (!hit || hit.version !== version) return null;
  // Most recently used last, so the oldest entry is evicted first.
  cache.delete(key);
  cache.set(key, hit);
  return hit.value;
}

function remember(key: string, version: bigint, value: Promise<Dashboard>): void {
  cache.set(key, { version, value });
  value.catch(() => cache.delete(key));
  while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
}

/**
 * The leader overview of a plan as of a day, computed once per data version.
 * Database triggers raise `DataVersion` on every change to what the overview
 * reads, whoever writes, so a reused result is exactly what a recomputation
 * would give; each read costs one primary-key lookup. Concurrent misses share
 * one computation.
 */
export async function getDashboard(planId: string, asOf: string): Promise<Dashboard> {
  const version = await dataVersion();
  const key = `${planId}:${asOf}`;
  const hit = cached(key, version);
  if (hit) return hit;
  const value = loadDashboardInput(planId).then((input) => computeDashboard(input, asOf));
  remember(key, version, value);
  return value;
}

/**
 * The overview together with the stored history it is computed from, for the
 * pages that list what lies behind a figure (they filter the same history with
 * the same functions). The history is loaded on every call and not kept; the
 * overview is shared with `getDashboard`.
 */
export async function getDashboardWithInput(planId: string, asOf: string): Promise<{ dashboard: Dashboard; input: DashboardInput }> {
  const version = await dataVersion();
  const key = `${planId}:${asOf}`;
  const input = await loadDashboardInput(planId);
  const hit = cached(key, version);
  if (hit) return { dashboard: await hit, input };
  const value = Promise.resolve(computeDashboard(input, asOf));
  remember(key, version, value);
  return { dashboard: await value, input };
}
