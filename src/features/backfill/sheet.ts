/**
 * The bulk 补录 spreadsheet: one row per measure × department × period, with the day the report
 * was really submitted. The template is written with exceljs; an upload is read through the plan
 * import's workbook reader (`xlsxGrids`) and its cell cleaning (`cleanCell`), so both read Excel alike.
 */
import ExcelJS from "exceljs";
import { xlsxGrids } from "@/features/plan-import/read";
import { cleanCell, PlanFileError } from "@/features/plan-import/table";

/** The template's columns, in order; 审核通过日期 and 指标值 may be left empty. */
export const BACKFILL_COLUMNS = {
  measure: "措施编号",
  department: "责任部门",
  period: "填报期次",
  submittedOn: "实际报送日期",
  acceptedOn: "审核通过日期",
  progress: "进展情况",
  workDone: "工作进展",
  problems: "存在问题",
  nextSteps: "下步计划",
  values: "指标值",
} as const;
export type BackfillColumn = keyof typeof BACKFILL_COLUMNS;

const REQUIRED: BackfillColumn[] = ["measure", "department", "period", "submittedOn", "progress", "workDone"];

/** At most this many rows in one upload: five years of a plan's quarterly reports are a few thousand. */
export const MAX_BACKFILL_ROWS = 5000;

/** One row as read from the sheet: every cell's text, cleaned, and the row's number in the sheet. */
export type SheetRow = { line: number } & Record<BackfillColumn, string>;

const HELP = [
  "填写说明",
  "1. 每行填写一个责任部门在一个填报期次的进展报告（补录历史报送）。",
  "2. 措施编号写“重点任务序号.措施序号”，如 1.2；责任部门写部门简称、全称或别名，须是该措施的责任部门。",
  "3. 填报期次写“2023年第2季度”“2023年度”“2023年上半年”，或写该期次的截止日期、应报日期（如 2023-07-10）。",
  "4. 实际报送日期：部门当时实际报送的日期（yyyy-mm-dd），不能早于该期次开始，也不能晚于今天。",
  "5. 审核通过日期可不填，视为报送当日审核通过；填写时不能早于报送日期。",
  "6. 进展情况填“未启动”“推进中”“已完成”“存在困难”之一；工作进展必填，存在问题、下步计划可不填。",
  "7. 指标值可不填；措施只有一个量化指标时可只写数值，有多个时写“指标名称：数值”，用分号分隔。",
  "8. 部门已有本期报告（内容为空的草稿除外）的行不会补录，预览时会提示。不要修改第一行表头。",
];

const WIDTHS = [10, 14, 16, 14, 14, 10, 40, 24, 24, 20];

/** The empty template administrators download, with an example row and the instructions sheet. */
export async function backfillTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "督办";
  const sheet = workbook.addWorksheet("补录", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const header = sheet.addRow(Object.values(BACKFILL_COLUMNS));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF5" } };
    cell.border = { bottom: { style: "thin" } };
  });
  // Dates as text, so that Excel keeps what was typed (yyyy-mm-dd).
  for (const col of [3, 4, 5]) sheet.getColumn(col).numFmt = "@";
  const help = workbook.addWorksheet("填写说明");
  help.columns = [{ width: 110 }];
  for (const line of HELP) help.addRow([line]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function headerKey(cell: string): BackfillColumn | null {
  const text = cleanCell(cell).replace(/\s/gu, "");
  for (const [key, label] of Object.entries(BACKFILL_COLUMNS) as [BackfillColumn, string][]) if (text === label) return key;
  return null;
}

/**
 * Reads a grid into rows: the header is looked for in the first ten rows (it must name 措施编号),
 * empty rows are skipped. A missing required column or too many rows is refused with a `PlanFileError`.
 */
export function backfillRowsFromGrid(grid: string[][], lineOf: (index: number) => number = (i) => i + 1): SheetRow[] {
  const headerIndex = grid.slice(0, 10).findIndex((row) => row.some((c) => headerKey(c ?? "") === "measure"));
  if (headerIndex < 0) throw new PlanFileError("noHeader");
  const columns: Partial<Record<BackfillColumn, number>> = {};
  grid[headerIndex].forEach((cell, i) => {
    const key = headerKey(cell ?? "");
    if (key && columns[key] === undefined) columns[key] = i;
  });
  for (const key of REQUIRED) {
    if (columns[key] === undefined) throw new PlanFileError("missingColumn", { row: lineOf(headerIndex), column: BACKFILL_COLUMNS[key] });
  }
  const rows: SheetRow[] = [];
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const raw = grid[i];
    const row = { line: lineOf(i) } as SheetRow;
    for (const key of Object.keys(BACKFILL_COLUMNS) as BackfillColumn[]) {
      const at = columns[key];
      // Texts keep their line breaks (a report's paragraphs); the other cells are cleaned like the plan table's.
      const value = at === undefined ? "" : String(raw[at] ?? "");
      row[key] = key === "workDone" || key === "problems" || key === "nextSteps" ? value.trim() : cleanCell(value);
    }
    if ((Object.keys(BACKFILL_COLUMNS) as BackfillColumn[]).every((k) => row[k] === "")) continue;
    if (rows.length >= MAX_BACKFILL_ROWS) throw new PlanFileError("tooManyRows", { row: row.line, value: String(MAX_BACKFILL_ROWS) });
    rows.push(row);
  }
  if (rows.length === 0) throw new PlanFileError("noRows");
  return rows;
}

/** Reads an uploaded .xlsx: the first sheet with the header (the instructions sheet is skipped). */
export async function readBackfillFile(bytes: Uint8Array): Promise<SheetRow[]> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new PlanFileError("unreadable");
  let firstError: PlanFileError | null = null;
  for (const { grid, lines } of await xlsxGrids(bytes)) {
    try {
      return backfillRowsFromGrid(grid, (i) => lines[i]);
    } catch (error) {
      if (!(error instanceof PlanFileError)) throw error;
      if (!firstError || firstError.key === "noHeader") firstError = error;
    }
  }
  throw firstError ?? new PlanFileError("noHeader");
}
