/**
 * npm run plan:import -- <file.xlsx|.csv|.docx> --code <code> --title <title> --years <YYYY-YYYY> [--issuer <印发单位>] [--dry-run]
 * Imports a plan's key-task table, as the import page does: one transaction, one audit event
 * (recorded as done from the command line). --dry-run prints the preview and writes nothing.
 */
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { createTranslator } from "next-intl";
import messages from "../messages/zh-CN.json";
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { prismaFor } from "./lib/prisma";
import { quarterDueDays } from "./lib/seed";
import { asRuleError, commandLineOperator, importPlan } from "../src/features/plan-import/mutations";
import type { PlanPreview } from "../src/features/plan-import/preview";
import { MAX_PLAN_FILE_BYTES, readPlanFile } from "../src/features/plan-import/read";
import { planMetaSchema } from "../src/features/plan-import/schemas";
import { PlanFileError } from "../src/features/plan-import/table";
import { RuleError } from "../src/lib/rule-error";

const t = createTranslator({ locale: "zh-CN", messages, namespace: "admin", timeZone: "Asia/Shanghai" });
const USAGE = "用法：npm run plan:import -- <文件.xlsx|.csv|.docx> --code <计划代码> --title <计划名称> --years <YYYY-YYYY> [--issuer <印发单位>] [--dry-run]";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { code: { type: "string" }, title: { type: "string" }, years: { type: "string" }, issuer: { type: "string" }, "dry-run": { type: "boolean" } },
});
const years = /^(\d{4})\s*[-–—]\s*(\d{4})$/u.exec(values.years ?? "");
if (positionals.length !== 1 || !years) {
  console.error(USAGE);
  process.exit(1);
}
const meta = planMetaSchema.safeParse({ code: values.code ?? "", title: values.title ?? "", issuer: values.issuer ?? "", startYear: years[1], endYear: years[2] });
if (!meta.success) {
  console.error(meta.error.issues.map((i) => (t.has(i.message as never) ? t(i.message as never) : i.message)).join("\n"));
  process.exit(1);
}

/** The preview as text: one line per measure, its parse underneath, notices marked "!". */
function printPreview(preview: PlanPreview): void {
  const n = (code: string, detail?: string) => t(`planImport.notice.${code}` as never, { detail: detail ?? "" } as never);
  for (const task of preview.tasks) {
    console.log(`\n${task.number}. ${task.title}`);
    for (const m of task.measures) {
      console.log(`  ${task.number}.${m.number}（第 ${m.line} 行）${m.text}`);
      const departments = m.departments.map((d) => `${d.shortName}${d.lead ? "（牵头）" : d.jointLead ? "（共同牵头）" : ""}${d.isNew ? "［新部门］" : ""}`).join("、");
      const schedule = m.schedule ? `${t(`planImport.scheduleKind.${m.schedule.kind}` as never)}${m.schedule.deadline ? ` 截止 ${m.schedule.deadline}` : ""}` : "未识别";
      console.log(`      责任部门：${departments || "无"}；时间安排：${m.timeArrangement || "（空）"} → ${schedule}`);
      for (const i of m.indicators) console.log(`      指标：${i.name} ${i.comparison} ${i.target}${i.unit}`);
      for (const notice of m.notices) console.log(`      ! ${n(notice.code, notice.detail)}`);
    }
  }
  console.log(`\n共 ${preview.tasks.length} 项重点任务，${preview.measureCount} 项主要措施，${preview.noticeCount} 条提示。`);
  if (preview.newDepartments.length) console.log(`将新建的部门：${preview.newDepartments.join("、")}`);
}

const file = positionals[0];
let exitCode = 0;
const handle = await openDatabase();
const db = prismaFor(handle.url);
try {
  if ((await stat(file)).size > MAX_PLAN_FILE_BYTES) throw new PlanFileError("fileTooLarge", { value: "5 MB" });
  const rows = await readPlanFile(new Uint8Array(await readFile(file)), file);
  await applyMigrations(handle.url);
  const dryRun = values["dry-run"] === true;
  const result = await importPlan(db, commandLineOperator, { ...meta.data, rows }, { dryRun, quarterDueDays: quarterDueDays() });
  printPreview(result.preview);
  if (dryRun) console.log("\n试运行（--dry-run）：未写入任何数据。");
  else console.log(`\n已导入计划“${meta.data.title}”（${meta.data.code}）：${result.report?.measuresCreated ?? 0} 项措施，${result.report?.periodsCreated ?? 0} 个报送期。`);
} catch (error) {
  const rule = error instanceof PlanFileError ? asRuleError(error) : error instanceof RuleError ? error : null;
  if (!rule) throw error;
  console.error(t(rule.key as never, rule.detail as never));
  exitCode = 1;
} finally {
  await db.$disconnect();
  await handle.stop();
}
process.exit(exitCode);
