import { chromium } from "@playwright/test";
const base = process.env.BASE ?? "http://localhost:3305";
const out = "/work/shots/progress";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
async function ctx(login, width, height) {
  const c = await browser.newContext({ viewport: { width, height }, locale: "zh-CN", timezoneId: "Asia/Shanghai", baseURL: base });
  const page = await c.newPage();
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = await csrf.json();
  await page.request.post("/api/auth/callback/credentials", { form: { csrfToken, loginName: login, password: "Duban@2025", json: "true" } });
  return page;
}
const TEST = "/plans/hs-gsyf-2026-2030";
// A liaison applies to close 1.2, so the bureau's views show an application.
{
  const p = await ctx("rsj", 1440, 900);
  await p.goto(TEST);
  await p.getByRole("link", { name: /建立工伤预防项目绩效评估制度/ }).first().click();
  await p.waitForURL(/\/measures\//);
  await p.getByTestId("closure-card").waitFor();
  const card = p.getByTestId("closure-card");
  if (await card.getByLabel("办结情况总结").count()) {
    await card.getByLabel("办结情况总结").fill("绩效评估制度已印发实施，首轮评估已完成。");
    await card.getByRole("button", { name: "提交销号申请" }).click();
    await card.getByText("销号申请已提交").waitFor();
  }
}
const measureUrl = async (p, name) => { await p.goto(TEST); await p.getByRole("link", { name }).first().click(); await p.waitForURL(/\/measures\//); await p.getByTestId("measure-lights").waitFor(); await p.waitForLoadState("networkidle"); return p.url(); };
for (const [w, h, tag] of [[1440, 900, "wide"], [390, 844, "narrow"]]) {
  const admin = await ctx("admin", w, h);
  const shots = [
    ["dashboard", `${TEST}/dashboard`],
    ["plan-overview", TEST],
    ["list-progress-yellow", `${TEST}/dashboard/list?metric=measures`],
    ["timeline", `${TEST}/tasks/1`],
    ["review", "/review"],
    ["print", `${TEST}/dashboard/print`],
  ];
  for (const [name, url] of shots) {
    await admin.goto(url);
    await admin.waitForLoadState("networkidle");
    await admin.screenshot({ path: `${out}/${name}-${tag}.png`, fullPage: name !== "print" && name !== "plan-overview" });
  }
  await measureUrl(admin, /建立工伤预防项目绩效评估制度/);
  await admin.screenshot({ path: `${out}/measure-admin-review-${tag}.png`, fullPage: true });
  const liaison = await ctx("rsj", w, h);
  await measureUrl(liaison, /开展工伤预防培训/);
  await liaison.screenshot({ path: `${out}/measure-liaison-apply-${tag}.png`, fullPage: true });
  const rsjDept = await liaison.evaluate(() => document.querySelector('a[href^="/departments/"]')?.getAttribute("href"));
  if (rsjDept) { await liaison.goto(rsjDept); await liaison.waitForLoadState("networkidle"); await liaison.screenshot({ path: `${out}/department-${tag}.png`, fullPage: false }); }
}
await browser.close();
console.log("done");
