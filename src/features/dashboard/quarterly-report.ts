import ExcelJS from "exceljs";
import type { Dashboard } from "./compute";
import { reportsForMeasure } from "@/lib/status";

/** What one caller may see of the quarterly report: everything, or one department's share. */
export interface ReportScope {
  departmentId: string | null;
}

/** The quarterly status report (季度通报) as rows, one list per sheet, limited to the caller's scope. */
export function quarterlyReportRows(d: Dashboard, scope: ReportScope) {
  const name = new Map(d.departments.map((x) => [x.id, x.shortName]));
  const departments = d.departments.filter((x) => scope.departmentId === null || x.id === scope.departmentId);
  const overdue = d.overdue.filter((o) => (scope.departmentId === null ? reportsForMeasure(o) : o.departmentId === scope.departmentId));
  return {
    tasks: scope.departmentId === null ? d.tasks : [],
    departments,
    overdue: overdue.map((o) => ({ ...o, department: name.get(o.departmentId) ?? "" })),
  };
}

type Rows = ReturnType<typeof quarterlyReportRows>;
type Cell = string | number | null;

export interface ReportColumn {
  header: string;
  width: number;
  value: (row: never) => Cell;
}

export interface ReportSheet {
  name: string;
  columns: ReportColumn[];
  rows: (r: Rows) => object[];
}

const column = <T,>(header: string, width: number, value: (row: T) => Cell): ReportColumn => ({ header, width, value: value as (row: never) => Cell });
type TaskRow = Rows["tasks"][number];
type DepartmentRowOut = Rows["departments"][number];
type OverdueRow = Rows["overdue"][number];

/** The report's views, defined once for the workbook and the print page alike. */
export const QUARTERLY_SHEETS: ReportSheet[] = [
  {
    name: "按重点任务",
    rows: (r) => r.tasks,
    columns: [
      column<TaskRow>("序号", 6, (t) => t.number),
      column<TaskRow>("重点任务", 36, (t) => t.title),
      column<TaskRow>("措施数", 8, (t) => t.measures),
      column<TaskRow>("红灯", 6, (t) => t.red),
      column<TaskRow>("黄灯", 6, (t) => t.yellow),
      column<TaskRow>("绿灯", 6, (t) => t.green),
      column<TaskRow>("已到期期次", 12, (t) => t.periodsDue),
      column<TaskRow>("已完成期次", 12, (t) => t.periodsDone),
      column<TaskRow>("完成率(%)", 10, (t) => t.progressPct),
    ],
  },
  {
    name: "按部门",
    rows: (r) => r.departments,
    columns: [
      column<DepartmentRowOut>("部门", 12, (d) => d.shortName),
      column<DepartmentRowOut>("牵头措施", 10, (d) => d.led),
      column<DepartmentRowOut>("配合措施", 10, (d) => d.supported),
      column<DepartmentRowOut>("按时完成率(%)", 14, (d) => d.onTimePct),
      column<DepartmentRowOut>("当前逾期", 10, (d) => d.overdue),
      column<DepartmentRowOut>("被退回", 8, (d) => d.returned),
      column<DepartmentRowOut>("平均审核时长(小时)", 18, (d) => d.avgReviewHours),
    ],
  },
  {
    name: "逾期清单",
    rows: (r) => r.overdue,
    columns: [
      column<OverdueRow>("措施", 8, (o) => o.number),
      column<OverdueRow>("期次", 16, (o) => o.period),
      column<OverdueRow>("截止日期", 12, (o) => o.dueDate),
      column<OverdueRow>("逾期天数", 10, (o) => o.daysOverdue),
      column<OverdueRow>("责任部门", 12, (o) => o.department),
    ],
  },
];

/** The sheets a caller gets: a liaison's export has no plan-wide task sheet. */
export function sheetsFor(scope: ReportScope): ReportSheet[] {
  return scope.departmentId === null ? QUARTERLY_SHEETS : QUARTERLY_SHEETS.filter((s) => s.name !== "按重点任务");
}

/** Builds the Excel workbook: one sheet per view, Chinese headers, frozen header row, fitted columns. */
export async function quarterlyWorkbook(d: Dashboard, scope: ReportScope, title: string): Promise<Buffer> {
  const rows = quarterlyReportRows(d, scope);
  const wb = new ExcelJS.Workbook();
  wb.creator = "督办";
  wb.created = new Date();
  wb.title = title;
  for (const sheet of sheetsFor(scope)) {
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    for (const row of sheet.rows(rows)) ws.addRow(sheet.columns.map((c) => c.value(row as never)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
