import "server-only";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  convertMillimetersToTwip,
  type FileChild,
} from "docx";

/**
 * The bureau's Word documents (通报, 终期评估报告, 年度总结) share one look, close to the layout of
 * official documents (GB/T 9704): A4, 37/35/28/26 mm margins, a 小标宋 title, 仿宋 body text, 黑体
 * and 楷体 headings, page numbers at the foot. Tables use a smaller size so a department ranking
 * or an indicator table fits the page width. Every document is built from these pieces, so the
 * look has one home.
 */

const FONT = { title: "方正小标宋简体", body: "仿宋_GB2312", heading1: "黑体", heading2: "楷体_GB2312", table: "宋体" };
// Half-points: 二号 22 pt, 三号 16 pt, 小四 12 pt, 五号 10.5 pt.
const SIZE = { title: 44, body: 32, table: 21, tableHeader: 21, note: 24 };

const run = (text: string, font: string, size: number, bold = false) =>
  new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, bold });

/** The document's title, centred (小标宋, 二号). */
export function title(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text, FONT.title, SIZE.title)] });
}

/** A centred line under the title (issuer, date, number). */
export function subtitle(text: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [run(text, FONT.body, SIZE.body)] });
}

/** 一级标题 (黑体, 三号), e.g. 「一、总体情况」. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240, after: 120 }, children: [run(text, FONT.heading1, SIZE.body)] });
}

/** 二级标题 (楷体, 三号), e.g. 「（一）……」. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 120, after: 60 }, children: [run(text, FONT.heading2, SIZE.body)] });
}

/** A body paragraph (仿宋, 三号) with the customary two-character first-line indent. */
export function paragraph(text: string): Paragraph {
  return new Paragraph({ indent: { firstLine: SIZE.body * 20 }, spacing: { line: 560, lineRule: "exact" }, children: [run(text, FONT.body, SIZE.body)] });
}

/** A smaller note under a table or section (说明), no indent. */
export function note(text: string): Paragraph {
  return new Paragraph({ spacing: { before: 60, after: 120 }, children: [run(text, FONT.body, SIZE.note)] });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const cellBorders = { top: border, bottom: border, left: border, right: border };

function cell(text: string, header: boolean, widthPct: number): TableCell {
  return new TableCell({
    borders: cellBorders,
    width: { size: widthPct * 50, type: WidthType.PERCENTAGE },
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: String(text)
      .split("\n")
      .map(
        (line) =>
          new Paragraph({
            alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
            children: [run(line, header ? FONT.heading1 : FONT.table, header ? SIZE.tableHeader : SIZE.table)],
          }),
      ),
  });
}

/**
 * A full-width table with a header row that repeats on every page. `widths` are percentages of
 * the width (they should add up to 100); by default the columns share it equally.
 */
export function table(headers: string[], rows: (string | number)[][], widths?: number[]): Table {
  const w = widths ?? headers.map(() => 100 / headers.length);
  return new Table({
    width: { size: 5000, type: WidthType.PERCENTAGE },
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: headers.map((h, i) => cell(h, true, w[i])) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, i) => cell(String(c ?? ""), false, w[i])) })),
    ],
  });
}

/** An empty line between blocks. */
export function gap(): Paragraph {
  return new Paragraph({ children: [] });
}

/** Assembles and packs a document: A4 portrait, official margins, page numbers 「— n —」 at the foot. */
export async function wordDocument(options: { title: string; creator: string; children: FileChild[] }): Promise<Buffer> {
  const doc = new Document({
    title: options.title,
    creator: options.creator,
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
            },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"], font: { ascii: FONT.table, eastAsia: FONT.table }, size: 28 })],
              }),
            ],
          }),
        },
        children: options.children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The response headers of a Word download: the Chinese file name, and an ASCII one for older clients. */
export function wordDownloadHeaders(fileName: string, asciiName: string): Record<string, string> {
  return {
    "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    "Cache-Control": "private, no-store",
  };
}
