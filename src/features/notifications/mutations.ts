import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { authorize, type Actor } from "@/lib/permissions";

/**
 * Opens one of the caller's own notifications: marks it read (audited, in one transaction, the
 * first time only) and returns where it leads; null for a notification that is not the caller's
 * (answered like one that does not exist).
 */
export async function openNotification(db: PrismaClient, actor: Actor, notificationId: string, now: Date = new Date()): Promise<string | null> {
  authorize(actor, "notification:read");
  return db.$transaction(async (tx) => {
    const notification = await tx.notification.findFirst({ where: { id: notificationId, userId: actor.id }, select: { id: true, link: true, readAt: true } });
    if (!notification) return null;
    if (!notification.readAt) {
      const { count } = await tx.notification.updateMany({ where: { id: notification.id, readAt: null }, data: { readAt: now } });
      if (count) await recordActorEvent(tx, actor, { action: "notification.read", entityType: "Notification", entityId: notification.id });
    }
    // Links are written by the app ("/reports/…"); anything else leads to the notification centre.
    return /^\/(?!\/)/.test(notification.link) ? notification.link : "/notifications";
  });
}
