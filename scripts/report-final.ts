/**
 * npm run report:final -- --plan <code> --out <file.docx>
 * Writes an ended plan's 终期评估报告 (the verdicts as confirmed, or as proposed where not yet) as a Word document.
 */
import { parseArgs } from "node:util";
import { writeReport } from "./lib/report-cli";
import { finalReport } from "../src/features/evaluation/documents";

const { values } = parseArgs({ options: { plan: { type: "string" }, out: { type: "string" } } });
if (!values.plan || !values.out || !values.out.toLowerCase().endsWith(".docx")) {
  console.error("用法：npm run report:final -- --plan <计划代码> --out <文件.docx>");
  process.exit(1);
}
process.exit(await writeReport(values.plan, values.out, (data) => (data.evaluable ? finalReport(data) : `计划“${data.plan.title}”尚未结束（${data.plan.endYear}-12-31），不能生成终期评估报告。`)));
