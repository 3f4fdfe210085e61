import { expect, SHIPPED_PLAN, signInAs, TEST_PLAN, test } from "./fixtures";

const SHIPPED_TITLE = "黄石市工伤预防五年行动计划（2021—2025年）";
const TEST_TITLE = "黄石市工伤预防行动计划（2026—2030年）（测试数据）";

/** 结转 (decision 028): the bureau carries unfinished measures of the ended plan into the running one; both sides show the link. */
test("an administrator carries two unfinished measures into the 2026—2030 plan, and both measure pages show the link", async ({ page }) => {
  await signInAs(page, "admin");
  await page.goto(SHIPPED_PLAN);
  await page.getByTestId("carryover-link").click();
  await expect(page).toHaveURL(new RegExp(`${SHIPPED_PLAN}/carryover$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("结转未完成事项");

  const row = (number: string) => page.locator(`[data-testid="carryover-candidate"][data-number="${number}"]`);
  await expect(row("6.1")).toContainText("未销号");
  await expect(row("6.1")).toContainText("工伤保险覆盖率");
  await row("1.1").locator('input[name="measureId"]').check();
  await row("6.1").locator('input[name="measureId"]').check();
  await page.getByLabel("目标计划与重点任务").selectOption({ label: "新建重点任务「结转事项」" });
  await page.getByLabel("完成时限").fill("2027-12-31");
  await page.getByTestId("carryover-submit").click();
  // A success is announced at the top of the page (src/components/toaster.tsx).
  await expect(page.getByText("已结转。新措施已加入目标计划，两边均显示结转关系。")).toBeVisible();

  // The list says where each went; the new measure says where it came from.
  await expect(row("1.1").getByTestId("carried-into")).toHaveText(`已结转至 ${TEST_TITLE} 3.1`);
  await expect(row("6.1").getByTestId("carried-into")).toHaveText(`已结转至 ${TEST_TITLE} 3.2`);
  await row("6.1").getByTestId("carried-into").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 3.2");
  await expect(page.getByTestId("carried-from")).toContainText(`结转自 ${SHIPPED_TITLE} 6.1`);
  await expect(page.getByTestId("measure-text")).toContainText("工伤保险覆盖率90%以上");

  // And the origin measure page shows where it went.
  await page.getByTestId("carried-from").getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 6.1");
  await expect(page.getByTestId("carried-into")).toContainText(`已结转至 ${TEST_TITLE} 3.2`);

  // Carrying 1.1 into the same plan again is refused, with the reason.
  await page.goto(`${SHIPPED_PLAN}/carryover`);
  await row("1.1").locator('input[name="measureId"]').check();
  await page.getByLabel("目标计划与重点任务").selectOption({ label: "任务3：结转事项" });
  await page.getByTestId("carryover-submit").click();
  // A refusal stays beside the form.
  await expect(page.getByRole("status").filter({ hasText: "不能重复结转" })).toHaveText(`措施 1.1 已结转至“${TEST_TITLE}”，不能重复结转。`);

  // The bureau may take a carry-over back by withdrawing (撤销) the key task it made: the running plan
  // counts its own three measures again (the specs after this one read them).
  await page.goto(`${TEST_PLAN}/structure`);
  const carried = page.getByTestId("structure-task-3");
  await carried.getByText("保存名称 / 撤销该重点任务").click();
  await carried.getByLabel("撤销原因").fill("结转测试完毕");
  await carried.getByRole("button", { name: "撤销该重点任务" }).click();
  await expect(carried).toContainText("已撤销");
  await page.goto(TEST_PLAN);
  await expect(page.getByTestId("count-measures")).toHaveText("3");
});
