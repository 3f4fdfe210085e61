import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

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
});
