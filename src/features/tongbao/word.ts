import "server-only";
import type { FileChild } from "docx";
import { heading1, note, paragraph, subtitle, table, title, wordDocument } from "@/server/documents/word";
import type { Tongbao } from "./content";

/**
 * The 通报 as a Word document in the bureau's look (src/server/documents/word.ts): title, quarter,
 * issuer and dates, then each section with its paper tables and their notes. Lays out
 * `buildTongbao`'s content; counts nothing.
 */
export async function tongbaoWord(t: Tongbao): Promise<Buffer> {
  const children: FileChild[] = [title(t.title), subtitle(t.subtitle), subtitle(t.issuer), note(t.dates)];
  if (t.shareNote) children.push(note(t.shareNote));
  for (const s of t.sections) {
    children.push(heading1(s.heading));
    for (const p of s.paragraphs) children.push(paragraph(p));
    for (const tb of s.tables.filter((x) => x.paper)) {
      children.push(note(tb.paperCaption));
      const rows = [...tb.rows, ...(tb.total ? [tb.total] : [])].map((r) => r.map((c) => (c === null ? "—" : c)));
      children.push(table(tb.columns.map((c) => c.header), rows, tb.columns.map((c) => c.share)));
      for (const n of tb.notes) children.push(note(n));
    }
    for (const n of s.notes) children.push(note(n));
  }
  return wordDocument({ title: `${t.title} ${t.subtitle}`, creator: t.issuer, children });
}
