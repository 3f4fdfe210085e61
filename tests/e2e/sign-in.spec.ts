import { expect, test } from "./fixtures";

test.describe("sign-in and landing by role", () => {
  test("an administrator signs in through the form and lands on the plan overview", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("Duban@2025");
    await page.getByRole("button", { name: "登录" }).click();
    // The current plan: the running one (the test plan 2026—2030 beside the ended 2021—2025 plan).
    await expect(page).toHaveURL(/\/plans\/hs-gsyf-2026-2030$/, { timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toContainText("工伤预防行动计划（2026—2030年）");
    await expect(page.getByText("人社局督办管理员").first()).toBeVisible();
  });

  test("a leader lands on the leaders' overview (领导驾驶舱) of the current plan", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("用户名").fill("leader");
    await page.getByLabel("密码").fill("Duban@2025");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/plans\/hs-gsyf-2026-2030\/dashboard$/, { timeout: 15_000 });
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("领导驾驶舱");
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
    // Its record in each live plan; the 2021—2025 plan has ended (已结束) with nothing accepted in this fresh database.
    const ended = page.locator('[data-testid="department-record"][data-plan="hs-gsyf-2021-2025"]');
    await expect(ended).toContainText("0%");
    await expect(ended).toContainText("已结束");
    await expect(ended).toContainText("截至 2025-12-31");
  });

});

test.describe("where a sign-in leads", () => {
  // Browsers drop a tab or line break inside a URL, so "/<tab>/evil.example" would become "//evil.example".
  const hostile = ["%2F%09%2Fevil.example", "%2F%0A%2Fevil.example", "%2F%5Cevil.example", "%2F%2Fevil.example", "https%3A%2F%2Fevil.example%2F"];

  test("a sign-in with a callbackUrl to another origin ends on the app's own origin", async ({ page, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const left: string[] = [];
    // Nothing may be requested from another host; such a request is recorded and stopped.
    await page.route(/^https?:\/\/(?!localhost[:/])/, async (route) => {
      left.push(route.request().url());
      await route.abort();
    });
    await page.goto(`/login?callbackUrl=${hostile[0]}`);
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("Duban@2025");
    await page.getByRole("button", { name: "登录" }).click();
    await expect(page).toHaveURL(/\/plans\/[^/]+$/);
    expect(new URL(page.url()).origin).toBe(origin);

    // Signed in, a visit of /login with such a callbackUrl redirects on the server: to this site, never a 500.
    for (const callback of hostile) {
      const response = await page.goto(`/login?callbackUrl=${callback}`);
      expect(response?.status(), callback).toBeLessThan(400);
      expect(new URL(page.url()).origin, callback).toBe(origin);
    }
    expect(left).toEqual([]);
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

test("the web-app manifest and its icons are served before sign-in, so a phone can add the product to its home screen", async ({ page, request }) => {
  await page.goto("/login");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = await request.get(href!);
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { short_name: string; display: string; icons: { src: string; sizes: string }[] };
  expect(body).toMatchObject({ short_name: "督办", display: "standalone" });
  expect(body.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  // The page's own icons: the tab's, and the one a phone shows on its home screen.
  const pageIcons = await page.locator('link[rel="icon"], link[rel="apple-touch-icon"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")!));
  expect(pageIcons.some((h) => h.startsWith("/icon.svg"))).toBe(true);
  expect(pageIcons.some((h) => h.startsWith("/apple-icon.png"))).toBe(true);
  for (const icon of [...body.icons, ...pageIcons.map((src) => ({ src }))]) {
    const file = await request.get(icon.src);
    expect(file.status(), icon.src).toBe(200);
    expect(file.headers()["content-type"]).toMatch(/^image\//);
  }
});
