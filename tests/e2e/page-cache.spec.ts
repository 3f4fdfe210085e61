import { expect, SHIPPED_PLAN, signInAs, TEST_PLAN, test } from "./fixtures";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test.describe("pages seen again", () => {
  test("are replayed with a fresh nonce, and their scripts still run", async ({ page }) => {
    await signInAs(page, "leader");
    const first = await page.goto(`${SHIPPED_PLAN}/dashboard`);
    const second = await page.goto(`${SHIPPED_PLAN}/dashboard`);
    expect(second!.headers()["x-duban-cache"]).toBe("hit");
    const [n1, n2] = [nonceOf(first!.headers()["content-security-policy"]), nonceOf(second!.headers()["content-security-policy"])];
    expect(n2).toBeTruthy();
    expect(n2).not.toBe(n1);
    // The chart is drawn in the browser only: it shows that the replayed page's scripts ran under the new nonce.
    await expect(page.locator(".recharts-surface").first()).toBeVisible();
    await expect(page.getByTestId("light-RED")).toBeVisible();
    // Navigation from a replayed page works as from any other.
    await page.getByTestId("overdue-count").click();
    await expect(page).toHaveURL(/\/dashboard\/list\?/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("已逾期");
  });

  test("show another user's write at once", async ({ page, browser }) => {
    await signInAs(page, "wjw");
    await page.goto("/");
    const departmentPage = page.url();
    expect((await page.goto(departmentPage))!.headers()["x-duban-cache"]).toBe("hit");

    const text = `页面缓存检查：请于本月底前报送进展 ${Date.now()}`;
    const leaderContext = await browser.newContext();
    const leader = await leaderContext.newPage();
    await signInAs(leader, "leader");
    await leader.goto(SHIPPED_PLAN);
    await leader.getByRole("link", { name: /定期通报尘肺病等职业病预防控制措施/ }).click();
    await leader.getByLabel("批示内容").fill(text);
    await leader.getByRole("button", { name: "发送批示" }).click();
    await expect(leader.getByTestId("instructions")).toContainText(text);
    await leaderContext.close();

    const after = await page.goto(departmentPage);
    expect(after!.headers()["x-duban-cache"]).toBe("miss");
    await expect(page.getByTestId("department-instructions")).toContainText(text);
  });

  test("a liaison's submission shows at once to the writer and on the overview within seconds, which says when its figures are from; signing in renders nothing again", async ({ page, browser }) => {
    test.setTimeout(120_000);
    await signInAs(page, "leader");
    const overview = `${TEST_PLAN}/dashboard`;
    await page.goto(overview);
    expect((await page.goto(overview))!.headers()["x-duban-cache"]).toBe("hit");
    const updated = page.getByTestId("figures-updated-at");
    await expect(updated).toHaveText(/^数据更新于 \d{2}:\d{2}:\d{2}$/);
    const before = await updated.textContent();

    // Another user signing in (a session row, an audit row) leaves the leader's page in place.
    const context = await browser.newContext();
    const liaison = await context.newPage();
    await signInAs(liaison, "rsj");
    expect((await page.goto(overview))!.headers()["x-duban-cache"]).toBe("hit");

    // The liaison submits a report on the running plan and sees it at once.
    await liaison.goto(TEST_PLAN);
    await liaison.getByRole("link", { name: /定期召开工伤预防工作联席会议/ }).first().click();
    await liaison.getByTestId("periods").getByRole("link", { name: "查看" }).first().click();
    const editor = liaison.getByTestId("report-editor");
    await editor.getByLabel("进展状态").selectOption("IN_PROGRESS");
    await editor.getByLabel("工作进展").fill("已召开联席会议，通报重点行业事故情况。");
    await editor.getByRole("button", { name: "提交" }).click();
    await expect(liaison.getByText("报告已提交，退回前不能修改。")).toBeVisible();
    await liaison.reload();
    await expect(liaison.getByText("报告已提交，退回前不能修改。")).toBeVisible();
    await context.close();

    // The overview shows newer figures within seconds, and says so.
    await expect(async () => {
      await page.goto(overview);
      await expect(updated).not.toHaveText(before!, { timeout: 500 });
    }).toPass({ timeout: 15_000, intervals: [500, 1_000] });
    await expect(updated).toHaveText(/^数据更新于 \d{2}:\d{2}:\d{2}$/);
  });
});
