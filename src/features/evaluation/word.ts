import { heading1, heading2, note, paragraph, subtitle, table, title, wordDocument } from "@/server/documents/word";
import type { Block, ReportDocument } from "./documents";

const writers = { title, subtitle, heading1, heading2, paragraph, note } as const;

/** One block in the bureau's Word look (src/server/documents/word.ts). */
function toWord(block: Block) {
  return block.kind === "table" ? table(block.headers, block.rows, block.widths) : writers[block.kind](block.text);
}

/** A report (终期评估报告, 年度总结) as a Word document. */
export function reportToWord(doc: ReportDocument): Promise<Buffer> {
  return wordDocument({ title: doc.title, creator: doc.creator, children: doc.blocks.map(toWord) });
}
