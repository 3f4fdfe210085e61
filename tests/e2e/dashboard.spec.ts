import { expect, signInAs, test } from "./fixtures";

test.describe("leader overview", () => {
  test("a leader opens the overview, follows the overdue count to its list, and downloads the Excel report", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto("/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("领导驾驶舱");
    // Today the 2021—2025 plan has ended with nothing accepted yet in this fresh database: all 34 measures are red.
    await expect(page.getByTestId("light-RED")).toHaveText(/^红灯\s*34$/);
    const count = await page.getByTestId("overdue-count").innerText();
    await page.getByTestId("overdue-count").click();
    await expect(page).toHaveURL(/\/dashboard\/overdue\?asOf=/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("逾期清单");
    const rows = await page.getByTestId("overdue-row").count();
    expect(rows).toBeGreaterThanOrEqual(Number(count));

    await page.goto("/dashboard?asOf=2021-03-25");
    await expect(page.getByTestId("light-RED")).toHaveText(/^红灯\s*1$/); // only the 2020 deadline was past due then

    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "导出季度通报（Excel）" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const body = await (await import("node:fs/promises")).readFile((await file.path())!);
    expect(body.subarray(0, 2).toString()).toBe("PK");
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
