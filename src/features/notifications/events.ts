import type { Prisma } from "@/generated/prisma/client";
import type { NotificationKind } from "@/generated/prisma/enums";
import { rolesWith, type Action } from "@/lib/permissions";

type Tx = Prisma.TransactionClient;

/** One event's notification: what it says (its kind and parameters, always with the measure's number) and where it leads. */
export interface EventNotification {
  kind: NotificationKind;
  /** Unique per user: the same event never notifies anyone twice. */
  dedupeKey: string;
  params: { measure: string } & Record<string, string>;
  link: string;
}

/** A measure's number as every text names it: 6.5 (key task 6, measure 5). */
export const measureNumber = (m: { number: number; keyTask: { number: number } }) => `${m.keyTask.number}.${m.number}`;

/**
 * Writes `notification` for each of `userIds` that is an active user, through `tx`: inside the
 * transaction of the event itself, so it appears the moment the event commits and never without
 * it (decision 023). E-mail follows after the commit (deliverAfterCommit).
 */
export async function notifyUsers(tx: Tx, userIds: readonly string[], notification: EventNotification): Promise<number> {
  const ids = [...new Set(userIds.filter(Boolean))];
  if (!ids.length) return 0;
  const active = await tx.user.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } });
  if (!active.length) return 0;
  const { count } = await tx.notification.createMany({ data: active.map((u) => ({ ...notification, userId: u.id })), skipDuplicates: true });
  return count;
}

/** Notifies the active users of `departmentId` whose role does `action` there (its liaisons for report:write, notice:reply…). */
export async function notifyDepartment(tx: Tx, departmentId: string, action: Action, notification: EventNotification): Promise<number> {
  const users = await tx.user.findMany({ where: { departmentId, role: { in: rolesWith(action) }, active: true }, select: { id: true } });
  return notifyUsers(tx, users.map((u) => u.id), notification);
}

/** Notifies every active user whose role may do `action` (the bureau's administrators for notice:close, say). */
export async function notifyRoles(tx: Tx, action: Action, notification: EventNotification): Promise<number> {
  const users = await tx.user.findMany({ where: { role: { in: rolesWith(action) }, active: true }, select: { id: true } });
  return notifyUsers(tx, users.map((u) => u.id), notification);
}
