import "server-only";
import { LRUCache } from "lru-cache";
import { db } from "@/server/db";
import { dashboardsReplaced, onDashboardNudge } from "@/server/dashboard-freshness";
import { computeDashboard, type Dashboard, type DashboardInput } from "./compute";
import type { HistoryScope } from "./load-history";
import { loadDashboardInput } from "./queries";

/** An overview with the moment its stored history was read: the figures are as of then. */
export type TimedDashboard = Dashboard & { updatedAt: string };

/**
 * How fresh a reader wants the figures:
 * - "latest": at least as new as the data when asked (a recomputation is waited for) — exports and
 *   anything that must match the database exactly;
 * - "recent": the figures in place, while newer ones are computed in the background — the pages,
 *   which say as of when their figures are and show newer ones within seconds.
 */
export type Freshness = "latest" | "recent";

/** A plan's stored history at one data version, and the overviews computed from it. */
interface Snapshot {
  version: bigint;
  loadedAt: Date;
  input: Promise<DashboardInput>;
  /** By "as of" day, most recently used last. */
  dashboards: Map<string, Promise<TimedDashboard>>;
}

const MAX_PLANS = 4;
const MAX_DAYS = 32;
/** Days of the replaced snapshot computed again before the new figures take its place. */
const CARRIED_DAYS = 4;
/** The least time between two background recomputations of a plan: bounds how often the overview renders again. */
const MIN_GAP_MS = 1_000;

// Kept on globalThis: the pages and the warmer started from src/instrumentation.ts are bundled
// apart, and must share one cache.
const shared = globalThis as unknown as {
  dubanSnapshots?: Map<string, Snapshot>;
  dubanRefreshes?: Map<string, Promise<void>>;
  dubanRefreshTimers?: Map<string, { timer: NodeJS.Timeout | null; finishedAt: number }>;
};
const snapshots = (shared.dubanSnapshots ??= new Map());
const refreshes = (shared.dubanRefreshes ??= new Map());
const schedule = (shared.dubanRefreshTimers ??= new Map());

async function dataVersion(): Promise<bigint> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? -1n;
}

function dashboardOf(snap: Snapshot, asOf: string): Promise<TimedDashboard> {
  const hit = snap.dashboards.get(asOf);
  if (hit) {
    snap.dashboards.delete(asOf);
    snap.dashboards.set(asOf, hit);
    return hit;
  }
  const updatedAt = snap.loadedAt.toISOString();
  const value = snap.input.then((input) => ({ ...computeDashboard(input, asOf), updatedAt }));
  snap.dashboards.set(asOf, value);
  value.catch(() => snap.dashboards.delete(asOf));
  while (snap.dashboards.size > MAX_DAYS) snap.dashboards.delete(snap.dashboards.keys().next().value!);
  return value;
}

/**
 * Loads the plan's history afresh and computes the days the previous snapshot was asked for, then
 * puts the new snapshot in place and raises the dashboards' generation (the rendered overview
 * pages are keyed on it). One at a time per plan; a call while one runs shares it.
 */
function refresh(planId: string): Promise<void> {
  const running = refreshes.get(planId);
  if (running) return running;
  const work = (async () => {
    const version = await dataVersion();
    const old = snapshots.get(planId);
    if (old && old.version >= version) return;
    const snap: Snapshot = { version, loadedAt: new Date(), input: loadDashboardInput(planId), dashboards: new Map() };
    await snap.input;
    for (const asOf of old ? [...old.dashboards.keys()].slice(-CARRIED_DAYS) : []) await dashboardOf(snap, asOf);
    snapshots.delete(planId);
    snapshots.set(planId, snap);
    while (snapshots.size > MAX_PLANS) snapshots.delete(snapshots.keys().next().value!);
    dashboardsReplaced();
  })().finally(() => {
    refreshes.delete(planId);
    const s = schedule.get(planId);
    if (s) s.finishedAt = Date.now();
  });
  refreshes.set(planId, work);
  return work;
}

