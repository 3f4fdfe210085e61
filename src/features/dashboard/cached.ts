import "server-only";
import { LRUCache } from "lru-cache";
import { Prisma } from "@/generated/prisma/client";
import { db } from "@/server/db";
import { dashboardsReplaced, onDashboardNudge } from "@/server/dashboard-freshness";
import { assembleDashboard, groupByMeasure, groupsWithMeasuresReplaced, measurePart, type Dashboard, type DashboardInput, type MeasureGroups, type MeasurePart } from "./compute";
import { loadDashboardInput } from "./queries";
import { eachSliced } from "./slices";

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

/** How a plan's figures were last brought up to date, and how long it took (decision 034). */
export interface Recomputation {
  read: "whole" | "measures";
  /** Measures read and recomputed: all of them, or those with new review events. */
  measures: number;
  ms: number;
}

/** How the figures of a plan were last brought up to date; undefined before the first time. */
export function lastRecomputation(planId: string): Recomputation | undefined {
  return lastRefresh.get(planId);
}

/** A plan's stored history at one data version, and the overviews computed from it. */
interface Snapshot {
  version: bigint;
  /** `DataVersion.historyVersion` when read: while it holds, new review events are the only change (decision 034). */
  historyVersion: bigint;
  /** The database snapshot the history was read after (pg_snapshot as text): events it does not see are newer. */
  seen: string;
  loadedAt: Date;
  input: Promise<DashboardInput>;
  groups: Promise<MeasureGroups>;
  /** By "as of" day, most recently used last. */
  dashboards: Map<string, Promise<TimedDashboard>>;
  /** Each measure's share of the overview, by day: a newer snapshot reuses those of the measures it did not reload. */
  parts: Map<string, Map<string, MeasurePart>>;
}

const MAX_PLANS = 4;
const MAX_DAYS = 32;
/** Days of the replaced snapshot computed again before the new figures take its place. */
const CARRIED_DAYS = 2;
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
/** How each plan's figures were last brought up to date: the whole history read, or some measures'. */
const lastRefresh = ((shared as { dubanLastRefresh?: Map<string, Recomputation> }).dubanLastRefresh ??= new Map());
const refreshes = (shared.dubanRefreshes ??= new Map());
const schedule = (shared.dubanRefreshTimers ??= new Map());

async function dataVersion(): Promise<bigint> {
  const row = await db.dataVersion.findUnique({ where: { id: 1 }, select: { version: true } });
  return row?.version ?? -1n;
}

/** The data and page versions, and the database snapshot they were read in, before a history is read. */
async function versionsSeen(): Promise<{ version: bigint; historyVersion: bigint; seen: string }> {
  const [row] = await db.$queryRaw<{ version: bigint; historyVersion: bigint; seen: string }[]>`
    SELECT "version", "historyVersion", pg_current_snapshot()::text AS "seen" FROM "DataVersion" WHERE "id" = 1`;
  return row ?? { version: -1n, historyVersion: -1n, seen: "" };
}

/**
 * The measures of a plan with review events written by transactions a database snapshot does not
 * see: those committed since a history was read under it (decision 034).
 */
async function measuresChangedSince(planId: string, seen: string): Promise<string[]> {
  // In two steps, each on its own index (the writing transaction's, then the reports' keys), whatever
  // the planner's statistics say: the new events are few, the plan's reports many.
  const reports = await db.$queryRaw<{ reportId: string }[]>`
    SELECT DISTINCT "reportId" FROM "ProgressReportRevision"
    WHERE "writtenBy" >= pg_snapshot_xmin(${seen}::pg_snapshot) AND NOT pg_visible_in_snapshot("writtenBy", ${seen}::pg_snapshot)`;
  if (!reports.length) return [];
  const rows = await db.$queryRaw<{ measureId: string }[]>`
    SELECT DISTINCT r."measureId" FROM "ProgressReport" r JOIN "Measure" m ON m."id" = r."measureId" JOIN "KeyTask" t ON t."id" = m."keyTaskId"
    WHERE r."id" IN (${Prisma.join(reports.map((r) => r.reportId))}) AND t."planId" = ${planId}`;
  return rows.map((r) => r.measureId);
}

/** A history with some measures' periods and 进度 histories replaced by newly read ones; the structure is the old one's. */
function withMeasuresReplaced(old: DashboardInput, fresh: DashboardInput, changed: Set<string>): DashboardInput {
  return {
    ...old,
    histories: [...old.histories.filter((h) => !changed.has(h.measureId)), ...fresh.histories],
    progress:
      old.progress && fresh.progress
        ? { ...old.progress, measures: [...old.progress.measures.filter((m) => !changed.has(m.measureId)), ...fresh.progress.measures] }
        : (fresh.progress ?? old.progress),
  };
}

function newSnapshot(at: { version: bigint; historyVersion: bigint; seen: string }, input: Promise<DashboardInput>, groups?: Promise<MeasureGroups>): Snapshot {
  return { ...at, loadedAt: new Date(), input, groups: groups ?? input.then(groupByMeasure), dashboards: new Map(), parts: new Map() };
}

