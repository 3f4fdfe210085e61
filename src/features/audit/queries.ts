import "server-only";
import { db } from "@/server/db";
import { can, type Principal } from "@/lib/permissions";
import { periodLabel } from "@/lib/periods";

export const AUDIT_PAGE_SIZE = 100;

/** Audit events, newest first, filtered by action prefix and entity; one page and the total. Empty for a caller who may not read the trail. */
export async function getAuditEvents(actor: Principal | null, filters: { action?: string; entityType?: string; page: number }, locale = "zh-CN") {
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
  const names = await nameSubjects(events, locale);
  return { events: events.map((e) => ({ ...e, id: e.id.toString(), subject: e.entityId ? (names.get(`${e.entityType}:${e.entityId}`) ?? null) : null })), total };
}

/**
 * A readable name for each record the events are about (a user's name, a department, a measure's
 * number, a report's measure, department and period), looked up in one query per kind of record.
 * Records since deleted, and kinds not listed here, have no name: the page shows the kind alone.
 */
async function nameSubjects(events: { entityType: string; entityId: string | null }[], locale: string): Promise<Map<string, string>> {
  const ids = (type: string) => [...new Set(events.filter((e) => e.entityType === type && e.entityId).map((e) => e.entityId as string))];
  const measureNo = (m: { number: number; keyTask: { number: number } }) => `${m.keyTask.number}.${m.number}`;
  const measureSelect = { number: true, keyTask: { select: { number: true } } } as const;
  const period = (p: { kind: Parameters<typeof periodLabel>[0]["kind"]; periodEnd: Date; measure: { number: number; keyTask: { number: number } } }) =>
    `${measureNo(p.measure)} · ${periodLabel({ kind: p.kind, periodEnd: p.periodEnd.toISOString().slice(0, 10) }, locale)}`;
  const periodSelect = { kind: true, periodEnd: true, measure: { select: measureSelect } } as const;
  const [users, departments, plans, measures, periods, reports, extensions, instructions] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids("User") } }, select: { id: true, displayName: true, loginName: true } }),
    db.department.findMany({ where: { id: { in: ids("Department") } }, select: { id: true, shortName: true } }),
    db.plan.findMany({ where: { id: { in: ids("Plan") } }, select: { id: true, title: true } }),
    db.measure.findMany({ where: { id: { in: ids("Measure") } }, select: { id: true, ...measureSelect } }),
    db.reportingPeriod.findMany({ where: { id: { in: ids("ReportingPeriod") } }, select: { id: true, ...periodSelect } }),
    db.progressReport.findMany({ where: { id: { in: ids("ProgressReport") } }, select: { id: true, department: { select: { shortName: true } }, period: { select: periodSelect } } }),
    db.extensionRequest.findMany({ where: { id: { in: ids("ExtensionRequest") } }, select: { id: true, department: { select: { shortName: true } }, period: { select: periodSelect } } }),
    db.leaderInstruction.findMany({ where: { id: { in: ids("LeaderInstruction") } }, select: { id: true, measure: { select: measureSelect } } }),
  ]);
  const names = new Map<string, string>();
  for (const u of users) names.set(`User:${u.id}`, `${u.displayName}（${u.loginName}）`);
  for (const d of departments) names.set(`Department:${d.id}`, d.shortName);
  for (const p of plans) names.set(`Plan:${p.id}`, p.title);
  for (const m of measures) names.set(`Measure:${m.id}`, measureNo(m));
  for (const p of periods) names.set(`ReportingPeriod:${p.id}`, period(p));
  for (const r of reports) names.set(`ProgressReport:${r.id}`, `${period(r.period)} · ${r.department.shortName}`);
  for (const x of extensions) names.set(`ExtensionRequest:${x.id}`, `${period(x.period)} · ${x.department.shortName}`);
  for (const i of instructions) names.set(`LeaderInstruction:${i.id}`, measureNo(i.measure));
  return names;
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
