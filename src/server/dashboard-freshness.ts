/**
 * What the production HTTP server's page cache (scripts/serve.ts, outside the Next.js bundle) and
 * the dashboards' computation (src/features/dashboard/cached.ts, inside it) tell each other, through
 * `globalThis` since both run in the same process but are loaded apart:
 *   - the dashboards raise a generation number whenever recomputed figures replace the previous
 *     ones; the rendered overview and department pages are keyed on it (decision 022);
 *   - the page cache, which reads the dashboards' data version with every session check, nudges
 *     the dashboards when it sees that version move, since its replays never reach the app.
 */
const shared = globalThis as unknown as {
  dubanDashboardGeneration?: number;
  dubanDashboardNudge?: (dataVersion: bigint) => void;
};

/** The number of times recomputed figures have replaced earlier ones in this process. */
export function dashboardGeneration(): number {
  return shared.dubanDashboardGeneration ?? 0;
}

/** Called by the dashboards when newly computed figures take the place of earlier ones. */
export function dashboardsReplaced(): void {
  shared.dubanDashboardGeneration = dashboardGeneration() + 1;
}

/** The dashboards register what to do when their data may have changed. */
export function onDashboardNudge(handler: (dataVersion: bigint) => void): void {
  shared.dubanDashboardNudge = handler;
}

/** Tells the dashboards that their data is now at `dataVersion` (they recompute if it is newer than theirs). */
export function nudgeDashboards(dataVersion: bigint): void {
  shared.dubanDashboardNudge?.(dataVersion);
}
