import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { sweepLoginAttempts } from "@/features/auth/authenticate";
import { runNotificationScan } from "@/features/notifications/run";
import { sweepEvidence } from "@/features/reports/uploads";
import { env, parseMailSettings } from "./env";
import { evidenceStore } from "./evidence-store";

/**
 * Runs the notification scan at start and then every DUBAN_NOTIFICATION_SCAN_MINUTES
 * (0 turns it off). Every instance may run it: the scan's advisory lock lets one
 * through at a time and its dedupe keys make a repeat harmless. With DUBAN_SMTP_URL
 * set, each round then e-mails what is due one (claimed row by row, so two
 * instances never send the same e-mail). A failed scan (the database down, say)
 * is logged and retried at the next tick. Each round also deletes sign-in
 * attempts older than the throttle reads (two days).
 */
export function startNotificationScheduler(): void {
  const settings = env();
  const minutes = settings.DUBAN_NOTIFICATION_SCAN_MINUTES;
  if (minutes === 0) return;
  const mail = parseMailSettings(settings);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: settings.DATABASE_URL, max: 2 }) });
  const tick = async () => {
    try {
      const result = await runNotificationScan(db, mail);
      if (result.created) console.log(`[notifications] ${result.created} created`);
      if (result.email?.sent || result.email?.failed) console.log(`[notifications] ${result.email.sent} e-mailed, ${result.email.failed} to retry`);
    } catch (error) {
      console.error("[notifications] scan failed; will retry", error instanceof Error ? error.message : error);
    }
    try {
      await sweepLoginAttempts(db);
    } catch (error) {
      console.error("[sign-in] sweeping old attempts failed; will retry", error instanceof Error ? error.message : error);
    }
  };
  setTimeout(tick, 5_000).unref();
  setInterval(tick, minutes * 60_000).unref();
}

/** Minutes between sweeps of the evidence folder. */
const EVIDENCE_SWEEP_MINUTES = 60;

/**
 * Sweeps the evidence folder shortly after start and then hourly (sweepEvidence): partial files
 * of uploads that broke off, uploads never attached, files no attachment row references. Files
 * written within the last hour are left alone, so uploads under way survive. Runs whatever the
 * notification schedule says; a failed sweep is logged and tried again at the next tick.
 */
export function startEvidenceSweep(): void {
  const settings = env();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: settings.DATABASE_URL, max: 1 }) });
  const tick = async () => {
    try {
      const { removed } = await sweepEvidence(db, evidenceStore());
      if (removed) console.log(`[evidence] ${removed} unused file(s) removed`);
    } catch (error) {
      console.error("[evidence] sweep failed; will retry", error instanceof Error ? error.message : error);
    }
  };
  setTimeout(tick, 60_000).unref();
  setInterval(tick, EVIDENCE_SWEEP_MINUTES * 60_000).unref();
}
