import type { BrowserContext } from "@playwright/test";
import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

/** The reader's language is a cookie (src/i18n/request.ts); English for this context. */
async function english(context: BrowserContext, baseURL: string | undefined): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseURL! }]);
}

test("in English the print pages say the product's words in English and keep the plan's own texts", async ({ page, context, baseURL }) => {
  await english(context, baseURL);
  await signInAs(page, "leader");

  await page.goto(`${SHIPPED_PLAN}/dashboard/print`);
  const sheet = page.getByTestId("tongbao");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("黄石市工伤预防五年行动计划（2021—2025年）: implementation report");
  await expect(page.getByTestId("tongbao-quarter")).toHaveText("(2025 Q4)");
  await expect(page.getByTestId("tongbao-dates")).toHaveText(/^Figures as of 2025-12-31 · generated \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(sheet).toContainText("1. Overall");
  await expect(sheet).toContainText("Red and black lists");
  await expect(page.getByTestId("table-overdue-by-measure").locator("thead")).toContainText("Measure text");
  await expect(page.getByTestId("table-departments").getByTestId("total-row")).toContainText("Total");
  for (const word of ["数据截至", "总体情况", "说明：", "合计", "第四季度"]) await expect(sheet).not.toContainText(word);
  // The quarter chooser names quarters the English way too.
  await expect(page.getByLabel("Quarter").locator("option").first()).toHaveText("2025 Q4");

  await page.goto(`${SHIPPED_PLAN}/evaluation/print`);
  await expect(page.locator("body")).toContainText("黄石市工伤预防五年行动计划（2021—2025年）: final evaluation report");
  await expect(page.locator("body")).toContainText("1. Overall");
  await expect(page.locator("body")).not.toContainText("终期评估报告");
  await page.goto(`${SHIPPED_PLAN}/evaluation/2024/print`);
  await expect(page.locator("body")).toContainText("work summary 2024");
  await expect(page.locator("body")).not.toContainText("年度工作总结");
});

test("submitting a report logs nothing in the browser console (issue 12 #20)", async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await signInAs(page, "wjw");
  // Every console message and every request of the submission, as the browser's own protocol sees them.
  const messages: string[] = [];
  page.on("console", (m) => messages.push(`${m.type()}: ${m.text()}`));
  const playwrightFailed: string[] = [];
  page.on("requestfailed", (r) => playwrightFailed.push(`${r.method()} ${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ""}`));
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  const urls = new Map<string, string>();
  const finished = new Set<string>();
  const cdpFailed: string[] = [];
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, `${e.request.method} ${new URL(e.request.url).pathname}`));
  cdp.on("Network.loadingFinished", (e) => finished.add(e.requestId));
  cdp.on("Network.loadingFailed", (e) => cdpFailed.push(`${urls.get(e.requestId)} ${e.errorText}${e.canceled ? " (canceled)" : ""}`));

  await page.goto("/reports");
  const href = await page.getByTestId("worklist-row").first().getByRole("link").first().getAttribute("href");
  await page.goto(href!);
  const editor = page.getByTestId("report-editor");
  await editor.getByLabel("进展状态").selectOption("IN_PROGRESS");
  await editor.getByLabel("工作进展").fill("按计划推进，本期完成阶段性工作。");
  await editor.getByLabel("下步计划").fill("下期继续推进。");
  const numbers = editor.getByRole("textbox", { name: /指标/ });
  for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill("1");
  const posts = new Set<string>();
  cdp.on("Network.requestWillBeSent", (e) => {
    if (e.request.method === "POST") posts.add(e.requestId);
  });
  await editor.getByRole("button", { name: "提交" }).click();
  await expect(page.getByText("报告已提交，退回前不能修改。")).toBeVisible({ timeout: 30_000 });
  await page.waitForLoadState("networkidle");

  const actionPosts = [...posts].map((id) => `${urls.get(id)} ${finished.has(id) ? "finished" : "not finished"}`);
  // The evidence for decision 033, in the test's output.
  console.log(JSON.stringify({ console: messages, playwrightRequestFailed: playwrightFailed, cdpLoadingFailed: cdpFailed, actionPosts }, null, 2));
  expect(actionPosts.length).toBeGreaterThan(0);
  expect(actionPosts.every((p) => p.endsWith(" finished"))).toBe(true);
  expect(messages.filter((m) => m.startsWith("error:"))).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
