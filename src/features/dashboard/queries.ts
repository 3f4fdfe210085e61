import "server-only";
import { db } from "@/server/db";
import { isoDay, todayInChina } from "@/lib/due";
import type { DashboardInput } from "./compute";
import type { PeriodHistory } from "./history";

/** Loads a plan's whole stored history (periods, assignments, review events, due-date changes) in five queries. */
export async function loadDashboardInput(planId: string): Promise<DashboardInput> {
  const [periods, assignments, revisions, extensions, dueEdits, departments, tasks] = await Promise.all([
    db.reportingPeriod.findMany({
      where: { measure: { keyTask: { planId } } },
      select: {
        id: true,
        kind: true,
        periodStart: true,
        periodEnd: true,
        originalDueDate: true,
        measure: { select: { id: true, number: true, keyTask: { select: { number: true } } } },
      },
    }),
    db.measureDepartment.findMany({ where: { measure: { keyTask: { planId } } }, select: { measureId: true, departmentId: true, isLead: true } }),
    db.progressReportRevision.findMany({
      where: { report: { measure: { keyTask: { planId } } } },
      orderBy: [{ at: "asc" }, { number: "asc" }],
      select: { at: true, event: true, report: { select: { periodId: true, departmentId: true } } },
    }),
    db.extensionRequest.findMany({
      where: { state: "APPROVED", period: { measure: { keyTask: { planId } } } },
      select: { periodId: true, requestedDueDate: true, decidedAt: true },
    }),
    db.auditEvent.findMany({ where: { action: "period.set_due_date" }, orderBy: { id: "asc" }, select: { at: true, entityId: true, after: true } }),
    db.department.findMany({ orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }], select: { id: true, shortName: true } }),
    db.keyTask.findMany({ where: { planId }, orderBy: { number: "asc" }, select: { number: true, title: true } }),
  ]);

  const byMeasure = new Map<string, { departmentId: string; isLead: boolean }[]>();
  for (const a of assignments) byMeasure.set(a.measureId, [...(byMeasure.get(a.measureId) ?? []), a]);
  const events = new Map<string, PeriodHistory["departments"][number]["events"]>();
  for (const r of revisions) {
    if (r.event !== "SUBMITTED" && r.event !== "RETURNED" && r.event !== "ACCEPTED") continue;
    const key = `${r.report.periodId}:${r.report.departmentId}`;
    events.set(key, [...(events.get(key) ?? []), { on: todayInChina(r.at), at: r.at.getTime(), event: r.event }]);
  }
  const changes = new Map<string, { on: string; at: number; dueDate: string }[]>();
  const addChange = (periodId: string, at: Date, dueDate: string) => changes.set(periodId, [...(changes.get(periodId) ?? []), { on: todayInChina(at), at: at.getTime(), dueDate }]);
  for (const e of extensions) if (e.decidedAt) addChange(e.periodId, e.decidedAt, isoDay(e.requestedDueDate));
  for (const e of dueEdits) {
    const due = (e.after as { dueDate?: string } | null)?.dueDate;
    if (e.entityId && due) addChange(e.entityId, e.at, due);
  }

  const histories: PeriodHistory[] = periods.map((p) => ({
    periodId: p.id,
    measureId: p.measure.id,
    keyTaskNumber: p.measure.keyTask.number,
    measureNumber: p.measure.number,
    kind: p.kind,
    periodStart: isoDay(p.periodStart),
    periodEnd: isoDay(p.periodEnd),
    originalDueDate: isoDay(p.originalDueDate),
    dueChanges: (changes.get(p.id) ?? []).sort((a, b) => a.at - b.at).map(({ on, dueDate }) => ({ on, dueDate })),
    departments: (byMeasure.get(p.measure.id) ?? []).map((a) => ({ ...a, events: events.get(`${p.id}:${a.departmentId}`) ?? [] })),
  }));
  return { histories, departments, tasks };
}
