import "server-only";
import { db } from "@/server/db";
import { computeDashboard, type Dashboard, type DashboardInput } from "./compute";
import { loadDashboardInput } from "./queries";

const MAX_ENTRIES = 64;
/** Each plan's loaded history at the current version: another "as of" day, a list or a timeline then costs no reload. */
const MAX_HISTORIES = 4;
// Kept on globalThis: the pages and the warmer started from src/instrumentation.ts are bundled
// apart, and must share one cache.
const shared = globalThis as unknown as {
  dubanDashboards?: Map<string, { version: bigint; value: Promise<Dashboard> }>;
  dubanHistories?: Map<string, { version: bigint; value: Promise<DashboardInput> }>;
};
const cache = (shared.dubanDashboards ??= new Map());
const histories = (shared.dubanHistories ??= new Map());

function historyOf(planId: string, version: bigint): Promise<DashboardInput> {
  const hit = histories.get(planId);
  if (hit && hit.version === version) return hit.value;
  const value = loadDashboardInput(planId);
  histories.delete(planId);
  histories.set(planId, { version, value });
  value.catch(() => histories.delete(planId));
  while (histories.size > MAX_HISTORIES) histories.delete(histories.keys().next().value!);
  return value;
}

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
  const value = historyOf(planId, version).then((input) => computeDashboard(input, asOf));
  remember(key, version, value);
  return value;
}

/**
 * The overview together with the stored history it is computed from, for the
 * pages that list what lies behind a figure (they filter the same history with
 * the same functions). Both are shared with `getDashboard`, at the same version.
 */
export async function getDashboardWithInput(planId: string, asOf: string): Promise<{ dashboard: Dashboard; input: DashboardInput }> {
  const version = await dataVersion();
  const key = `${planId}:${asOf}`;
  const input = await historyOf(planId, version);
  const hit = cached(key, version);
  if (hit) return { dashboard: await hit, input };
  const value = Promise.resolve(computeDashboard(input, asOf));
  remember(key, version, value);
  return { dashboard: await value, input };
}
