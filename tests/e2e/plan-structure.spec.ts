import { expect as baseExpect, signInAs, TEST_PLAN, test } from "./fixtures";

// Each save answers only once the server has written and re-rendered: on a busy machine, more than the default five seconds.
const expect = baseExpect.configure({ timeout: 30_000 });

/**
 * An administrator edits the running test plan's structure (decision 021): adds a measure, moves
 * its lead and makes the former lead a joint lead, corrects and confirms the indicator the parser
 * proposed, then withdraws the measure, which stays readable, marked, and leaves the overview.
 */
test("an administrator adds a measure, edits its lead and indicator, and withdraws it", async ({ page }) => {
  // Eleven page loads and six saves: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  await signInAs(page, "admin");
  await page.goto(TEST_PLAN);
  await expect(page.getByTestId("count-measures")).toHaveText("3");
  await page.getByTestId("edit-structure").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("计划结构");

  const task = page.getByTestId("structure-task-1");
  await task.getByText("在重点任务 1 下添加措施").click();
  await task.getByLabel("措施内容（原文）").fill("建立工伤预防宣传工作机制，宣传覆盖率达到95%以上。");
  await task.getByLabel("责任部门（原文）").fill("市人社局牵头，市应急局配合");
  await task.getByLabel("时间安排（原文）").fill("每季度");
  await task.getByRole("button", { name: "添加措施" }).click();
  await expect(page.getByText("已添加措施")).toBeVisible();
  const added = page.getByTestId("structure-measure-1.3");
  await expect(added).toContainText("市人社局 · 牵头");
  await added.getByRole("link", { name: "编辑" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("编辑措施 1.3");
  await expect(page.getByTestId("issued-text")).toContainText("宣传覆盖率达到95%以上");

  // The lead moves to 市应急局; 市人社局 keeps reporting as a joint lead.
  await page.getByLabel("市应急局").selectOption("LEAD");
  await page.getByLabel("市人社局").selectOption("JOINT_LEAD");
  await page.getByRole("button", { name: "保存分工" }).click();
  await expect(page.getByText("责任部门已保存")).toBeVisible();

  // The parser's indicator is pending until confirmed; the administrator corrects its target.
  const indicator = page.getByTestId("indicator-宣传覆盖率");
  await expect(indicator).toContainText("待确认");
  await indicator.getByLabel("目标值").fill("96");
  await indicator.getByRole("button", { name: "保存并确认" }).click();
  await expect(page.getByText("指标已保存并确认")).toBeVisible();
  await expect(page.getByTestId("indicator-宣传覆盖率")).toContainText("已确认");

  await page.getByRole("link", { name: /措施 1\.3/ }).click();
  const departments = page.getByTestId("measure-departments");
  await expect(departments.locator("li").nth(0)).toContainText("牵头");
  await expect(departments.locator("li").nth(0)).toContainText("市应急局");
  await expect(departments.locator("li").nth(1)).toContainText("共同牵头");
  await expect(departments.locator("li").nth(1)).toContainText("市人社局");
  await expect(page.getByTestId("indicators")).toContainText("不低于 96%");
  await expect(page.getByTestId("indicators")).not.toContainText("待确认");

  // A withdrawal needs its reason, then is final.
  await page.getByRole("link", { name: "编辑措施" }).click();
  await page.getByRole("button", { name: "撤销该措施" }).click();
  await expect(page.getByText("请填写撤销原因")).toBeVisible();
  await page.getByLabel("撤销原因").fill("与措施1.1合并");
  await page.getByRole("button", { name: "撤销该措施" }).click();
  await expect(page.getByTestId("withdrawn-notice")).toContainText("与措施1.1合并");
  await expect(page.getByRole("button", { name: "保存分工" })).toHaveCount(0);

  await page.goto(`${TEST_PLAN}/structure`);
  await expect(page.getByTestId("structure-measure-1.3")).toContainText("已撤销");
  await expect(page.getByTestId("structure-measure-1.3")).toContainText("与措施1.1合并");
  await page.goto(TEST_PLAN);
  await expect(page.getByTestId("count-measures")).toHaveText("3");
  await expect(page.getByRole("link", { name: /宣传工作机制/ })).toHaveCount(0);
});
