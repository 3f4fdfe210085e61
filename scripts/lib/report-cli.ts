import { writeFile } from "node:fs/promises";
import { openDatabase } from "./database";
import { applyMigrations } from "./migrate";
import { prismaFor } from "./prisma";
import type { ReportDocument } from "../../src/features/evaluation/documents";
import { loadEvaluation, type EvaluationData } from "../../src/features/evaluation/facts";
import { reportToWord } from "../../src/features/evaluation/word";

/**
 * Writes one of a plan's reports (终期评估报告, 年度总结) to a Word file, from the database the app
 * uses (the server's, or the embedded one in data/). `build` answers the report or why there is none.
 * Returns the process's exit code.
 */
export async function writeReport(planCode: string, out: string, build: (data: EvaluationData) => ReportDocument | string): Promise<number> {
  const handle = await openDatabase();
  const db = prismaFor(handle.url);
  try {
    await applyMigrations(handle.url);
    const data = await loadEvaluation(db, planCode);
    if (!data) {
      const codes = (await db.plan.findMany({ select: { code: true } })).map((p) => p.code);
      console.error(`没有代码为“${planCode}”的计划。已有计划：${codes.join("、") || "无"}`);
      return 1;
    }
    const doc = build(data);
    if (typeof doc === "string") {
      console.error(doc);
      return 1;
    }
    const body = await reportToWord(doc);
    await writeFile(out, body);
    console.log(`已生成“${doc.title}”到 ${out}（${body.byteLength} 字节）`);
    return 0;
  } finally {
    await db.$disconnect();
    await handle.stop();
  }
}
