import type { Prisma } from "@/generated/prisma/client";
import type { Actor } from "@/lib/permissions";

/** What an audit event says; written in the same transaction as the change it records. */
export interface AuditInput {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
}

type AuditWriter = { auditEvent: { create(args: { data: Prisma.AuditEventCreateInput }): Promise<unknown> } };

/** Appends one event to the audit trail through `tx` (a transaction client, so it commits or rolls back with the change). */
export async function recordAuditEvent(tx: AuditWriter, event: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: event.actorId,
      actorLabel: event.actorLabel,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      before: event.before ?? undefined,
      after: event.after ?? undefined,
      ip: event.ip ?? null,
    },
  });
}

/** Who did it: the part of the caller (`Actor`) the trail records. */
export type AuditActor = Pick<Actor, "id" | "loginName" | "ip">;

/** Appends an event done by `actor` (their id, login name and address filled in). */
export function recordActorEvent(tx: AuditWriter, actor: AuditActor, event: Omit<AuditInput, "actorId" | "actorLabel" | "ip">): Promise<void> {
  return recordAuditEvent(tx, { ...event, actorId: actor.id, actorLabel: actor.loginName, ip: actor.ip });
}
