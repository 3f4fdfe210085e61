import type { Browser, Page } from "@playwright/test";
import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

/** How long a step may take on a loaded machine (an action, then the page's refresh). */
const STEP = { timeout: 30_000 };

/** A day `days` from today in China, as the date inputs take it. */
const inDays = (days: number) => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

async function as(browser: Browser, loginName: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInAs(page, loginName);
  return page;
}

async function openMeasure65(page: Page) {
  await page.goto(SHIPPED_PLAN);
  await page.getByRole("link", { name: /定期通报尘肺病等职业病预防控制措施/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 6.5");
}

test("the bureau issues a red 督办单, the department signs and replies, the bureau closes it", async ({ browser }) => {
  test.setTimeout(150_000);
  const admin = await as(browser, "admin");
  const liaison = await as(browser, "wjw");
  const text = `尘肺病通报工作滞后，请于时限内报送整改情况（${Date.now()}）`;

  // The bureau issues it from the measure page.
  await openMeasure65(admin);
  const form = admin.getByTestId("issue-notice");
  await form.getByText("下发督办单").click();
  await form.getByLabel("承办部门").selectOption({ label: "市卫健委" });
  await form.getByLabel("红色（逾期）").check();
  await form.getByLabel("办理时限").fill(inDays(5));
  await form.getByLabel("督办事项").fill(text);
  await form.getByRole("button", { name: "下发", exact: true }).click();
  await expect(admin.getByText("督办单已下发")).toBeVisible(STEP);
  const row = admin.getByTestId("measure-notices").getByTestId("notice-row").first();
  await expect(row).toContainText("待签收", STEP);
  const number = (await row.getByRole("link").first().textContent())!;
  expect(number).toMatch(/^督〔\d{4}〕\d+号$/);

  // The department hears of it at once and finds it in its list.
  await liaison.goto("/notifications");
  const notification = liaison.getByTestId("notification").filter({ hasText: number });
  await expect(notification).toContainText("措施 6.5");
  await notification.getByRole("link").click();
  await expect(liaison.getByTestId("notice-number")).toHaveText(number);
  await liaison.goto("/notifications");
  await expect(liaison.getByTestId("notification").filter({ hasText: number }).getByText("新")).toHaveCount(0);

  await liaison.goto("/notices");
  await liaison.getByRole("link", { name: number }).click();
  await expect(liaison.getByTestId("notice-text")).toHaveText(text);
  await liaison.getByRole("button", { name: "签收" }).click();
  await expect(liaison.getByTestId("notice-state")).toHaveText("已签收", STEP);
  await liaison.getByLabel("回复办理情况").fill("已约谈3家责任单位，通报整改情况已报市人社局。");
  await liaison.getByRole("button", { name: "提交回复" }).click();
  await expect(liaison.getByTestId("notice-state")).toHaveText("已回复", STEP);

  // The print view: the notice alone, with its number and a print button, no navigation of the app.
  await liaison.goto(`${liaison.url()}/print`);
  await expect(liaison.getByTestId("print-number")).toHaveText(number);
  await expect(liaison.getByTestId("print-button")).toBeVisible();
  await expect(liaison.getByTestId("bell")).toHaveCount(0);
  await expect(liaison.getByTestId("notice-print")).toContainText("已约谈3家责任单位");

  // The bureau accepts the reply and closes it.
  await admin.goto("/notices?state=REPLIED");
  await admin.getByRole("link", { name: number }).click();
  await expect(admin.getByTestId("notice-reply")).toContainText("已约谈3家责任单位");
  await admin.getByRole("button", { name: "审核通过并办结" }).click();
  await expect(admin.getByTestId("notice-state")).toHaveText("已办结", STEP);
  await expect(admin.getByTestId("notice-course")).toContainText("办结时间");
});

test("a leader assigns an instruction, the department reports what it did, the leader sees the reply and closes it", async ({ browser }) => {
  test.setTimeout(150_000);
  const leader = await as(browser, "leader");
  const liaison = await as(browser, "wjw");
  const text = `请市卫健委年底前完成尘肺病通报全覆盖（${Date.now()}）`;

  await openMeasure65(leader);
  // The form for a new instruction (the card also holds the assign forms of instructions not yet assigned).
  const form = leader.locator("form", { has: leader.locator("#instruction-text") });
  await form.getByLabel("批示内容").fill(text);
  await form.getByLabel("交办部门").selectOption({ label: "市卫健委" });
  await form.getByLabel("办理时限").fill(inDays(10));
  await form.getByRole("button", { name: "发送批示" }).click();
  const mine = leader.getByTestId("instruction").filter({ hasText: text });
  // The form starts afresh once the instruction is listed (its message goes with it).
  await expect(mine.getByTestId("instruction-state")).toHaveText("已交办", STEP);

  // The department finds it on its page and reports what it did.
  await liaison.goto("/");
  const theirs = liaison.getByTestId("department-instructions").getByTestId("instruction").filter({ hasText: text });
  await expect(theirs).toContainText(`交办 市卫健委，时限 ${inDays(10)}`);
  await theirs.getByLabel("落实情况").fill("已印发通报方案，全市覆盖率达95%。");
  await theirs.getByRole("button", { name: "报送落实情况" }).click();
  await expect(theirs.getByTestId("instruction-state")).toHaveText("已报落实情况", STEP);

  // The leader sees the reply on the overview and closes it.
  await leader.goto(`${SHIPPED_PLAN}/dashboard`);
  const open = leader.getByTestId("open-instructions").getByTestId("instruction").filter({ hasText: text });
  await expect(open.getByTestId("instruction-reply")).toContainText("已印发通报方案");
  await open.getByRole("button", { name: "办结" }).click();
  await expect(leader.getByTestId("open-instructions").getByTestId("instruction").filter({ hasText: text })).toHaveCount(0, STEP);
  await openMeasure65(leader);
  await expect(leader.getByTestId("instruction").filter({ hasText: text }).getByTestId("instruction-state")).toHaveText("已办结");
});