function dashboardOf(snap: Snapshot, asOf: string): Promise<TimedDashboard> {
  const hit = snap.dashboards.get(asOf);
  if (hit) {
    snap.dashboards.delete(asOf);
    snap.dashboards.set(asOf, hit);
    return hit;
  }
  const updatedAt = snap.loadedAt.toISOString();
  const value = Promise.all([snap.input, snap.groups]).then(async ([input, groups]) => {
    // Shares carried from the previous snapshot (measures not reloaded) are reused; the rest computed,
    // a slice at a time, so that a whole plan's recomputation never holds up the server's other requests.
    const parts = snap.parts.get(asOf) ?? new Map<string, MeasurePart>();
    snap.parts.set(asOf, parts);
    await eachSliced(groups.order, (id) => {
      if (!parts.has(id)) parts.set(id, measurePart(input, groups, id, asOf));
    });
    return { ...assembleDashboard(input, groups, asOf, groups.order.map((id) => parts.get(id)!)), updatedAt };
  });
  snap.dashboards.set(asOf, value);
  value.catch(() => {
    snap.dashboards.delete(asOf);
    snap.parts.delete(asOf);
  });
  while (snap.dashboards.size > MAX_DAYS) {
    const oldest = snap.dashboards.keys().next().value!;
    snap.dashboards.delete(oldest);
    snap.parts.delete(oldest);
  }
  return value;
}

/**
 * Reads the plan's history afresh and computes the days the previous snapshot was asked for, then
 * puts the new snapshot in place and raises the dashboards' generation (the rendered overview
 * pages are keyed on it). When only new review events were committed since the previous snapshot
 * (its `historyVersion` still holds), only the measures they belong to are read and recomputed
 * (decision 034); any other change reads the whole history. One at a time per plan; a call while
 * one runs shares it.
 */
function refresh(planId: string): Promise<void> {
  const running = refreshes.get(planId);
  if (running) return running;
  const work = (async () => {
    const at = await versionsSeen();
    const old = snapshots.get(planId);
    if (old && old.version >= at.version) return;
    const started = performance.now();
    let snap: Snapshot;
    let read: Recomputation["read"] = "whole";
    let changedCount = 0;
    if (old && old.historyVersion === at.historyVersion) {
      read = "measures";
      const [previous, previousGroups, changedIds] = await Promise.all([old.input, old.groups, measuresChangedSince(planId, old.seen)]);
      const changed = new Set(changedIds);
      changedCount = changed.size;
      const fresh = changed.size ? await loadDashboardInput(planId, { measureIds: changedIds }) : null;
      snap = newSnapshot(
        at,
        Promise.resolve(fresh ? withMeasuresReplaced(previous, fresh, changed) : previous),
        // Only the changed measures are grouped again.
        Promise.resolve(fresh ? groupsWithMeasuresReplaced(previousGroups, fresh, changed) : previousGroups),
      );
      for (const [asOf, parts] of old.parts) snap.parts.set(asOf, new Map([...parts].filter(([id]) => !changed.has(id))));
    } else {
      snap = newSnapshot(at, loadDashboardInput(planId));
    }
    await snap.input;
    for (const asOf of old ? [...old.dashboards.keys()].slice(-CARRIED_DAYS) : []) await dashboardOf(snap, asOf);
    lastRefresh.set(planId, { read, measures: read === "whole" ? (await snap.groups).order.length : changedCount, ms: Math.round(performance.now() - started) });
    // Carried shares of days not computed again would never be read: let them go.
    for (const asOf of [...snap.parts.keys()]) if (!snap.dashboards.has(asOf)) snap.parts.delete(asOf);
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

/** Scoped figures by plan, scope and day: the versions and database snapshot they were read at, and the measures they cover. */
interface ScopedEntry {
  version: bigint;
  historyVersion: bigint;
  seen: string;
  /** The measures the scope covers, once read. */
  measureIds: Set<string> | null;
  value: Promise<TimedDashboard>;
}
const scopedCache = ((shared as { dubanScoped?: LRUCache<string, ScopedEntry> }).dubanScoped ??= new LRUCache({ max: 2_000 }));

/**
 * The overview computed over one department's measures or one measure (`HistoryScope`), exactly as
 * the data stand when asked: the department's own row and the lights of those measures are the
 * whole plan's figures for them (a department's figures count only its own assignments; a
 * measure's lights only its own periods), at the cost of those measures alone — no reader of a
 * department's or a measure's page waits for the whole plan's recomputation, and none sees figures
 * older than the data. The plan-wide parts (key tasks, ranking, other departments) are partial and
 * must not be read from it. Kept until a change touches the scope's measures (new review events on
 * them, found as in `refresh`, or any other change the overview reads); concurrent misses share one
 * computation.
 */
export async function getScopedDashboard(planId: string, asOf: string, scope: { departmentId: string } | { measureId: string }): Promise<TimedDashboard> {
  const key = `${planId}|${"measureId" in scope ? `m:${scope.measureId}` : `d:${scope.departmentId}`}|${asOf}`;
  const at = await versionsSeen();
  const hit = scopedCache.get(key);
  if (hit && hit.version >= at.version) return hit.value;
  if (hit?.measureIds && hit.historyVersion === at.historyVersion) {
    const covered = hit.measureIds;
    if (!(await measuresChangedSince(planId, hit.seen)).some((id) => covered.has(id))) {
      // Nothing of this scope changed since it was read: the same figures, as of now.
      const now = new Date().toISOString();
      const value = hit.value.then((d) => ({ ...d, updatedAt: now }));
      scopedCache.set(key, { ...hit, version: at.version, seen: at.seen, value });
      return value;
    }
  }
  const loadedAt = new Date();
  const value = loadDashboardInput(planId, scope).then((input) => {
    const groups = groupByMeasure(input);
    entry.measureIds = new Set(groups.order);
    return { ...assembleDashboard(input, groups, asOf, groups.order.map((id) => measurePart(input, groups, id, asOf))), updatedAt: loadedAt.toISOString() };
  });
  const entry: ScopedEntry = { ...at, measureIds: null, value };
  scopedCache.set(key, entry);
  entry.value.catch(() => {
    if (scopedCache.get(key) === entry) scopedCache.delete(key);
  });
  return entry.value;
}

onDashboardNudge((version) => refreshChangedDashboards(version));
