/**
 * CSV (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes) and text pasted
 * from a Word or Excel table (tab-separated, the same quoting) into a grid. Pure.
 */
import { PlanFileError } from "./table";

/** A grid of cells and, for each row, its first line in the text (for messages). */
export interface Grid {
  rows: string[][];
  lines: number[];
}

/** Splits delimited text; `delimiter` is "," for CSV, "\t" for pasted tables. */
export function parseDelimited(text: string, delimiter: "," | "\t"): Grid {
  const source = text.replace(/^\ufeff/u, "");
  const rows: string[][] = [];
  const lines: number[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let fieldStart = true;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === "\n") line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === delimiter) {
      row.push(field);
      field = "";
      fieldStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && source[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      lines.push(rowLine);
      row = [];
      field = "";
      fieldStart = true;
      line++;
      rowLine = line;
    } else {
      field += c;
      fieldStart = false;
    }
  }
  if (quoted) throw new PlanFileError("unclosedQuote", { row: rows.length + 1 });
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
    lines.push(rowLine);
  }
  return { rows, lines };
}

/** Text pasted into the import page: tab-separated when it has tabs, else CSV. */
export function parsePasted(text: string): Grid {
  return parseDelimited(text, text.includes("\t") ? "\t" : ",");
}
