import { readFile } from "node:fs/promises";
import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

const PRINT = `${SHIPPED_PLAN}/dashboard/print`;

test.describe("the quarterly 通报", () => {
  test("a leader opens the print page from the overview, outside the app, picks a quarter and downloads the Word document", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto(`${SHIPPED_PLAN}/dashboard`);
    await expect(page.getByTestId("tongbao-word")).toHaveAttribute("href", "/api/plans/hs-gsyf-2021-2025/exports/quarterly/word");
    // The overview's overdue card counts the lead's and joint leads' periods, and says so; the 通报 counts them the same way.
    await expect(page.getByTestId("overdue-list-hint")).toContainText("配合单位的反馈");
    const leadOverdue = (await page.getByRole("link", { name: /^查看全部 \d+ 条$/ }).innerText()).match(/\d+/)![0];
    await page.getByRole("link", { name: "打印版" }).click();
    await expect(page).toHaveURL(new RegExp(`${PRINT}$`));
    // No navigation of the app: only the 通报 and its toolbar.
    await expect(page.getByRole("navigation")).toHaveCount(0);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("黄石市工伤预防五年行动计划（2021—2025年）落实情况通报");
    await expect(page.getByTestId("tongbao-quarter")).toHaveText("（2025年第四季度）");
    await expect(page.getByTestId("tongbao-issuer")).toHaveText("黄石市人力资源和社会保障局");
    await expect(page.getByTestId("tongbao-dates")).toHaveText(/^数据截至 2025-12-31　生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    await expect(page.getByTestId("print-button")).toBeVisible();
    const ranking = page.getByTestId("table-ranking").locator("tbody tr");
    await expect(ranking.first()).toBeVisible();
    const departments = await ranking.count();
    expect(departments).toBeGreaterThanOrEqual(8);
    // The departments' overdue table has a 合计 row, and the note says what is counted.
    const total = page.getByTestId("table-departments").getByTestId("total-row");
    await expect(total).toContainText("合计");
    await expect(total.locator("td").nth(4)).toHaveText(leadOverdue);
    await expect(page.getByTestId("table-overdue-by-measure").getByTestId("total-row").locator("td").nth(4)).toHaveText(leadOverdue);
    await expect(page.getByTestId("section-note").last()).toContainText("牵头（含共同牵头）");

    // Another quarter, chosen in the address.
    await page.getByLabel("通报季度").selectOption("2024-Q2");
    await page.getByRole("button", { name: "查看" }).click();
    await expect(page).toHaveURL(new RegExp(`${PRINT}\\?quarter=2024-Q2$`));
    await expect(page.getByTestId("tongbao-quarter")).toHaveText("（2024年第二季度）");
    await expect(page.getByTestId("tongbao-dates")).toContainText("数据截至 2024-06-30");

    const download = page.waitForEvent("download");
    await page.getByTestId("download-word").click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("季度通报-hs-gsyf-2021-2025-2024-Q2.docx");
    const body = await readFile((await file.path())!);
    expect(body.subarray(0, 2).toString()).toBe("PK");
  });

  test("a liaison's print page is their department's part", async ({ page }) => {
    await signInAs(page, "wjw");
    await page.goto(PRINT);
    await expect(page.getByTestId("tongbao")).toContainText("本件为市卫健委的部分");
    await expect(page.getByTestId("table-ranking").locator("tbody tr")).toHaveCount(1);
    await expect(page.getByTestId("table-ranking").locator("tbody tr")).toContainText("市卫健委");
  });

  test("the earlier print address outside the plan leads to the print page", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto("/print/plans/hs-gsyf-2021-2025/quarterly?asOf=2023-05-10");
    await expect(page).toHaveURL(new RegExp(`${PRINT}\\?asOf=2023-05-10$`));
    await expect(page.getByTestId("tongbao-quarter")).toHaveText("（2023年第二季度）");
  });
});