/** A background recomputation soon: at once, or when MIN_GAP_MS has passed since the last one. */
function refreshSoon(planId: string): void {
  const s = schedule.get(planId) ?? { timer: null, finishedAt: 0 };
  schedule.set(planId, s);
  if (s.timer) return;
  const wait = Math.max(0, s.finishedAt + MIN_GAP_MS - Date.now());
  s.timer = setTimeout(() => {
    s.timer = null;
    refresh(planId).catch((error: unknown) => console.warn(`[dashboard] recomputation failed: ${error instanceof Error ? error.message : String(error)}`));
  }, wait);
  s.timer.unref?.();
}

/** The snapshot of a plan at `version` or newer, loading one if needed. */
async function snapshotAt(planId: string, version: bigint): Promise<Snapshot> {
  for (;;) {
    const snap = snapshots.get(planId);
    if (snap && snap.version >= version) return snap;
    await refresh(planId);
  }
}

async function snapshotFor(planId: string, freshness: Freshness): Promise<Snapshot> {
  const version = await dataVersion();
  const snap = snapshots.get(planId);
  if (freshness === "recent" && snap) {
    if (snap.version < version) refreshSoon(planId);
    return snap;
  }
  return snapshotAt(planId, version);
}

/**
 * The leader overview of a plan as of a day, computed once per snapshot of the stored history.
 * Database triggers raise `DataVersion.version` on every change to what the overview reads,
 * whoever writes; each read costs one primary-key lookup. With "latest" the figures are exactly
 * what a recomputation would give now; with "recent" they may be a few seconds older (their
 * `updatedAt` says how old) while newer ones are computed. Concurrent misses share one computation.
 */
export async function getDashboard(planId: string, asOf: string, freshness: Freshness = "latest"): Promise<TimedDashboard> {
  return dashboardOf(await snapshotFor(planId, freshness), asOf);
}

/**
 * The overview together with the stored history it is computed from, for the
 * pages that list what lies behind a figure (they filter the same history with
 * the same functions). Both come from the same snapshot.
 */
export async function getDashboardWithInput(planId: string, asOf: string, freshness: Freshness = "latest"): Promise<{ dashboard: TimedDashboard; input: DashboardInput }> {
  const snap = await snapshotFor(planId, freshness);
  const [dashboard, input] = await Promise.all([dashboardOf(snap, asOf), snap.input]);
  return { dashboard, input };
}

/**
 * Recomputes, in the background, every plan whose figures are older than the data: called after
 * a write through the app (src/server/run-action.ts, after the answer is sent) and when the page
 * cache sees the data version move (its replays never reach the app).
 */
export function refreshChangedDashboards(known?: bigint): void {
  for (const [planId, snap] of snapshots) if (known === undefined || snap.version < known) refreshSoon(planId);
}

/** Scoped figures by plan, scope and day, with the data version they were computed at. */
const scopedCache = ((shared as { dubanScoped?: LRUCache<string, { version: bigint; value: Promise<TimedDashboard> }> }).dubanScoped ??= new LRUCache({ max: 2_000 }));

/**
 * The overview computed over one department's measures or one measure (`HistoryScope`), exactly as
 * the data stand when asked: the department's own row and the lights of those measures are the
 * whole plan's figures for them (a department's figures count only its own assignments; a
 * measure's lights only its own periods), at the cost of those measures alone — no reader of a
 * department's or a measure's page waits for the whole plan's recomputation, and none sees figures
 * older than the data. The plan-wide parts (key tasks, ranking, other departments) are partial and
 * must not be read from it. Kept per data version; concurrent misses share one computation.
 */
export async function getScopedDashboard(planId: string, asOf: string, scope: NonNullable<HistoryScope>): Promise<TimedDashboard> {
  const key = `${planId}|${"measureId" in scope ? `m:${scope.measureId}` : `d:${scope.departmentId}`}|${asOf}`;
  const version = await dataVersion();
  const hit = scopedCache.get(key);
  if (hit && hit.version >= version) return hit.value;
  const loadedAt = new Date();
  const value = loadDashboardInput(planId, scope).then((input) => ({ ...computeDashboard(input, asOf), updatedAt: loadedAt.toISOString() }));
  scopedCache.set(key, { version, value });
  value.catch(() => {
    if (scopedCache.get(key)?.value === value) scopedCache.delete(key);
  });
  return value;
}

onDashboardNudge((version) => refreshChangedDashboards(version));
