/**
 * A plan as the key-task table (the import template): one row per measure, 序号 and 重点任务
 * merged over a task's measures as the issued tables show them. Reading the file back with
 * `readPlanFile` gives the same texts, departments, leads, joint leads (共同牵头) and time arrangements.
 */
import ExcelJS from "exceljs";
import type { PrismaClient } from "@/generated/prisma/client";
import type { DepartmentRef } from "@/lib/departments";
import { baselineEntry, buildPreview } from "./preview";
import { COLUMNS, type TableRow } from "./table";

const HEADER = [COLUMNS.number, COLUMNS.task, COLUMNS.measure, COLUMNS.departments, COLUMNS.jointLeads, COLUMNS.time, COLUMNS.baselines];
const WIDTHS = [8, 24, 60, 28, 20, 16, 24];
export const SHEET_NAME = "重点工作任务清单";

const HELP = [
  "填写说明",
  "1. 每行填写一项主要措施；同一重点任务的各项措施依次排列，序号和重点任务可只在第一行填写，也可合并单元格或逐行重复。",
  "2. 责任部门用顿号分隔，如“市人社局、市财政局”；牵头部门可写“市卫健委牵头”，未注明时第一个部门为牵头部门。",
  "3. “……等8部门”“……等”照原文填写，导入时会提示管理员确认。",
  "4. 时间安排照原文填写，如“每季度”“每年第一季度”“持续推进”“2022年底前”“2021-2023年”。",
  "5. 共同牵头：与牵头部门一样各自报送进展的责任部门，用顿号分隔，须是本行责任部门中的部门；没有则留空（该列可删除）。",
  "6. 趋势基线：主要措施中“降低……发生率”等趋势指标的基线值，写作“指标名称：数值”，多个用分号分隔，如“千人工伤发生率：1.25”；没有则留空（该列可删除）。",
  "7. 不要修改第一行表头的文字；表头之前可以有标题行。",
];

/** A workbook with the table's header (and the plan's title above it, when given). */
function workbookWith(title: string | null): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "督办";
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: "frozen", ySplit: title ? 2 : 1 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  if (title) {
    sheet.addRow([`${title} 重点工作任务清单`]);
    sheet.mergeCells(1, 1, 1, HEADER.length);
    sheet.getRow(1).font = { bold: true, size: 14 };
  }
  const header = sheet.addRow(HEADER);
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
    cell.border = { bottom: { style: "thin" } };
  });
  const help = workbook.addWorksheet("填写说明");
  help.columns = [{ width: 110 }];
  for (const line of HELP) help.addRow([line]);
  help.getRow(1).font = { bold: true };
  return { workbook, sheet };
}

/** The empty template administrators download and fill. */
export async function templateWorkbook(): Promise<Buffer> {
  const { workbook } = workbookWith(null);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface ExportedMeasure {
  departmentsText: string;
  departments: { isLead: boolean; isJointLead: boolean; sortOrder: number; department: { shortName: string } }[];
}

type Assignment = { shortName: string; lead: boolean };

const sameAssignments = (a: Assignment[], b: Assignment[]) => a.length === b.length && a.every((x, i) => x.shortName === b[i].shortName && x.lead === b[i].lead);

/** The departments of a measure as they are now, the lead written 牵头: "市财政局牵头、市人社局". */
function explicitList(current: Assignment[]): string {
  const lead = current.find((d) => d.lead);
  return [lead ? `${lead.shortName}牵头` : null, ...current.filter((d) => d !== lead).map((d) => d.shortName)].filter(Boolean).join("、");
}

/**
 * The 责任部门 cells of a plan's measures: each text as issued when importing the table gives
 * the measure's departments and lead as they are now (read as the import reads it, "等8部门"
 * against the departments the table names); otherwise, where an administrator changed them,
 * the departments as they are, the lead marked 牵头.
 */
export function departmentCells(tasks: { number: number; title: string; measures: ExportedMeasure[] }[], known: DepartmentRef[]): string[][] {
  const cells = tasks.map((task) => task.measures.map((m) => m.departmentsText));
  const current = tasks.map((task) =>
    task.measures.map((m) => [...m.departments].sort((a, b) => a.sortOrder - b.sortOrder).map((d) => ({ shortName: d.department.shortName, lead: d.isLead }))),
  );
  // Replacing a cell can change the departments the table names, hence what another cell's group means: repeat until stable.
  for (let round = 0; round <= cells.flat().length; round++) {
    const rows: TableRow[] = tasks.flatMap((task, ti) =>
      task.measures.map((_, mi) => ({ line: 0, taskNumber: task.number, taskTitle: task.title, text: "-", departmentsText: cells[ti][mi], timeArrangement: "" })),
    );
    const preview = buildPreview(rows, { startYear: 2000, endYear: 2000 }, known);
    let changed = false;
    preview.tasks.forEach((task, ti) =>
      task.measures.forEach((m, mi) => {
        const now = current[ti][mi];
        const parsed = m.departments.map((d) => ({ shortName: d.shortName, lead: d.lead }));
        if (now.length > 0 && !sameAssignments(parsed, now)) {
          cells[ti][mi] = explicitList(now);
          changed = true;
        }
      }),
    );
    if (!changed) break;
  }
  return cells;
}

/** The plan with code `code` as a filled template, or null when there is no such plan. */
export async function planWorkbook(db: PrismaClient, code: string): Promise<{ title: string; body: Buffer } | null> {
  const plan = await db.plan.findUnique({
    where: { code },
    include: {
      keyTasks: {
        orderBy: { number: "asc" },
        include: {
          measures: {
            orderBy: { number: "asc" },
            include: {
              departments: { include: { department: { select: { shortName: true } } } },
              // Trends with a baseline: the 趋势基线 column carries the baseline (the trend itself is read again from the text).
              indicators: { where: { direction: { not: null }, baseline: { not: null } }, orderBy: { key: "asc" }, select: { name: true, baseline: true } },
            },
          },
        },
      },
    },
  });
  if (!plan) return null;
  const known = await db.department.findMany({ orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }], select: { shortName: true, aliases: true } });
  const { workbook, sheet } = workbookWith(plan.title);
  const tasks = plan.keyTasks.filter((task) => task.measures.length > 0);
  const cells = departmentCells(tasks, known);
  for (const [ti, task] of tasks.entries()) {
    const first = sheet.rowCount + 1;
    for (const [mi, m] of task.measures.entries()) {
      const jointLeads = [...m.departments].sort((a, b) => a.sortOrder - b.sortOrder).filter((d) => d.isJointLead).map((d) => d.department.shortName);
      const baselines = m.indicators.map((i) => baselineEntry(i.name, Number(i.baseline))).join("；");
      const row = sheet.addRow([task.number, task.title, m.text, cells[ti][mi], jointLeads.join("、"), m.timeArrangement, baselines]);
      row.alignment = { vertical: "top", wrapText: true };
    }
    const last = sheet.rowCount;
    if (last > first) {
      sheet.mergeCells(first, 1, last, 1);
      sheet.mergeCells(first, 2, last, 2);
    }
  }
  return { title: plan.title, body: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
