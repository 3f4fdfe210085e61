/**
 * What an import would create, measure by measure: the parsed schedule, the departments
 * matched (or proposed as new), the lead, the indicators, and every notice an administrator
 * should read before confirming. The same parsers as the shipped plan's seed
 * (src/lib/schedule.ts, departments.ts, indicators.ts); pure, so the preview shown is exactly
 * what the import writes.
 */
import { parseResponsibleDepartments, type DepartmentRef } from "@/lib/departments";
import { extractIndicators } from "@/lib/indicators";
import { parseTimeArrangement, type PlanYears, type ScheduleKind } from "@/lib/schedule";
import type { TableRow } from "./table";

/** Something to look at; `code` names a message under "admin.planImport.notice". */
export interface Notice {
  code: "scheduleUnknown" | "beforePlanStart" | "afterPlanEnd" | "openList" | "inferred" | "newDepartment" | "noDepartment";
  detail?: string;
}

export interface PreviewMeasure {
  line: number;
  taskNumber: number;
  number: number;
  text: string;
  departmentsText: string;
  timeArrangement: string;
  schedule: { kind: ScheduleKind; dueDates: string[]; deadline: string | null; deliverable: string | null } | null;
  departments: { shortName: string; lead: boolean; isNew: boolean }[];
  indicators: { name: string; comparison: string; target: number; unit: string; period: string }[];
  notices: Notice[];
}

export interface PreviewTask {
  number: number;
  title: string;
  measures: PreviewMeasure[];
}

export interface PlanPreview {
  tasks: PreviewTask[];
  /** Names in 责任部门 cells that match no department: created as new departments on import. */
  newDepartments: string[];
  measureCount: number;
  noticeCount: number;
}

/**
 * Builds the preview of `rows` for a plan running over `years`, matching departments against
 * `known` (in display order). Names that match none are proposed as new departments, added
 * after the known ones, so the import can create them.
 */
export function buildPreview(rows: TableRow[], years: PlanYears, known: DepartmentRef[]): PlanPreview {
  const newDepartments: string[] = [];
  for (const row of rows) {
    for (const name of parseResponsibleDepartments(row.departmentsText, known).unknownNames) {
      if (!newDepartments.includes(name)) newDepartments.push(name);
    }
  }
  const all: DepartmentRef[] = [...known, ...newDepartments.map((shortName) => ({ shortName, aliases: [] }))];

  const tasks: PreviewTask[] = [];
  let noticeCount = 0;
  for (const row of rows) {
    let task = tasks.at(-1);
    if (!task || task.number !== row.taskNumber) {
      task = { number: row.taskNumber, title: row.taskTitle, measures: [] };
      tasks.push(task);
    }
    const notices: Notice[] = [];
    const parsedSchedule = parseTimeArrangement(row.timeArrangement, years);
    if (!parsedSchedule.ok) notices.push({ code: "scheduleUnknown", detail: parsedSchedule.reason });
    const s = parsedSchedule.ok ? parsedSchedule.schedule : null;
    if (s?.flags.includes("BEFORE_PLAN_START")) notices.push({ code: "beforePlanStart", detail: s.deadline ?? undefined });
    if (s?.flags.includes("AFTER_PLAN_END")) notices.push({ code: "afterPlanEnd", detail: s.deadline ?? undefined });

    const parsed = parseResponsibleDepartments(row.departmentsText, all);
    if (parsed.openList) notices.push({ code: "openList" });
    if (parsed.inferredFromCount) notices.push({ code: "inferred" });
    const isNew = (name: string) => newDepartments.includes(name);
    for (const a of parsed.assignments) if (isNew(a.shortName)) notices.push({ code: "newDepartment", detail: a.shortName });
    if (parsed.assignments.length === 0) notices.push({ code: "noDepartment" });
    noticeCount += notices.length;

    task.measures.push({
      line: row.line,
      taskNumber: row.taskNumber,
      number: task.measures.length + 1,
      text: row.text,
      departmentsText: row.departmentsText,
      timeArrangement: row.timeArrangement,
      schedule: s ? { kind: s.kind, dueDates: s.dueDates, deadline: s.deadline, deliverable: s.deliverable } : null,
      departments: parsed.assignments.map((a) => ({ shortName: a.shortName, lead: a.lead, isNew: isNew(a.shortName) })),
      indicators: extractIndicators(row.text).map((i) => ({ name: i.name, comparison: i.comparison, target: i.target, unit: i.unit, period: i.period })),
      notices,
    });
  }
  return { tasks, newDepartments, measureCount: rows.length, noticeCount };
}
