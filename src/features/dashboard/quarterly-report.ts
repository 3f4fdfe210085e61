import ExcelJS from "exceljs";
import type { Dashboard } from "./compute";

/** What one caller may see of the quarterly report: everything, or one department's share. */
export interface ReportScope {
  departmentId: string | null;
}

/** The quarterly status report (季度通报) as rows, one list per sheet, limited to the caller's scope. */
export function quarterlyReportRows(d: Dashboard, scope: ReportScope) {
  const name = new Map(d.departments.map((x) => [x.id, x.shortName]));
  const departments = d.departments.filter((x) => scope.departmentId === null || x.id === scope.departmentId);
  const overdue = d.overdue.filter((o) => (scope.departmentId === null ? o.isLead : o.departmentId === scope.departmentId));
  return {
    tasks: scope.departmentId === null ? d.tasks : [],
    departments,
    overdue: overdue.map((o) => ({ ...o, department: name.get(o.departmentId) ?? "" })),
  };
}

/** Builds the Excel workbook: one sheet per view, Chinese headers, frozen header row, fitted columns. */
export async function quarterlyWorkbook(d: Dashboard, scope: ReportScope, title: string): Promise<Buffer> {
  const rows = quarterlyReportRows(d, scope);
  const wb = new ExcelJS.Workbook();
  wb.creator = "督办";
  wb.created = new Date();
  const sheet = (name: string, columns: { header: string; key: string; width: number }[], data: object[]) => {
    const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    ws.columns = columns;
    ws.getRow(1).font = { bold: true };
    ws.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };
    ws.addRows(data);
    return ws;
  };
  if (rows.tasks.length) {
    sheet(
      "按重点任务",
      [
        { header: "序号", key: "number", width: 6 },
        { header: "重点任务", key: "title", width: 36 },
        { header: "措施数", key: "measures", width: 8 },
        { header: "红灯", key: "red", width: 6 },
        { header: "黄灯", key: "yellow", width: 6 },
        { header: "绿灯", key: "green", width: 6 },
        { header: "已到期期次", key: "periodsDue", width: 12 },
        { header: "已完成期次", key: "periodsDone", width: 12 },
        { header: "完成率(%)", key: "progressPct", width: 10 },
      ],
      rows.tasks,
    );
  }
  sheet(
    "按部门",
    [
      { header: "部门", key: "shortName", width: 12 },
      { header: "牵头措施", key: "led", width: 10 },
      { header: "配合措施", key: "supported", width: 10 },
      { header: "按时完成率(%)", key: "onTimePct", width: 14 },
      { header: "当前逾期", key: "overdue", width: 10 },
      { header: "被退回", key: "returned", width: 8 },
      { header: "平均审核时长(小时)", key: "avgReviewHours", width: 18 },
    ],
    rows.departments,
  );
  sheet(
    "逾期清单",
    [
      { header: "措施", key: "number", width: 8 },
      { header: "期次", key: "period", width: 16 },
      { header: "截止日期", key: "dueDate", width: 12 },
      { header: "逾期天数", key: "daysOverdue", width: 10 },
      { header: "责任部门", key: "department", width: 12 },
    ],
    rows.overdue,
  );
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
