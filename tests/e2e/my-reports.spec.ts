import { expect, signInAs, test } from "./fixtures";

const SHIPPED_TITLE = "黄石市工伤预防五年行动计划（2021—2025年）";
const TEST_TITLE = "黄石市工伤预防行动计划（2026—2030年）（测试数据）";

/** 我的填报 (decision 028): what needs action now first, the ended plan's periods folded as history, filters in the address, cards on a phone. */
test.describe("我的填报", () => {
  test("opens on the running plan's periods; the ended plan's are history by quarter; filters travel in the address", async ({ page }) => {
    await signInAs(page, "wjw");
    await page.goto("/reports");
    const now = page.getByTestId("worklist-now");
    await expect(now.getByRole("heading", { level: 2 })).toContainText("需要处理");
    await expect(now.getByTestId("worklist-row").first()).toContainText(TEST_TITLE);
    await expect(now.getByTestId("worklist-row").filter({ hasText: SHIPPED_TITLE }).filter({ hasNotText: "退回修改" })).toHaveCount(0);
    const history = page.getByTestId("worklist-history");
    await expect(history).not.toHaveAttribute("open", "");
    await expect(history.locator("summary")).toContainText("历史事项");
    await history.locator("summary").click();
    const quarters = await history.getByTestId("worklist-quarter").evaluateAll((els) => els.map((e) => e.getAttribute("data-quarter")));
    expect(quarters.length).toBeGreaterThan(1);
    expect(quarters).toEqual([...quarters].sort().reverse());

    // Filters: chosen in Chinese, carried in the address.
    await page.getByLabel("计划", { exact: true }).selectOption({ label: SHIPPED_TITLE });
    await page.getByLabel("季度", { exact: true }).selectOption({ label: "2021年第1季度" });
    await page.getByRole("button", { name: "筛选" }).click();
    // The empty status travels too (a plain GET form); it means "all".
    await expect(page).toHaveURL(/\/reports\?plan=hs-gsyf-2021-2025&status=&quarter=2021-Q1$/);
    await expect(page.getByTestId("worklist-history")).toHaveAttribute("open", "");
    await expect(page.getByTestId("worklist-quarter")).toHaveCount(1);
    await expect(page.getByTestId("worklist-quarter")).toHaveAttribute("data-quarter", "2021-Q1");
    await expect(now).toContainText("没有符合筛选条件的事项。");

    await page.goto("/reports?status=OVERDUE&plan=hs-gsyf-2026-2030");
    await expect(page.getByLabel("状态", { exact: true })).toHaveValue("OVERDUE");
    for (const urgency of await page.getByTestId("worklist-row").evaluateAll((els) => els.map((e) => e.getAttribute("data-urgency")))) expect(urgency).toBe("OVERDUE");
  });

  test("on a phone each row is a card: the whole width for the text, the 填报 button in view", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await signInAs(page, "wjw");
    await page.goto("/reports");
    const row = page.getByTestId("worklist-row").first();
    const text = await row.locator("p").first().boundingBox();
    expect(text!.width).toBeGreaterThan(250);
    const button = await row.getByRole("link", { name: "填报" }).boundingBox();
    expect(button!.x).toBeGreaterThanOrEqual(0);
    expect(button!.x + button!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
