import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, SHIPPED_PLAN, signInAs, test, TEST_PLAN } from "./fixtures";

/*
 * Every main page, as each role that uses it, checked with axe-core (WCAG 2.1 A and AA rules): no
 * serious or critical violation. A violation is reported with the page, the rule and the first
 * elements it found, so the failure says what to fix.
 */

async function violations(page: Page): Promise<string[]> {
  // Only the violations are built into the result: passes and incomplete checks cost time on large tables.
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).options({ resultTypes: ["violations"] }).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${new URL(page.url()).pathname}: ${v.id} (${v.impact}) ${v.nodes
      .slice(0, 3)
      .map((n) => n.target.join(" "))
      .join(" | ")}`);
}

/** Opens each address in turn and collects the serious and critical violations of all of them. */
async function check(page: Page, paths: string[]): Promise<void> {
  const found: string[] = [];
  for (const path of paths) {
    const started = Date.now();
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await page.locator("body").waitFor();
    found.push(...(await violations(page)));
    console.log(`axe ${path}: ${Date.now() - started} ms`);
  }
  expect(found).toEqual([]);
}

/** The address a link leads to: the first link of `page` whose address matches `pattern`. */
async function firstHref(page: Page, path: string, pattern: RegExp): Promise<string> {
  await page.goto(path);
  const hrefs = await page.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  const href = hrefs.find((h) => pattern.test(h));
  expect(href, `a link matching ${pattern} on ${path}`).toBeDefined();
  return href!;
}

test.describe("accessibility (axe-core)", () => {
  test.setTimeout(150_000);

  test("the sign-in page", async ({ page }) => {
    await check(page, ["/login"]);
  });

  test("an administrator's plan pages", async ({ page }) => {
    await signInAs(page, "admin");
    const measure = await firstHref(page, SHIPPED_PLAN, /^\/measures\/[^/]+$/);
    const department = await firstHref(page, "/departments", /^\/departments\/[^/]+$/);
    await check(page, [SHIPPED_PLAN, `${SHIPPED_PLAN}/dashboard`, measure, department, "/review", "/notices"]);
  });

  test("an administrator's admin and print pages", async ({ page }) => {
    await signInAs(page, "admin");
    await check(page, [
      "/admin/users",
      "/admin/extensions",
      "/admin/schedules",
      "/admin/calendar",
      `${SHIPPED_PLAN}/dashboard/print`,
      `${SHIPPED_PLAN}/evaluation/print`,
      `${SHIPPED_PLAN}/evaluation/2024/print`,
    ]);
  });

  test("a liaison's pages: 我的填报, the report form, the department", async ({ page }) => {
    await signInAs(page, "wjw");
    const form = await firstHref(page, "/reports", /^\/reports\/[^/?]+/);
    // A liaison lands on their department's page.
    await page.goto("/");
    const department = new URL(page.url()).pathname;
    expect(department).toMatch(/^\/departments\/[^/]+$/);
    await check(page, ["/reports", form, department, `${SHIPPED_PLAN}/dashboard/print`]);
  });

  test("a leader's pages: the overview and the lists", async ({ page }) => {
    await signInAs(page, "leader");
    await check(page, [`${TEST_PLAN}/dashboard`, `${SHIPPED_PLAN}/dashboard/list?light=RED`]);
  });

  test("a notice and its print page", async ({ page }) => {
    await signInAs(page, "admin");
    // Issue one through the measure page (the e2e database starts with none).
    await page.goto(SHIPPED_PLAN);
    await page.getByRole("link", { name: /定期通报尘肺病等职业病预防控制措施/ }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 6.5");
    const form = page.getByTestId("issue-notice");
    await form.getByText("下发督办单").click();
    await form.getByLabel("承办部门").selectOption({ label: "市卫健委" });
    await form.getByLabel("蓝色（提醒）").check();
    await form.getByLabel("办理时限").fill(new Date(Date.now() + 8 * 3_600_000 + 5 * 86_400_000).toISOString().slice(0, 10));
    await form.getByLabel("督办事项").fill(`无障碍检查用督办单（${Date.now()}）`);
    await form.getByRole("button", { name: "下发", exact: true }).click();
    await expect(page.getByText("督办单已下发")).toBeVisible({ timeout: 30_000 });
    const notice = await firstHref(page, "/notices", /^\/notices\/[^/]+$/);
    await check(page, [notice, `${notice}/print`]);
    // In English the printed notice speaks English around the plan's own words.
    await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: new URL(page.url()).origin }]);
    await page.goto(`${notice}/print`);
    const sheet = page.getByTestId("notice-print");
    await expect(sheet).toContainText("Measure ");
    await expect(sheet).toContainText("Please reply in writing by");
    for (const word of ["请于", "签收：", "措施 6.5"]) await expect(sheet).not.toContainText(word);
    await check(page, [`${notice}/print`]);
  });
});
