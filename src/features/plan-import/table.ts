/**
 * The key-task table as the bureau receives it (序号 / 重点任务 / 主要措施 / 责任部门 / 时间安排),
 * read from a grid of cell texts (an Excel sheet, a CSV file, a Word table, pasted text) into
 * one row per measure. Pure: no I/O. A file it cannot read is refused with a `PlanFileError`
 * naming the row and column, before anything is written.
 */

/** One measure as read from the table, before any parsing of its cells. */
export interface TableRow {
  /** The row in the source (1-based, as a spreadsheet numbers it), for messages. */
  line: number;
  taskNumber: number;
  taskTitle: string;
  text: string;
  departmentsText: string;
  timeArrangement: string;
  /** The 共同牵头 cell (optional column): departments of the measure that report like its lead (decision 021). */
  jointLeadsText?: string;
  /** The 趋势基线 cell (optional column): each trend indicator's baseline, 「千人工伤发生率：1.25」 (decision 031). */
  baselinesText?: string;
}

/**
 * The columns of the template, in order; 序号 may be missing (tasks are then numbered in order of
 * appearance), and so may 共同牵头 (issued tables have none: every department but the lead supports).
 */
export const COLUMNS = { number: "序号", task: "重点任务", measure: "主要措施", departments: "责任部门", jointLeads: "共同牵头", time: "时间安排", baselines: "趋势基线" } as const;
export type ColumnKey = keyof typeof COLUMNS;

/** At most this many rows are read: a plan has dozens of measures, not thousands. */
export const MAX_ROWS = 2000;

/** Why a file cannot be imported: `key` names a message under "admin.planImport"; `row`/`column` say where. */
export class PlanFileError extends Error {
  constructor(
    public readonly key: string,
    public readonly detail: { row?: number; column?: string; value?: string } = {},
  ) {
    super(`planImport.${key}`);
  }
}

/**
 * Cleans a cell: line breaks and spaces between Chinese characters (and around Chinese
 * punctuation) are layout, not words, and go; any other run of whitespace becomes one space.
 */
export function cleanCell(value: string): string {
  const cjk = "\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’…—";
  return value
    .replace(/[\u200b-\u200d\u2060\ufeff]/gu, "")
    .replace(new RegExp(`(?<=[${cjk}])\\s+|\\s+(?=[${cjk}])`, "gu"), "")
    .replace(/\s+/gu, " ")
    .trim();
}

const HEADER_SCAN_ROWS = 10;

function headerKey(cell: string): ColumnKey | null {
  const text = cleanCell(cell).replace(/\s/gu, "");
  for (const [key, label] of Object.entries(COLUMNS) as [ColumnKey, string][]) {
    if (text === label) return key;
  }
  return null;
}

/** The column of each header in `row`, or null when `row` is not a header row (it must name 主要措施). */
function headerOf(row: string[]): Partial<Record<ColumnKey, number>> | null {
  const columns: Partial<Record<ColumnKey, number>> = {};
  row.forEach((cell, i) => {
    const key = headerKey(cell ?? "");
    if (key && columns[key] === undefined) columns[key] = i;
  });
  return columns.measure === undefined ? null : columns;
}

/**
 * Reads a grid (rows of cell texts; `lineOf(i)` gives row i's number in the source) into
 * measures. The header is looked for in the first rows (a title may come first) and skipped
 * where it repeats (page breaks); empty rows are skipped.
 */
export function rowsFromGrid(grid: string[][], lineOf: (index: number) => number = (i) => i + 1): TableRow[] {
  const headerIndex = grid.slice(0, HEADER_SCAN_ROWS).findIndex((row) => headerOf(row) !== null);
  if (headerIndex < 0) throw new PlanFileError("noHeader");
  const columns = headerOf(grid[headerIndex])!;
  for (const key of ["task", "departments", "time"] as const) {
    if (columns[key] === undefined) throw new PlanFileError("missingColumn", { row: lineOf(headerIndex), column: COLUMNS[key] });
  }
  const cell = (row: string[], key: ColumnKey) => (columns[key] === undefined ? "" : cleanCell(String(row[columns[key]!] ?? "")));

  const rows: TableRow[] = [];
  let task = null as { number: number; title: string } | null;
  const seenNumbers = new Set<number>();
  for (let i = headerIndex + 1; i < grid.length; i++) {
    const raw = grid[i];
    const line = lineOf(i);
    if (headerOf(raw) !== null) continue;
    const values = { number: cell(raw, "number"), task: cell(raw, "task"), measure: cell(raw, "measure"), departments: cell(raw, "departments"), jointLeads: cell(raw, "jointLeads"), time: cell(raw, "time"), baselines: cell(raw, "baselines") };
    if (Object.values(values).every((v) => v === "")) continue;
    if (rows.length >= MAX_ROWS) throw new PlanFileError("tooManyRows", { row: line, value: String(MAX_ROWS) });

    if (values.number !== "") {
      if (!/^[0-9]{1,4}$/u.test(values.number) || Number(values.number) < 1) {
        throw new PlanFileError("badTaskNumber", { row: line, column: COLUMNS.number, value: values.number });
      }
      const number = Number(values.number);
      if (number !== task?.number) {
        if (seenNumbers.has(number)) throw new PlanFileError("duplicateTaskNumber", { row: line, column: COLUMNS.number, value: values.number });
        if (values.task === "") throw new PlanFileError("emptyCell", { row: line, column: COLUMNS.task });
        task = { number, title: values.task };
        seenNumbers.add(number);
      }
    } else if (columns.number === undefined && values.task !== "" && values.task !== task?.title) {
      // No 序号 column: a new title starts the next task.
      const number = (task?.number ?? 0) + 1;
      task = { number, title: values.task };
      seenNumbers.add(number);
    } else if (task === null) {
      throw new PlanFileError("emptyCell", { row: line, column: columns.number === undefined ? COLUMNS.task : COLUMNS.number });
    }
    if (values.measure === "") throw new PlanFileError("emptyCell", { row: line, column: COLUMNS.measure });
    if (values.departments === "") throw new PlanFileError("emptyCell", { row: line, column: COLUMNS.departments });
    rows.push({ line, taskNumber: task.number, taskTitle: task.title, text: values.measure, departmentsText: values.departments, timeArrangement: values.time, ...(values.jointLeads ? { jointLeadsText: values.jointLeads } : {}), ...(values.baselines ? { baselinesText: values.baselines } : {}) });
  }
  if (rows.length === 0) throw new PlanFileError("noRows");
  return rows;
}
