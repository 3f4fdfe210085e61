import { request as playwrightRequest, type APIRequestContext, type Page } from "@playwright/test";
import { expect, signInAs, test } from "./fixtures";

/** The session cookie of a signed-in page, as a `name=value` pair someone could copy. */
async function sessionCookieOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("next-auth.session-token"));
  expect(cookie).toBeTruthy();
  return `${cookie!.name}=${cookie!.value}`;
}

/** A client with nothing but the given Cookie header; it follows no redirect. */
async function clientWith(baseURL: string, cookie: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { cookie } });
}

test.describe("a copied session cookie", () => {
  test("opens nothing after its user signs out", async ({ page, baseURL }) => {
    await signInAs(page, "wjw");
    await page.goto("/reports");
    const copy = await clientWith(baseURL!, await sessionCookieOf(page));
    try {
      expect((await copy.get("/reports", { maxRedirects: 0 })).status()).toBe(200);
      // Seen twice, so that the page cache holds it for this user.
      expect((await copy.get("/reports", { maxRedirects: 0 })).headers()["x-duban-cache"]).toBe("hit");
      expect(await (await copy.get("/api/auth/session")).json()).toHaveProperty("userId");

      await page.getByRole("button", { name: "退出登录" }).first().click();
      await expect(page).toHaveURL(/\/login/);

      const pageAfter = await copy.get("/reports", { maxRedirects: 0 });
      expect(pageAfter.status()).toBe(307);
      expect(pageAfter.headers()["location"]).toMatch(/\/login/);
      expect(pageAfter.headers()["x-duban-cache"]).toBeUndefined();
      // The session endpoint neither answers for it nor renews it: it expires the cookie instead.
      const session = await copy.get("/api/auth/session");
      expect(await session.json()).toEqual({});
      expect(session.headers()["set-cookie"] ?? "").toMatch(/next-auth\.session-token=;/);
      // A write with it is refused before the app reads it.
      const write = await copy.post("/reports", { headers: { "next-action": "0".repeat(40), origin: baseURL! }, data: "x" });
      expect(write.status()).toBe(401);
      expect(await write.text()).toBe("请先登录。");
      const file = await copy.get("/api/exports/quarterly", { maxRedirects: 0 });
      expect(file.status()).not.toBe(200);
    } finally {
      await copy.dispose();
    }
  });

  test("beside another user's is no session at all", async ({ page, browser, baseURL }) => {
    await signInAs(page, "wjw");
    const supporting = await sessionCookieOf(page);
    const other = await browser.newContext();
    const lead = await other.newPage();
    await signInAs(lead, "rsj");
    const leading = await sessionCookieOf(lead);
    await other.close();
    for (const cookie of [`${supporting}; ${leading}`, `${leading}; ${supporting}`]) {
      const mixed = await clientWith(baseURL!, cookie);
      try {
        // Twice: the second would be a replay if the first had been stored under either user.
        for (let i = 0; i < 2; i++) {
          const answer = await mixed.get("/reports", { maxRedirects: 0 });
          expect(answer.status()).toBe(307);
          expect(answer.headers()["location"]).toMatch(/\/login/);
        }
      } finally {
        await mixed.dispose();
      }
    }
    const alone = await clientWith(baseURL!, supporting);
    try {
      expect((await alone.get("/reports", { maxRedirects: 0 })).status()).toBe(200);
    } finally {
      await alone.dispose();
    }
  });
});
