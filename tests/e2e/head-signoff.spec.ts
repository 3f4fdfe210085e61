import { expect, signInAs, TEST_PLAN, test } from "./fixtures";

/**
 * 部门负责人审签 (decision 032) in the browser: the bureau switches it on for the running plan; the
 * liaison submits; the department head returns it once, then signs it off; only then does the bureau
 * see it in its queue, and accepts it. The setting is switched off again for the specs after this one.
 */
test("a liaison submits, the department head returns and then signs off, the bureau reviews", async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await (await browser.newContext()).newPage();
  const liaison = await (await browser.newContext()).newPage();
  const head = await (await browser.newContext()).newPage();
  await signInAs(admin, "admin");
  await signInAs(liaison, "wjw");
  await signInAs(head, "wjwfzr");

  const setSignoff = async (on: boolean) => {
    await admin.goto(TEST_PLAN);
    const settings = admin.getByTestId("progress-settings");
    await settings.locator("summary").click();
    await settings.getByLabel(/部门负责人审签/).setChecked(on);
    await settings.getByRole("button", { name: "保存" }).click();
    // The answer (in the form and as a toast); the page comes back with the setting saved.
    await expect(admin.getByText("设置已保存").first()).toBeVisible({ timeout: 20_000 });
    await expect(settings.getByLabel(/部门负责人审签/)).toBeChecked({ checked: on });
  };

  try {
    // 1. The bureau asks for the head's sign-off on the running plan.
    await setSignoff(true);

    // 2. The liaison submits 市卫健委's feedback on measure 2.1: it goes to the head, not the bureau.
    await liaison.goto(`/reports?plan=${TEST_PLAN.split("/").pop()}`);
    const row = liaison.getByTestId("worklist-row").filter({ hasText: "工伤预防培训" }).first();
    await row.getByRole("link", { name: "填报" }).click();
    await expect(liaison.getByRole("heading", { level: 1 })).toContainText("措施 2.1 ·");
    const periodUrl = liaison.url();
    const editor = liaison.getByTestId("report-editor");
    await editor.getByLabel("进展状态").selectOption("IN_PROGRESS");
    await editor.getByLabel("工作进展").fill("配合开展医疗卫生行业工伤预防培训两期。");
    await editor.getByRole("button", { name: "提交" }).click();
    await expect(liaison.getByText("报告已提交，等待部门负责人审签；审签前不能修改。")).toBeVisible();
    await expect(liaison.getByTestId("report-editor")).toHaveCount(0);

    // The bureau does not see it yet.
    await admin.goto(periodUrl);
    await expect(admin.getByTestId("report-市卫健委").getByText("待负责人审签")).toBeVisible();
    await expect(admin.getByRole("button", { name: "审核通过" })).toHaveCount(0);

    // 3. The head finds it in the 待审签 queue and returns it with a reason.
    await head.goto("/");
    await head.getByRole("link", { name: "待审签" }).first().click();
    await expect(head.getByRole("heading", { level: 1 })).toHaveText("待审签报告");
    const queued = head.getByTestId("signoff-row").filter({ hasText: "2.1" });
    await expect(queued).toHaveCount(1);
    await queued.getByRole("link", { name: "审签" }).click();
    const form = head.getByTestId("head-signoff-form");
    await form.getByRole("button", { name: "退回联络员" }).click();
    await expect(form.getByText("退回时必须填写原因")).toBeVisible();
    await form.getByLabel("退回原因").fill("请写明培训人数");
    await form.getByRole("button", { name: "退回联络员" }).click();
    await expect(head.getByTestId("head-signoff-form")).toHaveCount(0);

    // 4. The liaison sees the reason, revises and submits again.
    await liaison.goto(periodUrl);
    await expect(liaison.getByText("报告被退回：请写明培训人数")).toBeVisible();
    await liaison.getByTestId("report-editor").getByLabel("工作进展").fill("配合开展医疗卫生行业工伤预防培训两期，培训 320 人。");
    await liaison.getByTestId("report-editor").getByRole("button", { name: "提交" }).click();
    await expect(liaison.getByText("报告已提交，等待部门负责人审签；审签前不能修改。")).toBeVisible();

    // 5. The head signs it off: it reaches the bureau.
    await head.goto("/signoff");
    await head.getByTestId("signoff-row").filter({ hasText: "2.1" }).getByRole("link", { name: "审签" }).click();
    await head.getByTestId("head-signoff-form").getByRole("button", { name: "审签通过，报送督办机构" }).click();
    await expect(head.getByTestId("report-市卫健委").getByText("已提交").first()).toBeVisible();
    await head.goto("/signoff");
    await expect(head.getByText("目前没有等待审签的报告。")).toBeVisible();

    // 6. The bureau finds it in its queue and accepts it; the history shows every step.
    await admin.goto("/review");
    const review = admin.getByTestId("review-row").filter({ hasText: "市卫健委" }).filter({ hasText: "工伤预防培训" }).first();
    await review.getByRole("link", { name: "查看" }).click();
    await admin.getByRole("button", { name: "审核通过" }).click();
    await expect(admin.getByText("报告已审核通过。")).toBeVisible();
    const report = admin.getByTestId("report-市卫健委");
    await report.getByTestId("report-history").locator("summary").click();
    const history = report.getByTestId("report-history");
    await expect(history).toContainText("第 5 版 · 审核通过");
    await expect(history).toContainText("第 4 版 · 提交");
    await expect(history).toContainText("第 3 版 · 提交部门负责人审签");
    await expect(history).toContainText("第 2 版 · 部门负责人退回");
    await expect(history).toContainText("请写明培训人数");
    await expect(history).toContainText("第 1 版 · 提交部门负责人审签");
  } finally {
    await setSignoff(false);
  }
});
