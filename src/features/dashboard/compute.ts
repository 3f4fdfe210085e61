import { daysBetween } from "@/lib/due";
import { combinedStatus, type Light, type Status } from "@/lib/status";
import { periodLabel } from "@/lib/periods";
import { departmentPeriodStatus, reportOn, type PeriodHistory } from "./history";

export interface DashboardInput {
  histories: PeriodHistory[];
  departments: { id: string; shortName: string }[];
  tasks: { number: number; title: string }[];
}

export interface DepartmentRow {
  id: string;
  shortName: string;
  led: number;
  supported: number;
  dueSoFar: number;
  onTime: number;
  onTimePct: number | null;
  overdue: number;
  returned: number;
  avgReviewHours: number | null;
}

export interface OverdueItem {
  periodId: string;
  measureId: string;
  number: string;
  period: string;
  dueDate: string;
  daysOverdue: number;
  departmentId: string;
  isLead: boolean;
}

const quarterOf = (day: string) => `${day.slice(0, 4)}-Q${Math.ceil(Number(day.slice(5, 7)) / 3)}`;

/**
 * Every figure of the leader overview as it stood on `asOf`, from the stored
 * history alone, with the one status definition of src/lib/status.ts.
 */
export function computeDashboard(input: DashboardInput, asOf: string, windowDays?: number) {
  const measureStatuses = new Map<string, { status: Status; light: Light; periodStart: string }[]>();
  const measureTask = new Map<string, number>();
  const overdue: OverdueItem[] = [];
  const deptRows = new Map<string, DepartmentRow>(
    input.departments.map((d) => [d.id, { id: d.id, shortName: d.shortName, led: 0, supported: 0, dueSoFar: 0, onTime: 0, onTimePct: null, overdue: 0, returned: 0, avgReviewHours: null }]),
  );
  const reviewHours = new Map<string, number[]>();
  const assignments = new Set<string>();
  const submissionsByQuarter = new Map<string, number>();
  const heat = new Map<string, { due: number; done: number }>();
  const taskPeriods = new Map<number, { due: number; done: number }>();

  for (const h of input.histories) {
    measureTask.set(h.measureId, h.keyTaskNumber);
    for (const d of h.departments) {
      const row = deptRows.get(d.departmentId);
      if (!row) continue;
      const key = `${h.measureId}:${d.departmentId}`;
      if (!assignments.has(key)) {
        assignments.add(key);
        if (d.isLead) row.led++;
        else row.supported++;
      }
      const s = departmentPeriodStatus(h, d.departmentId, asOf, windowDays);
      if (d.isLead) {
        const list = measureStatuses.get(h.measureId) ?? [];
        list.push({ ...s, periodStart: h.periodStart });
        measureStatuses.set(h.measureId, list);
      }
      const isDue = s.dueDate < asOf;
      const done = s.status === "COMPLETED" || s.status === "COMPLETED_LATE";
      if (isDue || done) {
        row.dueSoFar++;
        if (s.status === "COMPLETED") row.onTime++;
        if (d.isLead) {
          const tp = taskPeriods.get(h.keyTaskNumber) ?? { due: 0, done: 0 };
          tp.due++;
          if (done) tp.done++;
          taskPeriods.set(h.keyTaskNumber, tp);
        }
      }
      if (s.status === "OVERDUE") {
        row.overdue++;
        overdue.push({
          periodId: h.periodId,
          measureId: h.measureId,
          number: `${h.keyTaskNumber}.${h.measureNumber}`,
          period: periodLabel({ kind: h.kind, periodEnd: h.periodEnd }),
          dueDate: s.dueDate,
          daysOverdue: daysBetween(s.dueDate, asOf),
          departmentId: d.departmentId,
          isLead: d.isLead,
        });
      }
      if (reportOn(d.events, asOf).state === "RETURNED") row.returned++;
      let submittedAt: number | null = null;
      for (const e of d.events) {
        if (e.on > asOf) break;
        if (e.event === "SUBMITTED") {
          submittedAt = e.at;
          const q = quarterOf(e.on);
          submissionsByQuarter.set(q, (submissionsByQuarter.get(q) ?? 0) + 1);
        } else if (submittedAt !== null) {
          const list = reviewHours.get(d.departmentId) ?? [];
          list.push((e.at - submittedAt) / 3_600_000);
          reviewHours.set(d.departmentId, list);
          submittedAt = null;
        }
      }
      if (h.kind === "QUARTER" && h.periodStart <= asOf) {
        const cell = `${d.departmentId}:${quarterOf(h.periodEnd)}`;
        const c = heat.get(cell) ?? { due: 0, done: 0 };
        c.due++;
        if (done) c.done++;
        heat.set(cell, c);
      }
    }
  }

  for (const row of deptRows.values()) {
    row.onTimePct = row.dueSoFar ? Math.round((row.onTime / row.dueSoFar) * 1000) / 10 : null;
    const hours = reviewHours.get(row.id);
    row.avgReviewHours = hours?.length ? Math.round((hours.reduce((a, b) => a + b, 0) / hours.length) * 10) / 10 : null;
  }

  const measures = [...measureStatuses.entries()].map(([measureId, list]) => ({ measureId, keyTaskNumber: measureTask.get(measureId)!, ...combinedStatus(list, asOf) }));
  const byStatus = {} as Record<Status, number>;
  const byLight = { GREEN: 0, YELLOW: 0, RED: 0 } as Record<Light, number>;
  for (const m of measures) {
    byStatus[m.status] = (byStatus[m.status] ?? 0) + 1;
    byLight[m.light]++;
  }
  const tasks = input.tasks.map((t) => {
    const ms = measures.filter((m) => m.keyTaskNumber === t.number);
    const tp = taskPeriods.get(t.number) ?? { due: 0, done: 0 };
    return {
      ...t,
      measures: ms.length,
      red: ms.filter((m) => m.light === "RED").length,
      yellow: ms.filter((m) => m.light === "YELLOW").length,
      green: ms.filter((m) => m.light === "GREEN").length,
      periodsDue: tp.due,
      periodsDone: tp.done,
      progressPct: tp.due ? Math.round((tp.done / tp.due) * 1000) / 10 : null,
    };
  });
  const quarters = [...new Set(input.histories.filter((h) => h.kind === "QUARTER").map((h) => quarterOf(h.periodEnd)))].sort();
  return {
    asOf,
    measureCount: measures.length,
    byStatus,
    byLight,
    measures,
    tasks,
    departments: [...deptRows.values()],
    overdue: overdue.sort((a, b) => b.daysOverdue - a.daysOverdue || a.number.localeCompare(b.number, undefined, { numeric: true })),
    submissions: quarters.filter((q) => q <= quarterOf(asOf)).map((q) => ({ quarter: q, count: submissionsByQuarter.get(q) ?? 0 })),
    heatmap: {
      quarters: quarters.filter((q) => q <= quarterOf(asOf)),
      cells: Object.fromEntries([...heat.entries()].map(([k, v]) => [k, v.due ? Math.round((v.done / v.due) * 100) : null])),
    },
  };
}

export type Dashboard = ReturnType<typeof computeDashboard>;
