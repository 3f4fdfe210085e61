import { readFile } from "node:fs/promises";
import mammoth from "mammoth";
import type { Download, Page } from "@playwright/test";
import { expect, signInAs, SHIPPED_PLAN, test } from "./fixtures";

const EVALUATION = `${SHIPPED_PLAN}/evaluation`;
const TASKS = ["建立健全工伤预防联防联控机制", "严格落实工伤保险费率浮动机制", "开展工伤预防宣传全民行动"];

/** The text of a downloaded Word document, as mammoth reads it. */
async function wordText(download: Download): Promise<string> {
  const buffer = await readFile((await download.path())!);
  expect(buffer.subarray(0, 2).toString()).toBe("PK");
  const { value, messages } = await mammoth.extractRawText({ buffer });
  expect(messages.filter((m) => m.type === "error")).toEqual([]);
  return value;
}

async function download(page: Page, testId: string): Promise<Download> {
  const pending = page.waitForEvent("download");
  await page.getByTestId(testId).click();
  return pending;
}

test("the bureau confirms a verdict, changes one with a reason, and downloads the 终期评估报告 and the 2024 年度总结", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  await page.goto(SHIPPED_PLAN);
  await page.getByTestId("evaluation-link").click();
  await expect(page).toHaveURL(new RegExp(`${EVALUATION}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("评估与总结");
  await expect(page.locator("[data-testid^=evaluation-measure-]")).toHaveCount(34);
  await expect(page.getByTestId("verdict-summary")).toContainText("共 34 条措施");

  // 1.1: nothing was ever reported in this database, so the proposal is 未完成; the bureau confirms it.
  const m11 = page.getByTestId("evaluation-measure-1.1");
  await expect(m11.getByTestId("proposed")).toHaveText("未完成");
  await expect(m11.getByTestId("stored-verdict")).toHaveText("待确认");
  await m11.getByTestId("verdict-confirm-1.1").click();
  // A success is announced at the top of the page (src/components/toaster.tsx).
  await expect(page.getByText("评估结论已保存").first()).toBeVisible();
  await expect(m11.getByTestId("stored-verdict")).toHaveText("未完成");
  await expect(m11).toContainText("确认");

  // 1.2: changed to 基本完成 — refused without a reason, taken with one.
  const m12 = page.getByTestId("evaluation-measure-1.2");
  await m12.getByTestId("verdict-select-1.2").selectOption("MOSTLY_COMPLETED");
  await m12.getByTestId("verdict-confirm-1.2").click();
  await expect(m12.getByRole("status")).toHaveText("评估结论与系统拟定不同，请填写调整理由");
  await expect(m12.getByTestId("stored-verdict")).toHaveText("待确认");
  await m12.getByTestId("verdict-reason-1.2").fill("信息共享平台已建成，线下报送正常");
  await m12.getByTestId("verdict-confirm-1.2").click();
  await expect(page.getByText("评估结论已保存").last()).toBeVisible();
  await expect(m12.getByTestId("stored-verdict")).toHaveText("基本完成");
  await expect(m12).toContainText("由“未完成”调整，理由：信息共享平台已建成，线下报送正常");

  // The 终期评估报告 as the browser downloads it: every key task, and the changed verdict with its reason.
  const final = await download(page, "download-final");
  expect(final.suggestedFilename()).toMatch(/\.docx$/);
  const finalText = await wordText(final);
  expect(finalText).toContain("终期评估报告");
  for (const task of TASKS) expect(finalText).toContain(task);
  expect(finalText).toContain("措施1.2");
  expect(finalText).toContain("理由：信息共享平台已建成，线下报送正常");

  // The 2024 年度总结.
  const annual = await download(page, "download-annual-2024");
  const annualText = await wordText(annual);
  expect(annualText).toContain("2024年度工作总结");
  for (const task of TASKS) expect(annualText).toContain(task);

  // The print view: the report without the app's navigation, with a print button.
  await page.getByTestId("print-final").click();
  await expect(page.getByTestId("report-print")).toContainText("终期评估报告");
  await expect(page.getByTestId("print-button")).toBeVisible();
  await expect(page.getByTestId("bell")).toHaveCount(0);
});

test.describe("who may", () => {
  test.use({ expectedStatuses: [403] });

  test("a leader reads the evaluation without the forms; a liaison is refused page and download", async ({ browser }) => {
    const leader = await (await browser.newContext()).newPage();
    await signInAs(leader, "leader");
    await leader.goto(EVALUATION);
    await expect(leader.locator("[data-testid^=evaluation-measure-]")).toHaveCount(34);
    await expect(leader.locator("[data-testid^=verdict-confirm-]")).toHaveCount(0);

    const liaison = await (await browser.newContext()).newPage();
    await signInAs(liaison, "wjw");
    expect((await liaison.goto(EVALUATION))?.status()).toBe(403);
    expect((await liaison.request.get(`/api/plans/hs-gsyf-2021-2025/reports/final`)).status()).toBe(403);
  });
});
