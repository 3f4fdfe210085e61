import { expect, SHIPPED_PLAN, signInAs, TEST_PLAN, test } from "./fixtures";

test.describe("reporting schedules and the working-day calendar (decision 020)", () => {
  test("an administrator changes a measure's cadence and its periods follow", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto(TEST_PLAN);
    await page.getByRole("link", { name: /建立工伤预防项目绩效评估制度/ }).click();
    await page.getByRole("link", { name: "编辑措施" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "填报安排" })).toBeVisible();
    // 「2027年底前」: quarters until the deadline, whose checkpoint covers the last one.
    const periods = page.locator("table").last();
    await expect(periods).toContainText("2027-12-31 时间节点");
    await expect(periods).not.toContainText("2027年第4季度");

    await page.getByLabel("填报频次").selectOption("HALF_YEARLY");
    await page.getByRole("button", { name: "保存填报安排" }).click();
    await expect(page.getByText("填报安排已保存，填报期次已重新生成")).toBeVisible();
    await expect(periods).toContainText("2027年上半年");
    await expect(periods).not.toContainText("2027年第3季度");
    await expect(page.getByLabel("填报频次")).toHaveValue("HALF_YEARLY");

    // A checkpoint that is not a date is refused in Chinese and nothing changes.
    await page.getByLabel("节点日期").fill("2027-12-31\n明年年底");
    await page.getByRole("button", { name: "保存填报安排" }).click();
    await expect(page.getByText("节点日期须为有效日期（YYYY-MM-DD）")).toBeVisible();
    await expect(periods).toContainText("2027-12-31 时间节点");

    // Back to the plan's default, for the other specs (once the first save's toast has gone: the same words would be there twice).
    await expect(page.getByText("填报安排已保存，填报期次已重新生成")).toHaveCount(0, { timeout: 10_000 });
    await page.getByLabel("填报频次").selectOption("PLAN");
    await page.getByLabel("节点日期").fill("2027-12-31");
    await page.getByRole("button", { name: "保存填报安排" }).click();
    await expect(page.getByText("填报安排已保存，填报期次已重新生成")).toBeVisible();
    await expect(periods).toContainText("2027年第3季度");
  });

  test("a deadline before the plan starts is shown as 待确认 and owes nothing", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto(SHIPPED_PLAN);
    // Shown in the plan overview's list and on the measure page, not only on its administration page (decision 031).
    const row = page.getByTestId("measure-row").filter({ hasText: "定期通报尘肺病等职业病预防控制措施" });
    await expect(row.getByTestId("awaits-confirmation")).toHaveText("待确认");
    await page.getByRole("link", { name: /定期通报尘肺病等职业病预防控制措施/ }).click();
    await expect(page).toHaveURL(/\/measures\//);
    await expect(page.getByTestId("awaits-confirmation")).toHaveText("待确认");
    await page.getByRole("link", { name: "编辑措施" }).click();
    await expect(page.getByText("待确认", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "确认此期限" })).toBeVisible();
  });

  test("an administrator lists a holiday in the calendar and removes it again", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto("/admin/schedules");
    await page.getByRole("link", { name: "工作日历" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("工作日历");
    await page.getByRole("link", { name: "2024", exact: true }).click();
    await expect(page.getByRole("heading", { level: 2, name: /2024年：/ })).toBeVisible();
    await expect(page.getByRole("row", { name: /2024-10-12/ })).toContainText("调休上班");

    await page.getByRole("link", { name: "2027", exact: true }).click();
    // 2027: the statutory public holidays only, and the page says the 调休 arrangement is not yet published (decision 031).
    await expect(page.getByTestId("calendar-statutory-only")).toContainText("2027年调休安排尚未发布");
    await expect(page.getByRole("heading", { level: 2, name: "2027年：13个节假日，0个调休上班日" })).toBeVisible();
    await expect(page.getByRole("row", { name: /2027-02-05/ })).toContainText("法定节假日推算（调休待发布）");
    await page.getByLabel("日期").fill("2027-10-08");
    await page.getByLabel("名称").fill("国庆节");
    await page.getByRole("button", { name: "保存日期" }).click();
    await expect(page.getByText("日期已保存")).toBeVisible();
    const row = page.getByRole("row", { name: /2027-10-08/ });
    await expect(row).toContainText("国庆节");
    await expect(row).toContainText("管理员设置");
    await row.getByRole("button", { name: "移除 2027-10-08" }).click();
    await expect(page.getByRole("row", { name: /2027-10-08/ })).toHaveCount(0);
  });

  test.describe("refused to others", () => {
    test.use({ expectedStatuses: [403] });
    test("a liaison cannot open the calendar", async ({ page }) => {
      await signInAs(page, "wjw");
      const response = await page.goto("/admin/calendar");
      expect(response?.status()).toBe(403);
    });
  });
});
