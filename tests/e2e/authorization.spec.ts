import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

test.describe("the server refuses what a liaison may not open", () => {
  test.use({ expectedStatuses: [403] });

  test("another department's admin page, the user list and another department's page answer 403", async ({ page }) => {
    await signInAs(page, "wjw");
    await page.goto("/");
    const ownUrl = page.url();
    const ownId = ownUrl.split("/departments/")[1];
    expect(ownId).toBeTruthy();

    // Find another department's id through the plan overview's filter.
    await page.goto(SHIPPED_PLAN);
    const otherId = await page.locator("#filter-dept option").filter({ hasText: "市人社局" }).getAttribute("value");
    expect(otherId).toBeTruthy();
    expect(otherId).not.toBe(ownId);

    for (const path of [`/admin/departments/${otherId}`, `/admin/departments/${ownId}`, "/admin/users", `/departments/${otherId}`]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "无权访问" })).toBeVisible();
    }
    // The menu does not offer them either.
    await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  });

  test("an anonymous visitor is sent to sign in, and the pages refuse without a session", async ({ page }) => {
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(200);
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fadmin%2Fusers/);
  });

  test("a deactivated user loses access on the next request although the cookie is still valid", async ({ browser }) => {
    const adminContext = await browser.newContext();
    const liaisonContext = await browser.newContext();
    const admin = await adminContext.newPage();
    const liaison = await liaisonContext.newPage();
    await signInAs(admin, "admin");
    await signInAs(liaison, "jyj");
    await liaison.goto(SHIPPED_PLAN);
    await expect(liaison.getByRole("heading", { level: 1 })).toContainText("工伤预防");

    await admin.goto("/admin/users");
    await admin.getByTestId("toggle-jyj").click();
    await expect(admin.getByTestId("user-jyj")).toContainText("已停用");

    await liaison.goto("/plans");
    await expect(liaison).toHaveURL(/\/login/);

    await admin.getByTestId("toggle-jyj").click();
    await expect(admin.getByTestId("user-jyj")).toContainText("启用");
    await adminContext.close();
    await liaisonContext.close();
  });
});
