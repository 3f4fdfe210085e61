import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

const OVERVIEW = `${SHIPPED_PLAN}/dashboard`;

test.describe("leader overview", () => {
  test("a leader opens the overview, follows the overdue count to its list, and downloads the Excel report", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto(OVERVIEW);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("领导驾驶舱");
    // The 2021—2025 plan has ended (it opens on 2025-12-31) with nothing accepted in this fresh database: every measure that owes
    // anything is red, 33 of 34; 6.5 「2020年底前」 owes nothing until an administrator confirms its deadline (decision 020), yet is
    // still one of the plan's 34 measures: green, 未开始.
    await expect(page.getByTestId("light-RED")).toHaveText(/^红灯\s*33$/);
    await expect(page.getByTestId("light-GREEN")).toHaveText(/^绿灯\s*1$/);
    await page.getByTestId("light-GREEN").click();
    await expect(page.getByTestId("list-row")).toHaveCount(1);
    await expect(page.getByTestId("list-row").first()).toContainText("6.5");
    await expect(page.getByTestId("list-row").first()).toContainText("未开始");
    await page.goto(OVERVIEW);
    // The overdue count is a count of measures, and its list has exactly that many rows.
    const count = await page.getByTestId("overdue-count").innerText();
    await page.getByTestId("overdue-count").click();
    await expect(page).toHaveURL(/\/plans\/hs-gsyf-2021-2025\/dashboard\/list\?asOf=2025-12-31&metric=measures&status=OVERDUE$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施清单 · 已逾期");
    await expect(page.getByTestId("list-row")).toHaveCount(Number(count));

    await page.goto(`${OVERVIEW}?asOf=2021-04-01`);
    await expect(page.getByTestId("light-RED")).toHaveText(/^红灯\s*2$/); // only the yearly checkpoints of 31 March (3.1, 9.1) were past due then

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出季度通报（Excel）" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const body = await (await import("node:fs/promises")).readFile((await file.path())!);
    expect(body.subarray(0, 2).toString()).toBe("PK");
  });

  test("a leader follows a light count to its list as of a past day, and opens a key task's timeline", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto(`${OVERVIEW}?asOf=2021-04-01`);
    await expect(page.getByTestId("light-RED")).toHaveText(/^红灯\s*2$/);
    await page.getByTestId("light-RED").click();
    // The list keeps the day the figure was shown for, and holds exactly the two red measures: 3.1 and 9.1, checked each 31 March.
    await expect(page).toHaveURL(/\/dashboard\/list\?asOf=2021-04-01&metric=measures&light=RED$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施清单 · 报送红灯");
    await expect(page.getByTestId("list-total")).toHaveText("共 2 条");
    await expect(page.getByTestId("list-row")).toHaveCount(2);
    await expect(page.getByTestId("list-row").first()).toContainText("3.1");
    await expect(page.getByTestId("list-row").first()).toContainText("已逾期");

    await page.goto(`${OVERVIEW}?asOf=2021-04-01`);
    await page.getByRole("link", { name: "3. 开展工伤预防宣传全民行动：查看进度时间线" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+\/tasks\/3\?asOf=2021-04-01$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("重点任务 3 · 进度时间线");
    await expect(page.getByTestId("timeline-row")).toHaveCount(5);
    const row = page.getByTestId("timeline-row").filter({ has: page.getByRole("link", { name: /^3\.1/ }) });
    await expect(row).toContainText("2021-03-31 时间节点：截止 2021-03-31，未提交，已逾期（红灯）");
    await row.getByRole("link", { name: /^3\.1/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 3.1");
  });

  test("a leader follows a heat-map cell to the periods behind it", async ({ page }) => {
    await signInAs(page, "leader");
    // After 2021-Q1's reports were due (a quarter still in its reporting window is blank, not 0).
    await page.goto(`${OVERVIEW}?asOf=2021-04-20`);
    const cell = page.getByTestId("heatmap").getByRole("row", { name: /市人社局/ }).getByRole("link").first();
    await expect(cell).toHaveText("0"); // nothing accepted yet in this fresh database
    await cell.click();
    await expect(page).toHaveURL(/\/dashboard\/list\?asOf=2021-04-20&metric=quarter&dept=[^&]+&quarter=2021-Q1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("季度应报期次 · 2021年第1季度 · 市人社局");
    const total = Number((await page.getByTestId("list-total").innerText()).match(/共 (\d+) 条/)?.[1]);
    expect(total).toBeGreaterThan(0);
    await expect(page.getByTestId("list-row")).toHaveCount(total);
  });

  test("a keyboard user reaches the submissions behind a bar of the chart", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto(`${OVERVIEW}?asOf=2021-03-25`);
    const link = page.getByTestId("submissions-table").getByRole("link").first();
    await link.focus();
    await expect(page.getByTestId("submissions-table")).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/dashboard\/list\?asOf=2021-03-25&metric=submitted&quarter=2021-Q1$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("报告提交记录 · 2021年第1季度");
    await expect(page.getByTestId("list-total")).toHaveText("共 0 条"); // nothing submitted in this fresh database then
  });

  test.describe("refused to liaisons", () => {
    test.use({ expectedStatuses: [403] });
    test("a liaison cannot open the leader overview", async ({ page }) => {
      await signInAs(page, "zgh");
      const response = await page.goto("/dashboard");
      expect(response?.status()).toBe(403);
    });
  });
});
