import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { scanNotifications } from "@/features/notifications/scan";
import { env } from "./env";

/**
 * Runs the notification scan at start and then every DUBAN_NOTIFICATION_SCAN_MINUTES
 * (0 turns it off). Every instance may run it: the scan's advisory lock lets one
 * through at a time and its dedupe keys make a repeat harmless. A failed scan
 * (the database down, say) is logged and retried at the next tick.
 */
export function startNotificationScheduler(): void {
  const minutes = env().DUBAN_NOTIFICATION_SCAN_MINUTES;
  if (minutes === 0) return;
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 2 }) });
  const tick = async () => {
    try {
      const result = await scanNotifications(db);
      if (result.created) console.log(`[notifications] ${result.created} created`);
    } catch (error) {
      console.error("[notifications] scan failed; will retry", error instanceof Error ? error.message : error);
    }
  };
  setTimeout(tick, 5_000).unref();
  setInterval(tick, minutes * 60_000).unref();
}
