import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

test.describe("plan overview", () => {
  test.beforeEach(async ({ page }) => {
    await signInAs(page, "leader");
  });

  test("shows the 11 key tasks and 34 measures", async ({ page }) => {
    await page.goto(SHIPPED_PLAN);
    await expect(page.getByTestId("key-task")).toHaveCount(11);
    await expect(page.getByTestId("measure-row")).toHaveCount(34);
    await expect(page.getByTestId("count-tasks")).toHaveText("11");
    await expect(page.getByTestId("count-measures")).toHaveText("34");
    await expect(page.getByTestId("count-departments")).toHaveText("8");
  });

  test("filters by department and task, and the URL keeps the filters", async ({ page }) => {
    await page.goto(SHIPPED_PLAN);
    await page.getByLabel("责任部门").selectOption({ label: "市卫健委" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/dept=/);
    // 市卫健委 carries 12 measures (counting the two "等8部门" ones), all 5 of task 6 among them.
    await expect(page.getByTestId("measure-row")).toHaveCount(12);
    await page.getByLabel("重点任务").selectOption({ value: "6" });
    await page.getByRole("button", { name: "筛选" }).click();
    await expect(page).toHaveURL(/task=6/);
    await expect(page.getByTestId("key-task")).toHaveCount(1);
    await expect(page.getByTestId("measure-row")).toHaveCount(5);

    await page.reload();
    await expect(page.getByTestId("measure-row")).toHaveCount(5);
    await page.getByRole("link", { name: "清除筛选" }).first().click();
    await expect(page.getByTestId("measure-row")).toHaveCount(34);
  });

  test("a measure page shows the text, the lead, every due date and indicators", async ({ page }) => {
    await page.goto(SHIPPED_PLAN);
    await page.getByRole("link", { name: /在煤矿、非煤矿山/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 6.1");
    await expect(page.getByTestId("measure-text")).toContainText("确保工伤保险覆盖率90%以上");
    await expect(page.getByTestId("measure-departments").locator("li").first()).toContainText("牵头");
    await expect(page.getByTestId("measure-departments").locator("li").first()).toContainText("市人社局");
    await expect(page.getByTestId("due-dates")).toContainText("2023-12-31");
    await expect(page.getByTestId("indicators")).toContainText("不低于 90%");
  });

  test("switches to English through the same i18n layer", async ({ page }) => {
    await page.goto(SHIPPED_PLAN);
    await page.getByRole("button", { name: "English" }).first().click();
    await expect(page.getByRole("link", { name: "Plan overview" }).first()).toBeVisible();
    await page.getByRole("button", { name: "中文" }).first().click();
    await expect(page.getByRole("link", { name: "计划总览" }).first()).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the overview lists the measures as cards and the menu opens", async ({ page }) => {
    await signInAs(page, "leader");
    await page.goto(SHIPPED_PLAN);
    await expect(page.getByTestId("measure-card")).toHaveCount(34);
    await expect(page.getByTestId("measure-row")).toHaveCount(34);
    await expect(page.getByTestId("measure-row").first()).toBeHidden();
    await page.getByText("菜单").click();
    await expect(page.getByRole("link", { name: "责任部门" })).toBeVisible();
  });
});
