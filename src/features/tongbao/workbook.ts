import ExcelJS from "exceljs";
import { tongbaoTables, type Tongbao } from "./content";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };

/**
 * The 通报 as an Excel workbook: a 「说明」 sheet with the heading lines, every paragraph and every
 * note, then one sheet per table (the details the paper leaves out included), each with a title row
 * (the 通报, the quarter, the table and the day its figures are as of), headers in the reader's language, the title and
 * header rows frozen, days as dates, and a 合计 row where the table has one. Lays out `buildTongbao`'s content; counts nothing.
 */
export async function tongbaoWorkbook(t: Tongbao): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = t.issuer;
  wb.created = new Date();
  wb.title = t.title;
  wb.subject = t.quarterTitle;

  const about = wb.addWorksheet(t.aboutSheet);
  const width = 120;
  about.columns = [{ width }];
  const line = (text: string, font?: Partial<ExcelJS.Font>) => {
    const row = about.addRow([text]);
    row.getCell(1).alignment = { wrapText: true, vertical: "top" };
    if (font) row.font = font;
    // A wrapped paragraph gets the height of its lines (spreadsheet programs do not grow a row on opening a file):
    // a column is `width` digits wide, a Chinese character takes about two.
    const units = [...text].reduce((n, ch) => n + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);
    const lines = Math.max(1, Math.ceil(units / (width - 4)));
    if (lines > 1) row.height = lines * ((font?.size ?? 11) * 1.4);
  };
  line(t.title, { bold: true, size: 14 });
  line(t.subtitle);
  line(`${t.issuer}　${t.dates}`);
  if (t.shareNote) line(t.shareNote);
  for (const s of t.sections) {
    line("");
    line(s.heading, { bold: true });
    for (const p of s.paragraphs) line(p);
    for (const table of s.tables) {
      line(table.aboutLine);
      for (const n of table.notes) line(n);
    }
    for (const n of s.notes) line(n);
  }

  for (const table of tongbaoTables(t)) {
    // Row 1 says what the sheet is and as of when (a sheet is often copied on its own); row 2 holds the headers.
    const ws = wb.addWorksheet(table.sheet, { views: [{ state: "frozen", ySplit: 2 }] });
    ws.columns = table.columns.map((c) => ({ width: c.width }));
    ws.addRow([table.sheetTitle]).font = { bold: true, size: 12 };
    ws.mergeCells(1, 1, 1, table.columns.length);
    const header = ws.addRow(table.columns.map((c) => c.header));
    header.font = { bold: true };
    header.eachCell((cell) => (cell.fill = HEADER_FILL));
    const wrapped = table.columns.flatMap((c, i) => (c.text ? [i + 1] : []));
    for (const row of table.rows) {
      const added = addCells(ws, row);
      for (const i of wrapped) added.getCell(i).alignment = { wrapText: true, vertical: "top" };
    }
    if (table.total) addCells(ws, table.total).font = { bold: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A row whose days (yyyy-mm-dd) are stored as dates, shown yyyy-mm-dd, so a spreadsheet sorts and filters them as dates. */
function addCells(ws: ExcelJS.Worksheet, values: readonly unknown[]): ExcelJS.Row {
  const row = ws.addRow(values.map((v) => (typeof v === "string" && DAY.test(v) ? new Date(`${v}T00:00:00Z`) : v)));
  row.eachCell((cell) => {
    if (cell.value instanceof Date) cell.numFmt = "yyyy-mm-dd";
  });
  return row;
}
