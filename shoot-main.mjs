import { chromium } from "@playwright/test";
const BASE = "http://localhost:3390";
const OUT = "/work/shots/main";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--lang=en-US"] });
async function session(login, viewport) {
  const ctx = await browser.newContext({ viewport, locale: "en-US", timezoneId: "Asia/Shanghai" });
  const page = await ctx.newPage();
  page.on("pageerror", (e) => console.log("pageerror", e.message));
  page.on("console", (m) => { if (m.type() === "error") console.log("console", m.text()); });
  const csrf = await (await page.request.get(`${BASE}/api/auth/csrf`)).json();
  const r = await page.request.post(`${BASE}/api/auth/callback/credentials`, { form: { csrfToken: csrf.csrfToken, loginName: login, password: "Duban@2025", json: "true" } });
  if (!r.ok()) throw new Error("sign-in failed " + login);
  return { ctx, page };
}
const desk = { width: 1440, height: 900 }, phone = { width: 390, height: 844 };
const shot = async (page, name, full = false) => { await page.waitForTimeout(400); await page.screenshot({ path: `${OUT}/${name}.png`, fullPage: full }); console.log("shot", name); };
const plan = "/plans/hs-gsyf-2021-2025";
for (const [vp, tag] of [[desk, "1440"], [phone, "390"]]) {
  const { ctx, page } = await session("admin", vp);
  await page.goto(BASE + plan); await shot(page, `plan-${tag}`);
  if (tag === "1440") { await page.getByText("管理").first().click(); await shot(page, `header-manage-${tag}`); }
  else { await page.getByText("菜单").click(); await shot(page, `header-menu-${tag}`); await page.keyboard.press("Escape"); }
  await page.goto(BASE + plan + "/dashboard?asOf=2030-01-01"); await shot(page, `overview-asof-future-${tag}`);
  await page.goto(BASE + plan + "/dashboard"); await shot(page, `overview-${tag}`, true);
  await page.goto(BASE + "/review"); await shot(page, `review-${tag}`);
  await page.goto(BASE + "/admin/extensions"); await shot(page, `extensions-${tag}`, true);
  // A measure with reports: its periods, and a report with its versions.
  await page.goto(BASE + plan); 
  const href = await page.locator('a[href^="/measures/"]').nth(2).getAttribute("href");
  await page.goto(BASE + href); await shot(page, `measure-${tag}`, true);
  const report = await page.locator('a[href^="/reports/"]').first().getAttribute("href");
  await page.goto(BASE + report);
  const hist = page.getByTestId("report-history").first();
  if (await hist.count()) { await hist.locator("summary").click(); }
  await shot(page, `report-versions-${tag}`, true);
  await ctx.close();
}
// A liaison on a running plan: date and file fields, and a toast after saving.
for (const [vp, tag] of [[desk, "1440"], [phone, "390"]]) {
  const { ctx, page } = await session("wjw", vp);
  await page.goto(BASE + "/reports"); await shot(page, `my-reports-${tag}`);
  const link = page.locator('a[href^="/reports/"]').first();
  if (await link.count()) {
    await page.goto(BASE + (await link.getAttribute("href")));
    await shot(page, `report-form-${tag}`, true);
    const save = page.getByRole("button", { name: "保存草稿" });
    if (await save.count()) { await page.getByLabel("工作进展").fill("本季度已完成培训两场。"); await save.click(); await page.waitForTimeout(800); await shot(page, `toast-${tag}`); }
  }
  await ctx.close();
}
await browser.close();
