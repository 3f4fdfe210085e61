import "server-only";
import { deliverNotificationEmails } from "@/features/notifications/email";
import { db } from "./db";
import { mailSettings } from "./env";

/**
 * E-mails the notifications an event just created, once its transaction has committed: started
 * after the mutation returned and never awaited, so the user's answer does not wait for SMTP. The
 * rows are claimed like the scan's (decision 010), so a scan running at the same time never sends
 * one twice; whatever fails here is logged and left to the next scan. Nothing happens without
 * DUBAN_SMTP_URL.
 */
export function deliverAfterCommit(): void {
  let settings;
  try {
    settings = mailSettings();
  } catch (error) {
    console.warn("[notifications] e-mail settings invalid; not sending", error instanceof Error ? error.message : error);
    return;
  }
  if (!settings) return;
  deliverNotificationEmails(db, settings).catch((error) =>
    console.warn("[notifications] e-mail after an event failed; the scan will retry", error instanceof Error ? error.message : error),
  );
}
