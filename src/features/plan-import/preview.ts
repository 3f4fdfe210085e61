/**
 * What an import would create, measure by measure: the parsed schedule, the departments
 * matched (or proposed as new), the lead, the indicators, and every notice an administrator
 * should read before confirming. The same parsers as the shipped plan's seed
 * (src/lib/schedule.ts, departments.ts, indicators.ts); pure, so the preview shown is exactly
 * what the import writes.
 */
import { proposedIndicators } from "@/features/structure/rules";
import { parseResponsibleDepartments, type DepartmentRef } from "@/lib/departments";
import { proposedReporting, type ReportingCadence } from "@/lib/periods";
import { parseTimeArrangement, type PlanYears, type ScheduleKind } from "@/lib/schedule";
import type { TableRow } from "./table";

/** Something to look at; `code` names a message under "admin.planImport.notice". */
export interface Notice {
  code: "scheduleUnknown" | "beforePlanStart" | "afterPlanEnd" | "openList" | "inferred" | "newDepartment" | "noDepartment" | "jointLeadIgnored" | "baselineIgnored";
  detail?: string;
}

export interface PreviewMeasure {
  line: number;
  taskNumber: number;
  number: number;
  text: string;
  departmentsText: string;
  timeArrangement: string;
  /** The 共同牵头 cell as read ("" when the table has none). */
  jointLeadsText: string;
  /** The 趋势基线 cell as read ("" when the table has none). */
  baselinesText: string;
  schedule: { kind: ScheduleKind; dueDates: string[]; deadline: string | null; deliverable: string | null } | null;
  /** The reporting the schedule proposes (src/lib/periods.ts proposedReporting): the cadence (null: the plan's default) and checkpoints. */
  reporting: { cadence: ReportingCadence | null; checkpoints: string[] };
  departments: { shortName: string; lead: boolean; jointLead: boolean; isNew: boolean }[];
  /** The indicators the import stores (待确认): absolute targets and trends with their direction and baseline. */
  indicators: { name: string; comparison: string; target: number | null; unit: string; period: string; direction: "DECREASE" | "INCREASE" | null; baseline: number | null }[];
  notices: Notice[];
}

export interface PreviewTask {
  number: number;
  title: string;
  measures: PreviewMeasure[];
}

export interface PlanPreview {
  tasks: PreviewTask[];
  /**
   * The departments the table names (known ones in display order, then the new ones): the plan's
   * departments, against which "等8部门" is read, as the seed reads it against the plan file's list.
   */
  planDepartments: string[];
  /** Names in 责任部门 cells that match no department: created as new departments on import. */
  newDepartments: string[];
  measureCount: number;
  noticeCount: number;
}

/**
 * The 趋势基线 cell: 「千人工伤发生率：1.25；事故起数：30」, one trend's name and baseline each, by name.
 * Entries that are not `name：number` come back in `unread`.
 */
export function parseBaselines(text: string): { values: Map<string, number>; unread: string[] } {
  const values = new Map<string, number>();
  const unread: string[] = [];
  for (const entry of text.split(/[；;\n]+/u).map((e) => e.trim()).filter(Boolean)) {
    const m = /^(.+?)[：:=]\s*(-?\d+(?:\.\d+)?)\s*%?$/u.exec(entry);
    if (m) values.set(m[1].trim(), Number(m[2]));
    else unread.push(entry);
  }
  return { values, unread };
}

/** A trend's baseline as the 趋势基线 cell writes it (the export's form). */
export const baselineEntry = (name: string, baseline: number) => `${name}：${baseline}`;

/** "等8部门", "等八个单位": a group named by its size (src/lib/departments.ts reads it). */
const GROUP = /等([0-9]+|[一二两三四五六七八九十]+)个?(?:部门|单位)/gu;

/**
 * Builds the preview of `rows` for a plan running over `years`, matching departments against
 * `known` (in display order). Names that match none are proposed as new departments, added
 * after the known ones, so the import can create them. A group ("市人社局等8部门") stands for
 * every department the table names when their number matches, as in the seed.
 */
export function buildPreview(rows: TableRow[], years: PlanYears, known: DepartmentRef[]): PlanPreview {
  const newDepartments: string[] = [];
  const named = new Set<string>();
  for (const row of rows) {
    // The names written out; a group ("等8部门") is read once the plan's departments are known.
    const parsed = parseResponsibleDepartments(row.departmentsText.replace(GROUP, ""), known);
    for (const a of parsed.assignments) named.add(a.shortName);
    for (const name of parsed.unknownNames) if (!newDepartments.includes(name)) newDepartments.push(name);
  }
  const all: DepartmentRef[] = [...known.filter((d) => named.has(d.shortName)), ...newDepartments.map((shortName) => ({ shortName, aliases: [] }))];

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
    // 共同牵头: departments of this measure other than its lead; any other name is shown and ignored.
    const jointLeads = new Set<string>();
    const jointLeadsText = row.jointLeadsText?.trim() ?? "";
    if (jointLeadsText !== "") {
      const named = parseResponsibleDepartments(jointLeadsText.replace(GROUP, ""), all);
      for (const a of named.assignments) {
        if (parsed.assignments.some((d) => d.shortName === a.shortName && !d.lead)) jointLeads.add(a.shortName);
        else notices.push({ code: "jointLeadIgnored", detail: a.shortName });
      }
      for (const name of named.unknownNames) notices.push({ code: "jointLeadIgnored", detail: name });
    }
    // Indicators as the import stores them; a trend takes its baseline from the 趋势基线 cell, by name.
    const baselinesText = row.baselinesText?.trim() ?? "";
    const baselines = parseBaselines(baselinesText);
    const indicators = proposedIndicators(row.text).map((i) => ({
      name: i.name,
      comparison: i.comparison,
      target: i.target,
      unit: i.unit,
      period: i.period,
      direction: i.direction,
      baseline: i.direction ? (baselines.values.get(i.name) ?? null) : null,
    }));
    for (const name of baselines.values.keys()) if (!indicators.some((i) => i.direction && i.name === name)) notices.push({ code: "baselineIgnored", detail: name });
    for (const entry of baselines.unread) notices.push({ code: "baselineIgnored", detail: entry });
    noticeCount += notices.length;

    task.measures.push({
      line: row.line,
      taskNumber: row.taskNumber,
      number: task.measures.length + 1,
      text: row.text,
      departmentsText: row.departmentsText,
      timeArrangement: row.timeArrangement,
      jointLeadsText,
      baselinesText,
      schedule: s ? { kind: s.kind, dueDates: s.dueDates, deadline: s.deadline, deliverable: s.deliverable } : null,
      reporting: proposedReporting(s, row.text, years),
      departments: parsed.assignments.map((a) => ({ shortName: a.shortName, lead: a.lead, jointLead: jointLeads.has(a.shortName), isNew: isNew(a.shortName) })),
      indicators,
      notices,
    });
  }
  return { tasks, planDepartments: all.map((d) => d.shortName), newDepartments, measureCount: rows.length, noticeCount };
}
