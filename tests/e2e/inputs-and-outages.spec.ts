import pg from "pg";
import { expect, signInAs, test } from "./fixtures";
import { withDatabase } from "../support/local-database";

/**
 * Issue 8, findings 7 and 8, through the running production server: malformed addresses get a
 * 400 or a page, never a 500; and a report typed while the database is down stays in the form.
 */

test.describe("malformed addresses", () => {
  test("a path with broken %-encoding answers 400 with a short Chinese text", async ({ page }) => {
    await signInAs(page, "admin");
    for (const path of ["/measures/%E0%A4%A", "/reports/%", "/plans/%00"]) {
      const response = await page.request.get(path);
      expect(response.status(), path).toBe(400);
      expect(await response.text()).toContain("请求地址无效");
    }
  });

  test("month 13 in the review queue's quarter filter shows the unfiltered queue", async ({ page }) => {
    await signInAs(page, "admin");
    const response = await page.goto("/review?period=2027-13-31&dept=%00");
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("审核队列");
  });
});

// Making the database unavailable needs the run's own scratch database on the PostgreSQL server
// (TEST_DATABASE_URL, as in CI); the embedded database lives inside the app and cannot be cut.
test.describe("the database goes away while a liaison types", () => {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const name = process.env.E2E_DATABASE_NAME ?? "";
  test.skip(!serverUrl || !/^duban_scratch_[0-9]+$/.test(name), "needs the scratch database on a PostgreSQL server (TEST_DATABASE_URL)");

  async function onServer(sql: string[]): Promise<void> {
    const client = new pg.Client({ connectionString: withDatabase(serverUrl!, "postgres") });
    await client.connect();
    try {
      for (const statement of sql) await client.query(statement);
    } finally {
      await client.end();
    }
  }
  const cut = () =>
    onServer([`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}' AND pid <> pg_backend_pid()`]);
  const restore = () => onServer([`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`]);

  test.afterEach(async () => {
    if (serverUrl && name) await restore();
  });

  test("the report stays in the form with 'unavailable, nothing lost', and saves once it is back", async ({ page }) => {
    await signInAs(page, "jxj");
    await page.goto("/reports");
    await page.getByTestId("worklist-row").first().getByRole("link").click();
    const editor = page.getByTestId("report-editor");
    await expect(editor).toBeVisible();
    const text = "本季度完成重点企业安全生产检查 12 家，整改隐患 37 处。";
    await editor.getByLabel("工作进展").fill(text);
    await editor.getByLabel("下步计划").fill("下季度开展复查。");

    await cut();
    await editor.getByRole("button", { name: "保存草稿" }).click();
    await expect(page.getByRole("status").filter({ hasText: "服务暂时不可用，内容未丢失，请稍后再提交" })).toBeVisible();
    await expect(page.getByText("出错了")).toHaveCount(0);
    await expect(editor.getByLabel("工作进展")).toHaveValue(text);
    await expect(editor.getByLabel("下步计划")).toHaveValue("下季度开展复查。");

    // The database returns: the same form saves, with nothing retyped.
    await restore();
    await expect(async () => {
      await editor.getByRole("button", { name: "保存草稿" }).click();
      await expect(page.getByText("草稿已保存")).toBeVisible({ timeout: 3_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByTestId("report-editor").getByLabel("工作进展")).toHaveValue(text);
  });
});
