import "server-only";
import { db } from "@/server/db";

/** How many notifications the user has not read. */
export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** The user's latest notifications, newest first. */
export function listNotifications(userId: string) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, kind: true, params: true, link: true, createdAt: true, readAt: true },
  });
}
