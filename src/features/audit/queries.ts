import "server-only";
import { db } from "@/server/db";

export const AUDIT_PAGE_SIZE = 100;

/** Audit events, newest first, filtered by action prefix and entity; one page and the total. */
export async function getAuditEvents(filters: { action?: string; entityType?: string; page: number }) {
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

/** The history of one measure: events on its reports, extension requests and instructions, newest first. */
export async function getMeasureHistory(measureId: string) {
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
