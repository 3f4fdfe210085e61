/**
 * Runs once when the server starts: a bad environment stops it here, with a readable message; then
 * the scheduled notification scan, the evidence sweep and the dashboard warmer start.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { env } = await import("./server/env");
    env();
    if (process.env.NODE_ENV === "production") {
      const { startEvidenceSweep, startNotificationScheduler } = await import("./server/scheduler");
      startNotificationScheduler();
      startEvidenceSweep();
      const { startDashboardWarmer } = await import("./server/dashboard-warmer");
      startDashboardWarmer();
    }
  }
}
