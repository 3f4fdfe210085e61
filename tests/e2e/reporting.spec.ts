import type { Page } from "@playwright/test";
import { expect, SHIPPED_PLAN, signInAs, test } from "./fixtures";

// A small real PDF: the server checks the content, not the name.
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

async function openPeriod(page: Page): Promise<string> {
  await page.goto(SHIPPED_PLAN);
  await page.getByRole("link", { name: /开展“健康企业”建设活动/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("措施 6.3");
  await page.getByTestId("periods").getByRole("link", { name: "查看" }).nth(2).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("措施 6.3 ·");
  return page.url();
}

test("a liaison reports with evidence, the bureau returns it, the liaison revises, the bureau accepts", async ({ browser }) => {
  // Two people, four rounds and two uploads: longer than one page's budget on a loaded machine.
  test.setTimeout(150_000);
  const liaisonContext = await browser.newContext();
  const adminContext = await browser.newContext();
  const liaison = await liaisonContext.newPage();
  const admin = await adminContext.newPage();
  await signInAs(liaison, "wjw");
  await signInAs(admin, "admin");

  // The liaison's worklist has work, most urgent first.
  await liaison.goto("/reports");
  await expect(liaison.getByTestId("worklist-row").first()).toBeVisible();

  // 1. Fill and submit with an attachment.
  const periodUrl = await openPeriod(liaison);
  const editor = liaison.getByTestId("report-editor");
  await editor.getByLabel("进展状态").selectOption("IN_PROGRESS");
  await editor.getByLabel("工作进展").fill("已建立尘肺病防控责任主体名单通报制度，完成第一次通报。");
  await editor.getByLabel("下步计划").fill("下季度开展复查。");
  // Each text shows its length against the limit while typing; over it, the count says so before anything is sent.
  await expect(editor.getByTestId("nextSteps-count")).toHaveText("8 / 5000 字");
  await editor.getByLabel("存在问题").fill("难".repeat(5001));
  await expect(editor.getByTestId("problems-count")).toHaveText("5001 / 5000 字：超出 5000 字的上限，请精简后再提交");
  await editor.getByLabel("存在问题").fill("");
  await expect(editor.getByTestId("problems-count")).toHaveText("0 / 5000 字");
  // Each file is uploaded on its own as soon as it is chosen. One that is not what its name says is
  // refused beside it, in Chinese, and what was typed stays.
  await editor.getByLabel("佐证材料").setInputFiles({ name: "伪装文件.pdf", mimeType: "application/pdf", buffer: Buffer.from("<html><script>alert(1)</script></html>") });
  const refused = editor.getByTestId("evidence-upload").filter({ hasText: "伪装文件.pdf" });
  await expect(refused.getByRole("alert")).toHaveText("文件“伪装文件.pdf”的类型不受支持：仅接受 PDF、图片、Word、Excel（按文件内容判断）");
  await expect(editor.getByLabel("工作进展")).toHaveValue("已建立尘肺病防控责任主体名单通报制度，完成第一次通报。");
  await refused.getByRole("button", { name: "移除" }).click();
  await expect(refused).toHaveCount(0);
  await editor.getByLabel("佐证材料").setInputFiles({ name: "通报文件.pdf", mimeType: "application/pdf", buffer: PDF });
  await expect(editor.getByTestId("evidence-upload").filter({ hasText: "通报文件.pdf" })).toContainText("已上传");
  await editor.getByRole("button", { name: "提交" }).click();
  // The form gives way to the read-only report once the page refreshes.
  await expect(liaison.getByText("报告已提交，退回前不能修改。")).toBeVisible();
  await expect(liaison.getByTestId("report-editor")).toHaveCount(0);

  // 2. The bureau finds it in the review queue and returns it with a reason.
  await admin.goto("/review");
  // Its own row: earlier specs may have left other 市卫健委 reports awaiting review.
  const periodPath = new URL(periodUrl, "http://localhost").pathname;
  const row = admin.getByTestId("review-row").filter({ hasText: "市卫健委" }).filter({ has: admin.locator(`a[href^="${periodPath}#"]`) });
  await expect(row).toBeVisible();
  await row.getByRole("link", { name: "查看" }).click();
  await admin.getByLabel("退回原因").fill("请补充通报名单附件");
  await admin.getByRole("button", { name: "退回" }).click();
  await expect(admin.getByText("报告被退回：请补充通报名单附件")).toBeVisible();

  // 3. The liaison sees the reason, revises and resubmits.
  await liaison.goto(periodUrl);
  await expect(liaison.getByText("报告被退回：请补充通报名单附件")).toBeVisible();
  await liaison.getByTestId("report-editor").getByLabel("工作进展").fill("已补充通报名单，附件见通报文件。");
  await liaison.getByTestId("report-editor").getByRole("button", { name: "提交" }).click();
  await expect(liaison.getByText("报告已提交，退回前不能修改。")).toBeVisible();

  // 4. The bureau accepts.
  await admin.goto(periodUrl);
  await admin.getByRole("button", { name: "审核通过" }).click();
  await expect(admin.getByText("报告已审核通过。")).toBeVisible();
  const report = admin.getByTestId("report-市卫健委");
  await expect(report.getByText("已通过").first()).toBeVisible();

  // 5. The history shows all of it.
  await report.getByTestId("report-history").locator("summary").click();
  const history = report.getByTestId("report-history");
  await expect(history).toContainText("第 4 版 · 审核通过");
  await expect(history).toContainText("第 3 版 · 提交");
  await expect(history).toContainText("第 2 版 · 退回");
  await expect(history).toContainText("请补充通报名单附件");
  await expect(history).toContainText("第 1 版 · 提交");

  // 6. The attachment downloads intact, as an attachment.
  // The current version's evidence comes first; the versions below link the same file.
  const href = await report.getByRole("link", { name: "通报文件.pdf" }).first().getAttribute("href");
  expect(href).toMatch(/^\/api\/attachments\//);
  const download = await admin.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
  expect(Buffer.compare(await download.body(), PDF)).toBe(0);

  // The measure's history lists the steps for the bureau.
  await admin.goto(SHIPPED_PLAN);
  await admin.getByRole("link", { name: /开展“健康企业”建设活动/ }).click();
  await expect(admin.getByTestId("measure-history")).toContainText("审核通过");
  await expect(admin.getByTestId("measure-history")).toContainText("退回报告");

  await liaisonContext.close();
  await adminContext.close();
});

test.describe("refusals", () => {
  test.use({ expectedStatuses: [404] });

  test("another department's liaison cannot download the evidence", async ({ page, browser }) => {
    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInAs(admin, "admin");
    // The accepted report of the flow above carries the attachment.
    await admin.goto(SHIPPED_PLAN);
    await admin.getByRole("link", { name: /开展“健康企业”建设活动/ }).click();
    await admin.getByTestId("periods").getByRole("link", { name: "查看" }).nth(2).click();
    const href = await admin.getByRole("link", { name: "通报文件.pdf" }).first().getAttribute("href");
    await adminContext.close();

    await signInAs(page, "czj");
    const response = await page.request.get(href!);
    expect(response.status()).toBe(404);
  });

  test("a leader writes an instruction and the lead department sees it", async ({ page, browser }) => {
    await signInAs(page, "leader");
    await page.goto(SHIPPED_PLAN);
    await page.getByRole("link", { name: /开展“健康企业”建设活动/ }).click();
    await page.getByLabel("批示内容").fill("请市卫健委按季度通报，年底前完成全覆盖。");
    await page.getByRole("button", { name: "发送批示" }).click();
    await expect(page.getByTestId("instructions")).toContainText("请市卫健委按季度通报");

    const liaisonContext = await browser.newContext();
    const liaison = await liaisonContext.newPage();
    await signInAs(liaison, "wjw");
    await liaison.goto("/");
    await expect(liaison.getByTestId("department-instructions")).toContainText("请市卫健委按季度通报");
    await liaisonContext.close();
  });
});

test("a save refused because someone saved first keeps what the user typed", async ({ browser }) => {
  const [first, second] = [await browser.newContext(), await browser.newContext()];
  const a = await first.newPage();
  const b = await second.newPage();
  await signInAs(a, "wjw");
  await signInAs(b, "wjw");
  await a.goto(SHIPPED_PLAN);
  await a.getByRole("link", { name: /开展“健康企业”建设活动/ }).click();
  await a.getByTestId("periods").getByRole("link", { name: "查看" }).nth(4).click();
  await expect(a.getByTestId("report-editor")).toBeVisible();
  await b.goto(a.url());

  // Both opened the same version; the first to save wins.
  await a.getByTestId("report-editor").getByLabel("工作进展").fill("甲：已完成本季度通报。");
  await a.getByTestId("report-editor").getByRole("button", { name: "保存草稿" }).click();
  await expect(a.getByText("草稿已保存")).toBeVisible();

  const mine = "乙：本季度已通报两次，并完成复查。";
  await b.getByTestId("report-editor").getByLabel("工作进展").fill(mine);
  await b.getByTestId("report-editor").getByLabel("下步计划").fill("乙：下季度扩大覆盖面。");
  await b.getByTestId("report-editor").getByRole("button", { name: "保存草稿" }).click();
  await expect(b.getByText(/该报告在您打开页面后已有更新/)).toBeVisible();
  // The form now holds the stored version, and what this user typed is kept beside it.
  await expect(b.getByTestId("report-editor").getByLabel("工作进展")).toHaveValue("甲：已完成本季度通报。");
  await expect(b.getByTestId("unsaved-text")).toContainText(mine);
  await b.getByRole("button", { name: "采用我的内容" }).click();
  await expect(b.getByTestId("report-editor").getByLabel("工作进展")).toHaveValue(mine);
  await expect(b.getByTestId("report-editor").getByLabel("下步计划")).toHaveValue("乙：下季度扩大覆盖面。");
  await b.getByTestId("report-editor").getByRole("button", { name: "保存草稿" }).click();
  await expect(b.getByText("草稿已保存")).toBeVisible();

  await a.reload();
  await expect(a.getByTestId("report-editor").getByLabel("工作进展")).toHaveValue(mine);
  await first.close();
  await second.close();
});
