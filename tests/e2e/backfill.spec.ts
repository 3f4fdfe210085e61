import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

// 补录 (decision 025): the shipped plan ended on 2025-12-31; the bureau enters what measure 4.2's
// lead department (市应急局) really submitted for 2023年第2季度, on its real day.
test("an administrator backfills a 2023 report with its real date and it counts on time", async ({ page }) => {
  test.setTimeout(120_000);
  await signInAs(page, "admin");
  await page.goto(SHIPPED_PLAN);
  await page.getByRole("link", { name: /对未按规定落实职业病防治/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 4.2");
  await page.getByTestId("periods").getByRole("row").filter({ hasText: "2023年第2季度" }).getByRole("link", { name: "查看" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("2023年第2季度");
  await expect(page.getByTestId("period-due-date")).toHaveText("2023-07-10");

  const entry = page.getByTestId("bureau-entry-市应急局");
  await entry.getByText("补录 / 代填报（市应急局）").click();
  const form = page.getByTestId("bureau-form-市应急局");
  // A day in the future is refused in Chinese, and nothing is written.
  await form.getByLabel("实际报送日期").fill("2027-01-05");
  await form.getByLabel("进展状态").selectOption("IN_PROGRESS");
  await form.getByLabel("工作进展").fill("对 12 家未落实主体责任的企业下达整改通知，已全部整改。");
  await form.getByRole("button", { name: "补录", exact: true }).click();
  await expect(form.getByRole("status")).toHaveText("实际报送日期不能晚于今天");

  await form.getByLabel("实际报送日期").fill("2023-07-06");
  await form.getByRole("button", { name: "补录", exact: true }).click();

  // The report shows as 补录, accepted, submitted on its real day, with who entered it and when.
  const report = page.getByTestId("report-市应急局");
  await expect(report).toBeVisible();
  await expect(report.getByTestId("report-entry")).toHaveText("补录");
  await expect(report).toContainText("已通过");
  await expect(report).toContainText("提交时间：2023-07-06");
  await expect(report.getByTestId("report-entered-by")).toContainText("人社局督办管理员 于");
  await expect(page.getByTestId("bureau-entry-市应急局")).toHaveCount(0);
  await report.getByTestId("report-history").locator("summary").click();
  await expect(report.getByTestId("report-history")).toContainText("补录");

  // The key task's timeline (the ended plan opens on its last day) counts it on time: 按时报送, not 逾期报送.
  const row = page.getByTestId("timeline-row").filter({ has: page.getByRole("link", { name: /^4\.2/ }) });
  await expect(async () => {
    await page.goto(`${SHIPPED_PLAN}/tasks/4`);
    await expect(row).toContainText("2023年第2季度：截止 2023-07-10，已审核通过，按时报送", { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});
