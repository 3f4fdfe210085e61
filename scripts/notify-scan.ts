/** npm run notify:scan — runs the notification scan once (for cron, or to check it by hand). */
import { openDatabase } from "./lib/database";
import { prismaFor } from "./lib/prisma";
import { scanNotifications } from "../src/features/notifications/scan";

const handle = await openDatabase();
const db = prismaFor(handle.url);
try {
  const result = await scanNotifications(db);
  console.log(result.skipped ? "Another scan is running; nothing done." : `Notifications created: ${result.created}`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
