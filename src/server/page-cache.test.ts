import { describe, expect, it } from "vitest";
import { gunzipSync } from "node:zlib";
import { acceptsGzip, cacheKey, compressParts, gzipPieces, isCandidate, newNonce, piecesWith, nonceOf, NO_STORE_MARKER, scopeOf, scopeVersions, splitAt, storable } from "./page-cache";

const session = "next-auth.session-token=abc";

describe("isCandidate", () => {
  it.each([
    ["a signed-in page", { method: "GET", url: "/dashboard?asOf=2023-12-31", headers: { cookie: session } }, true],
    ["a signed-in navigation request", { method: "GET", url: "/review?_rsc=1x", headers: { cookie: session, rsc: "1" } }, true],
    ["the secure cookie", { method: "GET", url: "/", headers: { cookie: "__Secure-next-auth.session-token=abc" } }, true],
    ["no session", { method: "GET", url: "/dashboard", headers: {} }, false],
    ["two session cookies", { method: "GET", url: "/dashboard", headers: { cookie: `${session}; next-auth.session-token=def` } }, false],
    ["both cookie names", { method: "GET", url: "/dashboard", headers: { cookie: `${session}; __Secure-next-auth.session-token=def` } }, false],
    ["a POST", { method: "POST", url: "/dashboard", headers: { cookie: session } }, false],
    ["a HEAD", { method: "HEAD", url: "/dashboard", headers: { cookie: session } }, false],
    ["a server action", { method: "GET", url: "/dashboard", headers: { cookie: session, "next-action": "x" } }, false],
    ["an API route", { method: "GET", url: "/api/exports/quarterly", headers: { cookie: session } }, false],
    ["an evidence file", { method: "GET", url: "/api/attachments/1", headers: { cookie: session } }, false],
    ["a static asset", { method: "GET", url: "/_next/static/chunks/a.js", headers: { cookie: session } }, false],
  ])("%s → %s", (_name, req, expected) => {
    expect(isCandidate(req)).toBe(expected);
  });
});

describe("cacheKey", () => {
  const base = { versions: "p7.u0.r3", userId: "u1", locale: "", day: "2026-11-29", url: "/dashboard", headers: {} };
  it("differs in every part it is made of", () => {
    const k = cacheKey(base);
    const variants = [
      { versions: "p8.u0.r3" },
      { versions: "p7.u0.r4" },
      { userId: "u2" },
      { locale: "en" },
      { day: "2026-11-30" },
      { url: "/dashboard?asOf=2023-12-31" },
      { headers: { rsc: "1" } },
      { headers: { "next-router-state-tree": "%5B%5D" } },
      { headers: { "next-router-prefetch": "1" } },
      { headers: { host: "other:3000" } },
    ];
    const keys = variants.map((v) => cacheKey({ ...base, ...v }));
    expect(new Set([k, ...keys]).size).toBe(variants.length + 1);
  });
  it("ignores headers the answer does not depend on", () => {
    expect(cacheKey({ ...base, headers: { "user-agent": "x", "accept-language": "en" } })).toBe(cacheKey(base));
  });
});

describe("nonce renewal", () => {
  it("finds the nonce a CSP grants", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-QUJD=' 'strict-dynamic'")).toBe("QUJD=");
    expect(nonceOf("default-src 'self'")).toBeNull();
  });
  it("puts a fresh nonce everywhere the old one stood, and nowhere else", () => {
    const old = newNonce();
    const body = Buffer.from(`<script nonce="${old}">a</script>中文<link nonce="${old}">${old}`);
    const parts = splitAt(body, old);
    expect(parts).toHaveLength(4);
    const fresh = newNonce();
    expect(fresh).not.toBe(old);
    const out = Buffer.concat(piecesWith(parts, fresh)).toString();
    expect(out).toBe(body.toString().replaceAll(old, fresh));
    expect(out).not.toContain(old);
  });
  it("leaves a body without the nonce as it is", () => {
    const body = Buffer.from("plain");
    expect(Buffer.concat(piecesWith(splitAt(body, "QUJD"), "WFla")).toString()).toBe("plain");
  });
  it("compresses the parts once, and makes a gzip body any decoder reads as the page with the fresh nonce", async () => {
    const old = newNonce();
    const page = `<html><script nonce="${old}">boot()</script>${"<p>措施到部门，进度到期限</p>".repeat(2000)}<link nonce="${old}">${old}`;
    const parts = splitAt(Buffer.from(page), old);
    const compressed = await compressParts(parts);
    for (const fresh of [newNonce(), newNonce()]) {
      const gz = Buffer.concat(gzipPieces(parts, compressed, fresh));
      expect(gunzipSync(gz).toString()).toBe(page.replaceAll(old, fresh));
      expect(gz.length).toBeLessThan(Buffer.byteLength(page) / 10);
    }
    // Edge cases: a nonce at the very start or end (empty parts), and no nonce at all.
    for (const body of [`${old}x${old}`, "没有随机数"]) {
      const p = splitAt(Buffer.from(body), old);
      const fresh = newNonce();
      expect(gunzipSync(Buffer.concat(gzipPieces(p, await compressParts(p), fresh))).toString()).toBe(body.replaceAll(old, fresh));
    }
  });
  it.each([
    ["gzip, deflate, br, zstd", true],
    ["gzip;q=0.5, identity;q=0.1", true],
    ["br", false],
    ["gzip;q=0", false],
    ["*", true],
    ["", false],
  ])("negotiates gzip from Accept-Encoding %j", (header, gzip) => {
    expect(acceptsGzip({ "accept-encoding": header })).toBe(gzip);
  });
});

