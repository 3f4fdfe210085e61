/**
 * npm run notify:scan — runs the notification scan once (for cron, or to check it by hand),
 * then e-mails what is due one when DUBAN_SMTP_URL is set, and deletes sign-in attempts
 * older than the throttle reads (what the app's schedule does when it is on).
 */
import { openDatabase } from "./lib/database";
import { prismaFor } from "./lib/prisma";
import { runNotificationScan } from "../src/features/notifications/run";
import { sweepLoginAttempts } from "../src/features/auth/authenticate";
import { mailSettings } from "../src/server/env";

const mail = mailSettings();
const handle = await openDatabase();
const db = prismaFor(handle.url);
try {
  const result = await runNotificationScan(db, mail);
  console.log(result.skipped ? "Another scan is running; nothing created." : `Notifications created: ${result.created}`);
  if (!mail) console.log("E-mail is off (DUBAN_SMTP_URL is not set).");
  else if (result.email) console.log(`E-mails sent: ${result.email.sent}; to retry at the next scan: ${result.email.failed}`);
  const swept = await sweepLoginAttempts(db);
  if (swept) console.log(`Old sign-in attempts deleted: ${swept}`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
