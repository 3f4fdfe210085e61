import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** Screenshots for review go here when SHOTS_DIR is set (outside the repository). */
async function shot(page: Page, name: string) {
  const dir = process.env.SHOTS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [label, size] of [["1440x900", { width: 1440, height: 900 }], ["390x844", { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(dir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });
}

test("an administrator downloads the template, uploads a filled sheet, fixes a row in the preview and imports the plan", async ({ page }) => {
  await signInAs(page, "admin");
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/admin/plans");
  await page.getByRole("link", { name: "导入新计划" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("导入计划");
  await shot(page, "import-page");

  // The template, as the browser downloads it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("template-link").click()]);
  const template = path.join(tmpdir(), `plan-template-${Date.now()}.xlsx`);
  await download.saveAs(template);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(template);
  const sheet = workbook.worksheets[0];
  expect(sheet.getRow(1).values).toEqual([undefined, "序号", "重点任务", "主要措施", "责任部门", "共同牵头", "时间安排", "趋势基线"]);
  sheet.addRow([1, "健全安全生产培训机制", "每年培训企业安全管理人员不少于300人。", "市应急局牵头、市人社局", "", "每年第一季度"]);
  sheet.addRow([null, null, "建立培训档案。", "市应急局", "", "看情况"]);
  sheet.addRow([2, "开展专项检查", "对重点企业开展专项检查。", "市应急局、市卫健委、市总工会等", "", "2016-2018年"]);
  sheet.addRow([null, null, "这一行是样例，不导入。", "市应急局", "", "每季度"]);
  const filled = path.join(tmpdir(), `plan-filled-${Date.now()}.xlsx`);
  await workbook.xlsx.writeFile(filled);

  await page.getByLabel("计划名称").fill("黄石市安全生产培训三年行动（2016—2020年）");
  await page.getByLabel("计划代码").fill("hs-aqpx-2016-2020");
  await page.getByLabel("开始年份").fill("2016");
  await page.getByLabel("结束年份").fill("2020");
  await page.getByLabel("印发单位").fill("黄石市应急管理局");
  await page.getByLabel("任务清单文件").setInputFiles(filled);
  await page.getByRole("button", { name: "上传并预览" }).click();

  const preview = page.getByTestId("import-preview");
  await expect(preview).toBeVisible();
  await expect(preview).toContainText("2 项重点任务，4 项主要措施");
  const rows = preview.getByTestId("preview-row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(0)).toContainText("市应急局（牵头）");
  await expect(rows.nth(0)).toContainText("≥ 300人");
  await expect(rows.nth(1)).toContainText("无法识别的时间安排：“看情况”");
  await expect(rows.nth(2)).toContainText("责任部门以“等”结尾");
  // Each row's proposed reporting: a yearly activity reports at its checkpoints only, a range at the end of each of its years.
  await expect(rows.nth(0).getByTestId("preview-cadence")).toContainText("不定期报告（仅节点），时间节点 5 个");
  await expect(rows.nth(2).getByTestId("preview-cadence")).toHaveText("填报 按计划默认（每季度），时间节点 3 个（2016-12-31、2017-12-31、2018-12-31）");
  await expect(rows.nth(3).getByTestId("preview-cadence")).toHaveText("填报 每季度");
  await shot(page, "import-preview");

  // Fix the time arrangement of the second row and read it again.
  await rows.nth(1).getByRole("button", { name: "修改" }).click();
  await rows.nth(1).getByLabel("时间安排").fill("2017年底前");
  await rows.nth(1).getByRole("button", { name: "重新解析" }).click();
  await expect(rows.nth(1)).toContainText("截止 2017-12-31");
  await expect(rows.nth(1)).not.toContainText("无法识别");
  // Make 市卫健委 a joint lead (共同牵头) of the third row in the preview.
  await rows.nth(2).getByRole("button", { name: "修改" }).click();
  await rows.nth(2).getByLabel("共同牵头").fill("市卫健委");
  await shot(page, "import-preview-edit");
  await rows.nth(2).getByRole("button", { name: "重新解析" }).click();
  await expect(rows.nth(2)).toContainText("市卫健委（共同牵头）");
  await expect(rows.nth(2)).toContainText("市应急局（牵头）");
  // Drop the sample row.
  await rows.nth(3).getByRole("button", { name: "删除此行" }).click();
  await expect(rows).toHaveCount(3);
  await expect(preview).toContainText("已删除的行：1");

  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByTestId("import-message")).toContainText("计划已导入");
  await page.getByRole("link", { name: "查看计划" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("黄石市安全生产培训三年行动（2016—2020年）");
  await expect(page.getByTestId("count-tasks")).toHaveText("2");
  await expect(page.getByTestId("count-measures")).toHaveText("3");
  // The joint lead set in the preview was imported.
  await page.getByRole("link", { name: "对重点企业开展专项检查。" }).first().click();
  await expect(page.getByTestId("measure-departments").locator("li", { hasText: "市卫健委" })).toContainText("共同牵头");
});
