import type { PrismaClient } from "@/generated/prisma/client";
import type { MailSettings } from "@/server/env";
import { deliverNotificationEmails, type DeliveryResult } from "./email";
import { scanNotifications } from "./scan";

export interface ScanRun {
  created: number;
  skipped: boolean;
  /** Null when e-mail is off (no SMTP setting) or delivery failed as a whole (logged). */
  email: DeliveryResult | null;
}

/**
 * One round of the schedule: the scan creates the in-app notifications in its
 * own transaction; once that has committed, the ones due an e-mail are sent
 * when `mail` is given. A failed delivery is logged and never undoes or
 * delays the in-app notifications; what was not sent is tried again next round.
 */
export async function runNotificationScan(db: PrismaClient, mail: MailSettings | null, now: Date = new Date()): Promise<ScanRun> {
  const scan = await scanNotifications(db, now);
  if (!mail) return { ...scan, email: null };
  try {
    return { ...scan, email: await deliverNotificationEmails(db, mail) };
  } catch (error) {
    console.warn("[notifications] e-mail delivery failed; will retry", error instanceof Error ? error.message : error);
    return { ...scan, email: null };
  }
}
