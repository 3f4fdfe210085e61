/**
 * npm run notify:scan — runs the notification scan once (for cron, or to check it by hand),
 * then e-mails what is due one when DUBAN_SMTP_URL is set.
 */
import { openDatabase } from "./lib/database";
import { prismaFor } from "./lib/prisma";
import { runNotificationScan } from "../src/features/notifications/run";
import { mailSettings } from "../src/server/env";

const mail = mailSettings();
const handle = await openDatabase();
const db = prismaFor(handle.url);
try {
  const result = await runNotificationScan(db, mail);
  console.log(result.skipped ? "Another scan is running; nothing created." : `Notifications created: ${result.created}`);
  if (!mail) console.log("E-mail is off (DUBAN_SMTP_URL is not set).");
  else if (result.email) console.log(`E-mails sent: ${result.email.sent}; to retry at the next scan: ${result.email.failed}`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
