import { expect, signInAs, test } from "./fixtures";

/** Optional screenshots of the changed views, for review (outside the repository). */
const shots = process.env.DUBAN_SHOTS_DIR;
const VIEWPORTS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

test("an administrator creates an account; its user signs in with the one-time password, must change it, then lands on their page", async ({ page, browser }) => {
  const loginName = `e2e-liaison-${Date.now().toString(36)}`;
  await signInAs(page, "admin");
  await page.goto("/admin/users");
  await expect(page.getByRole("heading", { name: "新建账号" })).toBeVisible();
  await page.getByLabel("用户名", { exact: true }).fill(loginName);
  await page.getByLabel("姓名", { exact: true }).fill("新联络员");
  await page.getByLabel("角色", { exact: true }).selectOption("LIAISON");
  await page.getByLabel("所属部门", { exact: true }).selectOption({ label: "市卫健委" });
  await page.getByTestId("create-user").click();
  await expect(page.getByText("账号已创建")).toBeVisible();
  const password = (await page.getByTestId("one-time-password").textContent())!.trim();
  expect(password).toMatch(/^[A-Za-z0-9_-]{16}$/);
  await expect(page.getByTestId(`user-${loginName}`)).toContainText("待改密码");
  if (shots) {
    for (const v of VIEWPORTS) {
      await page.setViewportSize(v);
      await page.screenshot({ path: `${shots}/admin-users-created-${v.name}.png`, fullPage: true });
    }
  }

  // The new user, in a browser of their own.
  const context = await browser.newContext();
  const user = await context.newPage();
  try {
    await user.goto("/login");
    await user.getByLabel("用户名").fill(loginName);
    await user.getByLabel("密码", { exact: true }).fill(password);
    await user.getByRole("button", { name: "登录" }).click();
    await expect(user).toHaveURL(/\/account\/password$/);
    await expect(user.getByText("您正在使用管理员发放的一次性密码")).toBeVisible();
    // Every other page leads back here until the password is changed.
    await user.goto("/reports");
    await expect(user).toHaveURL(/\/account\/password$/);
    if (shots) {
      for (const v of VIEWPORTS) {
        await user.setViewportSize(v);
        await user.screenshot({ path: `${shots}/change-password-forced-${v.name}.png`, fullPage: true });
      }
    }
    // A mismatch is refused in Chinese and keeps the user here.
    await user.getByLabel("当前密码").fill(password);
    await user.getByLabel("新密码", { exact: true }).fill("Xin-lianluoyuan-2026");
    await user.getByLabel("确认新密码").fill("Xin-lianluoyuan-2027");
    await user.getByRole("button", { name: "修改密码" }).click();
    await expect(user.getByText("两次输入的新密码不一致")).toBeVisible();
    await expect(user).toHaveURL(/\/account\/password$/);

    await user.getByLabel("确认新密码").fill("Xin-lianluoyuan-2026");
    await user.getByRole("button", { name: "修改密码" }).click();
    // A liaison lands on their department's page.
    await expect(user).toHaveURL(/\/departments\/[^/]+$/);
    await expect(user.getByRole("heading", { level: 1 })).toContainText("卫健委");
    await user.goto("/reports");
    await expect(user).toHaveURL(/\/reports$/);
  } finally {
    await context.close();
  }

  // The administrator's list no longer says a change is pending.
  await page.reload();
  await expect(page.getByTestId(`user-${loginName}`)).not.toContainText("待改密码");
});
