/**
 * The cells of the tables in the HTML mammoth makes of a .docx (src/features/plan-import/read.ts):
 * `<table>`, `<tr>`, `<td>`/`<th>` with colspan/rowspan, paragraphs inside cells. mammoth writes
 * plain, escaped HTML, so a small tokenizer is enough; merged cells are spread over the rows and
 * columns they cover, as a spreadsheet shows them. Pure.
 */

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/giu, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function span(attributes: string, name: "colspan" | "rowspan"): number {
  const m = new RegExp(`${name}="?([0-9]+)`, "iu").exec(attributes);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 1000 ? n : 1;
}

/** Every top-level table's rows, one after the other, as cell texts (paragraphs joined by line breaks). */
export function tableRowsFromHtml(html: string): string[][] {
  const out: string[][] = [];
  const token = /<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/giu;
  let depth = 0;
  // The current table: its rows so far, and the cells carried down by rowspan (column → rows left, text).
  let carried = new Map<number, { left: number; text: string }>();
  let row: string[] | null = null;
  let cell: { text: string; colspan: number; rowspan: number } | null = null;

  const place = (target: string[], text: string, colspan: number, rowspan: number) => {
    let col = 0;
    while (target[col] !== undefined) col++;
    for (let c = 0; c < colspan; c++) {
      target[col + c] = text;
      if (rowspan > 1) carried.set(col + c, { left: rowspan - 1, text });
    }
  };
  const startRow = () => {
    const next: string[] = [];
    for (const [col, c] of carried) {
      next[col] = c.text;
      if (--c.left === 0) carried.delete(col);
    }
    return next;
  };

  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [, closing, rawName, attributes, text] = m;
    if (text !== undefined) {
      if (cell) cell.text += decode(text);
      continue;
    }
    const name = rawName.toLowerCase();
    if (name === "table") {
      if (closing) {
        depth = Math.max(0, depth - 1);
      } else {
        depth++;
        if (depth === 1) carried = new Map();
      }
      continue;
    }
    if (depth !== 1) {
      // A table inside a cell: its text joins the cell.
      if (cell && (name === "p" || name === "br" || name === "td" || name === "th") && closing) cell.text += "\n";
      continue;
    }
    if (name === "tr") {
      if (!closing) row = startRow();
      else if (row) {
        out.push(Array.from(row, (v) => v ?? ""));
        row = null;
      }
    } else if (name === "td" || name === "th") {
      if (!closing) cell = { text: "", colspan: span(attributes, "colspan"), rowspan: span(attributes, "rowspan") };
      else if (cell && row) {
        place(row, cell.text.replace(/\n+$/u, ""), cell.colspan, cell.rowspan);
        cell = null;
      }
    } else if ((name === "p" && closing) || name === "br") {
      if (cell) cell.text += "\n";
    }
  }
  return out;
}
