import { assignmentFacts, type Dashboard, type DashboardInput } from "@/features/dashboard/compute";
import type { NoticeCounts } from "@/lib/notices";
import type { DepartmentQuarter } from "@/lib/ranking";
import type { ReportQuarter } from "@/lib/report-quarter";
import { reportsForMeasure } from "@/lib/status";

/** One department's quarter for the 通报: what the score reads, and its overdue tasks split by role. */
export interface DepartmentQuarterFacts extends DepartmentQuarter {
  /** Of the quarter's obligations, accepted but submitted after their due date. */
  late: number;
  /** Of the quarter's obligations, overdue on the cut-off day. */
  overdueInQuarter: number;
  /** Every task overdue on the cut-off day (whatever quarter it fell due in): its own reports (lead, joint lead) and its feedback as a supporting department. */
  overdueLead: number;
  overdueSupport: number;
  /** Notices issued to it in the quarter, and those (issued by then) past their limit and unanswered on the cut-off day. */
  noticesIssued: number;
  noticesOverdue: number;
}

/**
 * Each department's quarter as of `asOf` (the 通报's cut-off day), from the same stored history and
 * the same per-assignment rule (`assignmentFacts`) as the overview computed for that day, and the
 * overview's own 进度 lights: nothing is counted a second way. An obligation belongs to the quarter
 * its due date in force falls in; it counts once due by `asOf` (or done), as in the overview.
 */
export function departmentQuarters(input: DashboardInput, dashboard: Dashboard, quarter: ReportQuarter, asOf: string, notices: Map<string, NoticeCounts>): DepartmentQuarterFacts[] {
  const rows = new Map<string, DepartmentQuarterFacts>(
    dashboard.departments.map((d) => [
      d.id,
      {
        departmentId: d.id,
        name: d.shortName,
        due: 0,
        onTime: 0,
        late: 0,
        overdueInQuarter: 0,
        progress: { green: 0, yellow: 0, red: 0 },
        reviewed: 0,
        returned: 0,
        notices: { blue: 0, yellow: 0, red: 0 },
        overdueLead: 0,
        overdueSupport: 0,
        noticesIssued: 0,
        noticesOverdue: 0,
      },
    ]),
  );
  const inQuarter = (day: string) => day >= quarter.from && day <= quarter.to;
  for (const h of input.histories) {
    for (const d of h.departments) {
      const row = rows.get(d.departmentId);
      if (!row) continue;
      const s = assignmentFacts(h, d, asOf);
      if (s.overdue) {
        if (reportsForMeasure(d)) row.overdueLead++;
        else row.overdueSupport++;
      }
      if (s.counted && inQuarter(s.dueDate)) {
        row.due++;
        if (s.onTime) row.onTime++;
        else if (s.done) row.late++;
        if (s.overdue) row.overdueInQuarter++;
      }
      for (const e of d.events) {
        if (e.on > asOf) break;
        if (e.event === "SUBMITTED" || !inQuarter(e.on)) continue;
        row.reviewed++;
        if (e.event === "RETURNED") row.returned++;
      }
    }
  }
  const light = new Map(dashboard.measures.map((m) => [m.measureId, m.progress?.light ?? null]));
  for (const m of input.measures ?? []) {
    for (const d of m.departments) {
      const row = rows.get(d.departmentId);
      const l = light.get(m.measureId);
      if (!row || !l || !reportsForMeasure(d)) continue;
      if (l === "GREEN") row.progress.green++;
      else if (l === "YELLOW") row.progress.yellow++;
      else row.progress.red++;
    }
  }
  for (const [departmentId, c] of notices) {
    const row = rows.get(departmentId);
    if (!row) continue;
    row.notices = { blue: c.issued - c.red - c.yellow, yellow: c.yellow, red: c.red };
    row.noticesIssued = c.issued;
    row.noticesOverdue = c.overdueUnanswered;
  }
  return [...rows.values()];
}
