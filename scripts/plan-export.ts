/**
 * npm run plan:export -- --plan <code> --out <file.xlsx>
 * Writes a plan as the key-task template (序号 / 重点任务 / 主要措施 / 责任部门 / 时间安排),
 * which `npm run plan:import` and the import page read back.
 */
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { prismaFor } from "./lib/prisma";
import { planWorkbook } from "../src/features/plan-import/export";

const { values } = parseArgs({ options: { plan: { type: "string" }, out: { type: "string" } } });
if (!values.plan || !values.out || !values.out.toLowerCase().endsWith(".xlsx")) {
  console.error("用法：npm run plan:export -- --plan <计划代码> --out <文件.xlsx>");
  process.exit(1);
}

const handle = await openDatabase();
const db = prismaFor(handle.url);
let code = 0;
try {
  await applyMigrations(handle.url);
  const plan = await planWorkbook(db, values.plan);
  if (!plan) {
    const codes = (await db.plan.findMany({ select: { code: true } })).map((p) => p.code);
    console.error(`没有代码为“${values.plan}”的计划。已有计划：${codes.join("、") || "无"}`);
    code = 1;
  } else {
    await writeFile(values.out, plan.body);
    console.log(`已导出“${plan.title}”到 ${values.out}（${plan.body.byteLength} 字节）`);
  }
} finally {
  await db.$disconnect();
  await handle.stop();
}
process.exit(code);
