/**
 * Reads an uploaded key-task table (.xlsx, .csv, .docx) or pasted text into rows.
 * Excel through exceljs, Word through mammoth (its HTML keeps the table cells; see
 * docs/decisions/017-plan-import-and-export.md). Anything else, or a file these
 * libraries cannot open, is refused with a `PlanFileError`.
 */
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { parseDelimited, parsePasted } from "./delimited";
import { tableRowsFromHtml } from "./html-tables";
import { PlanFileError, rowsFromGrid, type TableRow } from "./table";

/** Larger files are refused before they are read: a plan table is a few dozen kilobytes. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

export type PlanFileKind = "xlsx" | "csv" | "docx";

/** The kind of a file by its name, or null when it is not one the import reads. */
export function planFileKind(name: string): PlanFileKind | null {
  const ext = /\.([a-z0-9]+)$/iu.exec(name.trim())?.[1]?.toLowerCase();
  return ext === "xlsx" || ext === "csv" || ext === "docx" ? ext : null;
}

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** A cell's text as people read it: a date cell as yyyy-mm-dd, anything else as Excel shows it. */
function cellText(cell: ExcelJS.Cell): string {
  return cell.value instanceof Date ? cell.value.toISOString().slice(0, 10) : (cell.text ?? "");
}

/**
 * Every sheet of an Excel workbook as a grid of cell texts, with each grid row's number in the
 * sheet (empty rows are left out). Refused with `PlanFileError("unreadable")` when it is no workbook.
 * Shared by the plan import and the bulk 补录 (src/features/backfill/).
 */
export async function xlsxGrids(bytes: Uint8Array): Promise<{ name: string; grid: string[][]; lines: number[] }[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new PlanFileError("unreadable");
  }
  return workbook.worksheets.map((sheet) => {
    const grid: string[][] = [];
    const lines: number[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell);
      });
      grid.push(Array.from(cells, (c) => c ?? ""));
      lines.push(rowNumber);
    });
    return { name: sheet.name, grid, lines };
  });
}

async function xlsxRows(bytes: Uint8Array): Promise<TableRow[]> {
  let firstError: PlanFileError | null = null;
  for (const { grid, lines } of await xlsxGrids(bytes)) {
    try {
      return rowsFromGrid(grid, (i) => lines[i]);
    } catch (error) {
      if (!(error instanceof PlanFileError)) throw error;
      // A sheet without the header (an instructions sheet) is skipped; the first real problem is reported.
      if (!firstError || firstError.key === "noHeader") firstError = error;
    }
  }
  throw firstError ?? new PlanFileError("noHeader");
}

async function docxRows(bytes: Uint8Array): Promise<TableRow[]> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) })).value;
  } catch {
    throw new PlanFileError("unreadable");
  }
  const grid = tableRowsFromHtml(html);
  if (grid.length === 0) throw new PlanFileError("noTable");
  // Rows of a Word table are numbered as the table shows them (all tables one after the other).
  return rowsFromGrid(grid);
}

function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Excel on Chinese Windows saves CSV as GB18030 (GBK).
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new PlanFileError("unreadable");
    }
  }
}

/** The measures in an uploaded file; refuses files over the cap, of another kind, or not readable. */
export async function readPlanFile(bytes: Uint8Array, name: string): Promise<TableRow[]> {
  if (bytes.byteLength > MAX_PLAN_FILE_BYTES) throw new PlanFileError("fileTooLarge", { value: "5 MB" });
  if (bytes.byteLength === 0) throw new PlanFileError("fileEmpty");
  const kind = planFileKind(name);
  if (kind === null) throw new PlanFileError("fileType");
  if (kind === "csv") {
    // Rows are numbered as a spreadsheet opening the file shows them (a cell's line breaks do not count).
    return rowsFromGrid(parseDelimited(decodeText(bytes), ",").rows);
  }
  if (!isZip(bytes)) throw new PlanFileError("unreadable");
  return kind === "xlsx" ? xlsxRows(bytes) : docxRows(bytes);
}

/** The measures in text pasted from a Word or Excel table (tab-separated) or a CSV. */
export function readPastedText(text: string): TableRow[] {
  return rowsFromGrid(parsePasted(text).rows);
}
