import ExcelJS from "exceljs";
import type { Light, ProgressState, Status } from "@/lib/status";
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
    // Both lights of every measure (报送 and 进度); plan-wide like the key tasks.
    measures: scope.departmentId === null ? [...d.measures].sort((a, b) => a.keyTaskNumber - b.keyTaskNumber || a.measureNumber - b.measureNumber) : [],
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
type MeasureRowOut = Rows["measures"][number];

/** The words of src/lib/status.ts for the workbook, which is in Chinese only. */
const STATUS_WORDS: Record<Status, string> = { NOT_STARTED: "未开始", ON_TRACK: "正常推进", DUE_SOON: "即将到期", OVERDUE: "已逾期", COMPLETED: "按时报送", COMPLETED_LATE: "逾期报送", WAIVED: "无需报送" };
const LIGHT_WORDS: Record<Light, string> = { RED: "红灯", YELLOW: "黄灯", GREEN: "绿灯" };
const PROGRESS_WORDS: Record<ProgressState, string> = { NOT_STARTED: "未开始", ON_SCHEDULE: "按序时推进", BEHIND: "滞后", FAR_BEHIND: "严重滞后", DEADLINE_MISSED: "逾期未完成", CLOSED: "已销号" };

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
      column<TaskRow>("进度红灯", 10, (t) => t.progressRed),
      column<TaskRow>("进度黄灯", 10, (t) => t.progressYellow),
      column<TaskRow>("进度绿灯", 10, (t) => t.progressGreen),
      column<TaskRow>("已到期期次", 12, (t) => t.periodsDue),
      column<TaskRow>("已报送期次", 12, (t) => t.periodsDone),
      column<TaskRow>("报送率(%)", 10, (t) => t.progressPct),
    ],
  },
  {
    name: "按措施",
    rows: (r) => r.measures,
    columns: [
      column<MeasureRowOut>("措施", 8, (m) => `${m.keyTaskNumber}.${m.measureNumber}`),
      column<MeasureRowOut>("报送", 8, (m) => LIGHT_WORDS[m.light]),
      column<MeasureRowOut>("报送状态", 12, (m) => STATUS_WORDS[m.status]),
      column<MeasureRowOut>("进度", 8, (m) => (m.progress ? LIGHT_WORDS[m.progress.light] : null)),
      column<MeasureRowOut>("进度状态", 12, (m) => (m.progress ? PROGRESS_WORDS[m.progress.state] : null)),
      column<MeasureRowOut>("落后序时进度(百分点)", 20, (m) => m.progress?.behind ?? null),
      column<MeasureRowOut>("销号日期", 12, (m) => m.progress?.closedOn ?? null),
    ],
  },
  {
    name: "按部门",
    rows: (r) => r.departments,
    columns: [
      column<DepartmentRowOut>("部门", 12, (d) => d.shortName),
      column<DepartmentRowOut>("牵头措施", 10, (d) => d.led),
      column<DepartmentRowOut>("配合措施", 10, (d) => d.supported),
      column<DepartmentRowOut>("按时报送率(%)", 14, (d) => d.onTimePct),
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
  return scope.departmentId === null ? QUARTERLY_SHEETS : QUARTERLY_SHEETS.filter((s) => s.name !== "按重点任务" && s.name !== "按措施");
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
