import { test as base, expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "Duban@2025";

/** The shipped plan (2021—2025, ended) and the test plan beside it (2026—2030, running; tests/fixtures), by their addresses. */
export const SHIPPED_PLAN = "/plans/hs-gsyf-2021-2025";
export const TEST_PLAN = "/plans/hs-gsyf-2026-2030";

/** Signs in through the auth API directly (no form), sharing the cookie with the page. */
export async function signInAs(page: Page, loginName: string, password = DEMO_PASSWORD): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, loginName, password, json: "true" },
  });
  expect(response.ok()).toBe(true);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.endsWith("next-auth.session-token"))).toBe(true);
}

/**
 * Fails the test on any browser console error or uncaught page error. A test
 * that expects a refusal lists the status it expects in `expectedStatuses`, so
 * the browser's "Failed to load resource: … 403" for that page is not counted.
 */
export const test = base.extend<{ expectedStatuses: number[]; consoleErrors: string[] }>({
  expectedStatuses: [[], { option: true }],
  consoleErrors: [
    async ({ page, expectedStatuses }, use) => {
      const errors: string[] = [];
      const expected = (text: string) => expectedStatuses.some((s) => text.includes(`status of ${s}`));
      page.on("console", (m) => {
        if (m.type() === "error" && !expected(m.text())) errors.push(m.text());
      });
      page.on("pageerror", (e) => errors.push(e.message));
      await use(errors);
      expect(errors, "browser console errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
