/**
 * npm run report:annual -- --plan <code> --year <YYYY> --out <file.docx>
 * Writes a plan's 年度总结 of one year (any year of the plan that has begun) as a Word document.
 */
import { parseArgs } from "node:util";
import { writeReport } from "./lib/report-cli";
import { annualReport } from "../src/features/evaluation/documents";
import { summaryYears } from "../src/lib/evaluation";

const { values } = parseArgs({ options: { plan: { type: "string" }, year: { type: "string" }, out: { type: "string" } } });
if (!values.plan || !values.out || !/^\d{4}$/.test(values.year ?? "") || !values.out.toLowerCase().endsWith(".docx")) {
  console.error("用法：npm run report:annual -- --plan <计划代码> --year <年份> --out <文件.docx>");
  process.exit(1);
}
const year = Number(values.year);
process.exit(
  await writeReport(values.plan, values.out, (data) => {
    const years = summaryYears(data.plan, data.today);
    return years.includes(year) ? annualReport(data, year) : `计划“${data.plan.title}”没有${year}年度（可选：${years.join("、") || "无"}）。`;
  }),
);