describe("storable", () => {
  const nonce = newNonce();
  const html = { "content-type": "text/html; charset=utf-8", "content-security-policy": `script-src 'nonce-${nonce}'`, "x-frame-options": "DENY", date: "x" };
  const body = Buffer.from(`<p nonce="${nonce}">ok</p>`);
  it("keeps a plain 200 page, without the headers that are recomputed", () => {
    const page = storable(200, html, body);
    expect(page).not.toBeNull();
    expect(page!.nonce).toBe(nonce);
    expect(Object.fromEntries(page!.headers)).toEqual({ "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY" });
    expect(page!.size).toBe(body.length);
  });
  it("keeps a navigation (RSC) answer", () => {
    expect(storable(200, { ...html, "content-type": "text/x-component" }, body)).not.toBeNull();
  });
  it.each([
    ["a redirect", 307, html, body],
    ["a 403", 403, html, body],
    ["a 500", 500, html, body],
    ["an answer that sets a cookie", 200, { ...html, "set-cookie": ["a=b"] }, body],
    ["a compressed answer", 200, { ...html, "content-encoding": "gzip" }, body],
    ["a file", 200, { ...html, "content-type": "application/pdf" }, body],
    ["an answer without a nonce", 200, { ...html, "content-security-policy": "default-src 'self'" }, body],
    ["a failure page", 200, html, Buffer.from(`<div ${NO_STORE_MARKER}="">服务暂时不可用</div>`)],
    ["a page a part of which failed while streaming", 200, html, Buffer.from(`<p>ok</p><template data-dgst="2417"></template>`)],
    ["a navigation answer carrying an error", 200, { ...html, "content-type": "text/x-component" }, Buffer.from(`0:{"a":1}\n5:E{"digest":"2417"}\n`)],
  ])("refuses %s", (_name, status, headers, b) => {
    expect(storable(status, headers, b)).toBeNull();
  });
});

describe("scopes", () => {
  it.each([
    ["/plans/2023-2025/dashboard", { kind: "dashboard" }],
    ["/plans/2023-2025/dashboard?asOf=2024-03-31&_rsc=1x", { kind: "dashboard" }],
    ["/departments/cm1abc", { kind: "department", departmentId: "cm1abc" }],
    ["/departments/cm1abc?_rsc=2", { kind: "department", departmentId: "cm1abc" }],
    // A plan's pages that read the history behind the figures follow every report change and the recomputed figures.
    ["/plans/2023-2025/dashboard/list?metric=overdue", { kind: "plan" }],
    ["/plans/2023-2025/dashboard/print", { kind: "plan" }],
    ["/plans/2023-2025/tasks/1", { kind: "plan" }],
    ["/plans/2023-2025", { kind: "plan" }],
    // The review queue follows what it shows of reports.
    ["/review", { kind: "review" }],
    ["/review?dept=d1&page=2", { kind: "review" }],
    // Pages that list reports follow every report change.
    ["/signoff", { kind: "reports" }],
    ["/reports/p1", { kind: "reports" }],
    ["/departments", { kind: "reports" }],
  ])("%s", (url, scope) => {
    expect(scopeOf(url)).toEqual(scope);
  });

  const v = { pageVersion: "7", userVersion: "2", reportVersion: "40", queueVersion: "9", departmentVersion: "5" };
  it("keys the overview on the computed figures, not on report saves", () => {
    const overview = scopeOf("/plans/x/dashboard");
    expect(scopeVersions(overview, { ...v, reportVersion: "41", departmentVersion: "6" }, 3)).toBe(scopeVersions(overview, v, 3));
    expect(scopeVersions(overview, v, 4)).not.toBe(scopeVersions(overview, v, 3));
    expect(scopeVersions(overview, { ...v, pageVersion: "8" }, 3)).not.toBe(scopeVersions(overview, v, 3));
    expect(scopeVersions(overview, { ...v, userVersion: "3" }, 3)).not.toBe(scopeVersions(overview, v, 3));
  });
  it("keys a department's page on its own version alone: not on other departments' saves, nor on the plan-wide figures (it computes its own)", () => {
    const page = scopeOf("/departments/d1");
    expect(scopeVersions(page, { ...v, reportVersion: "41" }, 3)).toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, { ...v, departmentVersion: "6" }, 3)).not.toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, v, 4)).toBe(scopeVersions(page, v, 3));
  });
  it("keys a plan's other pages on every report change and on the computed figures (lists, timelines and the plan page read them in place)", () => {
    for (const url of ["/plans/x/dashboard/list", "/plans/x/tasks/2", "/plans/x"]) {
      const page = scopeOf(url);
      expect(scopeVersions(page, { ...v, reportVersion: "41" }, 3)).not.toBe(scopeVersions(page, v, 3));
      expect(scopeVersions(page, v, 4)).not.toBe(scopeVersions(page, v, 3));
      expect(scopeVersions(page, { ...v, departmentVersion: "6" }, 3)).toBe(scopeVersions(page, v, 3));
    }
  });
  it("keys the review queue on what it shows of reports, not on every save", () => {
    const page = scopeOf("/review");
    expect(scopeVersions(page, { ...v, reportVersion: "41" }, 3)).toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, { ...v, queueVersion: "10" }, 3)).not.toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, { ...v, pageVersion: "8" }, 3)).not.toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, v, 4)).toBe(scopeVersions(page, v, 3));
  });
  it("keys every other page on every report change", () => {
    const page = scopeOf("/signoff");
    expect(scopeVersions(page, { ...v, reportVersion: "41" }, 3)).not.toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, { ...v, queueVersion: "10" }, 3)).toBe(scopeVersions(page, v, 3));
    expect(scopeVersions(page, v, 4)).toBe(scopeVersions(page, v, 3));
  });
});
