import { expect, test } from "./fixtures";

test.describe("sign-in and landing by role", () => {
  test("an administrator signs in through the form and lands on the plan overview", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("Duban@2025");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("工伤预防五年行动计划");
    await expect(page.getByText("人社局督办管理员").first()).toBeVisible();
  });

  test("a leader lands on the plan overview", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("leader");
    await page.getByLabel("密码").fill("Duban@2025");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    await expect(page.getByRole("link", { name: "用户管理" })).toHaveCount(0);
  });

  test("a liaison lands on their own department's page", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("wjw");
    await page.getByLabel("密码").fill("Duban@2025");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/departments\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("市卫健委");
    await expect(page.getByTestId("department-leads")).toContainText("定期通报尘肺病");
    // Its record in the plan: the plan has ended with nothing accepted in this fresh database.
    await expect(page.getByTestId("department-record")).toContainText("0%");
  });

});

test.describe("refused sign-in", () => {
  // The credentials endpoint answers 401, which the browser logs.
  test.use({ expectedStatuses: [401] });

  test("a wrong password and an unknown user get the same message", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("wrong-password");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#login-error")).toHaveText("用户名或密码错误");
    await page.getByLabel("用户名").fill("no-such-user");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page.locator("#login-error")).toHaveText("用户名或密码错误");
    await expect(page).toHaveURL(/\/login/);
  });
});
