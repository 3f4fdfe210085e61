import "server-only";
import { db } from "@/server/db";
import { can, type Principal } from "@/lib/permissions";

export const AUDIT_PAGE_SIZE = 100;

/** Audit events, newest first, filtered by action prefix and entity; one page and the total. Empty for a caller who may not read the trail. */
export async function getAuditEvents(actor: Principal | null, filters: { action?: string; entityType?: string; page: number }) {
  if (!can(actor, "audit:read")) return { events: [], total: 0 };
  const where = {
    ...(filters.action ? { action: { startsWith: filters.action } } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
  };
  const [events, total] = await Promise.all([
    db.auditEvent.findMany({
      where,
      orderBy: { id: "desc" },
      skip: (filters.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: { id: true, at: true, actorLabel: true, action: true, entityType: true, entityId: true, ip: true, before: true, after: true },
    }),
    db.auditEvent.count({ where }),
  ]);
  return { events: events.map((e) => ({ ...e, id: e.id.toString() })), total };
}

/** The history of one measure: events on its reports, extension requests and instructions, newest first. Empty for a caller who may not read the trail. */
export async function getMeasureHistory(actor: Principal | null, measureId: string) {
  if (!can(actor, "audit:read")) return [];
  const [reports, extensions, instructions] = await Promise.all([
    db.progressReport.findMany({ where: { measureId }, select: { id: true } }),
    db.extensionRequest.findMany({ where: { period: { measureId } }, select: { id: true } }),
    db.leaderInstruction.findMany({ where: { measureId }, select: { id: true } }),
  ]);
  const ids = [...reports, ...extensions, ...instructions].map((r) => r.id);
  if (ids.length === 0) return [];
  const events = await db.auditEvent.findMany({
    where: { entityId: { in: [...ids, measureId] } },
    orderBy: { id: "desc" },
    take: 100,
    select: { id: true, at: true, actorLabel: true, action: true, after: true },
  });
  return events.map((e) => ({ ...e, id: e.id.toString() }));
}
