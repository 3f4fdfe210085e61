import { expect, SHIPPED_PLAN, signInAs, TEST_PLAN, test } from "./fixtures";

/** Several plans: the shipped 2021—2025 plan has ended; the test plan 2026—2030 runs (tests/fixtures/plan-2026-2030.json). */
test.describe("several plans", () => {
  test("the overview leads to the running plan; the switcher opens the ended plan's overview as of its end, which says 已结束", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto("/dashboard");
    await expect(page).toHaveURL(new RegExp(`${TEST_PLAN}/dashboard$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("领导驾驶舱");
    await expect(page.locator("main").getByText("黄石市工伤预防行动计划（2026—2030年）（测试数据）")).toBeVisible();
    await expect(page.getByTestId("plan-ended")).toHaveCount(0);
    await expect(page.locator("main").getByText("开展重点行业工伤预防培训").first()).toBeVisible();

    await page.getByTestId("plan-switcher").locator("summary").click();
    await page.getByTestId("switch-to-hs-gsyf-2021-2025").click();
    await expect(page).toHaveURL(new RegExp(`${SHIPPED_PLAN}/dashboard$`));
    await expect(page.getByTestId("plan-ended")).toContainText("已结束");
    await expect(page.getByTestId("plan-ended")).toContainText("2025-12-31");
    await expect(page.getByLabel("截至日期")).toHaveValue("2025-12-31");
    await expect(page.getByTestId("plan-switcher").locator("summary")).toContainText("已结束");
  });

  for (const [plan, title, measures] of [
    [SHIPPED_PLAN, "黄石市工伤预防五年行动计划（2021—2025年）", 34],
    [TEST_PLAN, "黄石市工伤预防行动计划（2026—2030年）（测试数据）", 3],
  ] as const) {
    test(`${plan} has its own overview, list, print page and export`, async ({ page }) => {
      await signInAs(page, "leader");
      await page.goto(`${plan}/dashboard`);
      const red = Number((await page.getByTestId("light-RED").innerText()).match(/\d+/)?.[0]);
      const yellow = Number((await page.getByTestId("light-YELLOW").innerText()).match(/\d+/)?.[0]);
      const green = Number((await page.getByTestId("light-GREEN").innerText()).match(/\d+/)?.[0]);
      expect(red + yellow + green).toBe(measures);

      await page.getByTestId("light-RED").click();
      await expect(page).toHaveURL(new RegExp(`${plan}/dashboard/list\\?asOf=\\d{4}-\\d{2}-\\d{2}&metric=measures&light=RED$`));
      await expect(page.getByTestId("list-row")).toHaveCount(red);

      await page.goto(`${plan}/dashboard`);
      const print = page.getByRole("link", { name: "打印版" });
      await expect(print).toHaveAttribute("href", `${plan}/dashboard/print`);
      await page.goto((await print.getAttribute("href"))!);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${title}落实情况通报`);

      await page.goto(`${plan}/dashboard`);
      const download = page.waitForEvent("download");
      await page.getByRole("link", { name: "导出季度通报（Excel）" }).click();
      const file = await download;
      expect(file.suggestedFilename()).toContain(plan.split("/").pop()!);
      expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    });
  }

  test("a liaison's department page shows its record in each live plan, the ended one labelled", async ({ page }) => {
    await signInAs(page, "rsj");
    await page.goto("/");
    await expect(page).toHaveURL(/\/departments\/[^/]+$/);
    const records = page.getByTestId("department-record");
    await expect(records).toHaveCount(2);
    await expect(page.locator('[data-testid="department-record"][data-plan="hs-gsyf-2021-2025"]')).toContainText("已结束");
    await expect(page.locator('[data-testid="department-record"][data-plan="hs-gsyf-2026-2030"]')).not.toContainText("已结束");
  });

  test("an administrator ends the running plan from its page and runs it again", async ({ page }) => {
    await signInAs(page, "admin");
    await page.goto(TEST_PLAN);
    await expect(page.getByTestId("plan-status").first()).toHaveText("执行中");
    await page.getByTestId("plan-move-ENDED").click();
    // The page is rendered again with the new state: the badge, the notice and the next moves.
    await expect(page.getByTestId("plan-status").first()).toHaveText("已结束", { timeout: 15_000 });
    await expect(page.getByTestId("plan-ended")).toBeVisible();
    await expect(page.getByText("计划状态已更新")).toBeVisible();
    await page.getByTestId("plan-move-ACTIVE").click();
    await expect(page.getByTestId("plan-status").first()).toHaveText("执行中", { timeout: 15_000 });
    await expect(page.getByTestId("plan-ended")).toHaveCount(0);
  });
});
