import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { authenticate, defaultLimits } from "../../src/features/auth/authenticate";
import { endSession, openSession } from "../../src/features/auth/sessions";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { dashboardsReplaced, onDashboardNudge } from "../../src/server/dashboard-freshness";
import { createPageCache, newNonce, NO_STORE_MARKER, type PageCache } from "../../src/server/page-cache";
import { createWritesFirst } from "../../src/server/writes-first";
import { testDb } from "../support/db";

const secret = "page-cache-test-secret-0123456789";
const db = testDb();

/**
 * The page cache in front of a stand-in for the app: each rendering answers with a
 * fresh nonce (as src/proxy.ts does) and a counter, so a replay is told from a
 * rendering by its body.
 */
async function startServer(cache: PageCache, answer?: (req: { url?: string }) => { status?: number; headers?: Record<string, string>; body?: string }) {
  let renders = 0;
  const server: Server = createServer((req, res) => {
    void cache.handle(req, res, () => {
      renders++;
      const nonce = newNonce();
      const custom = answer?.(req) ?? {};
      res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      for (const [k, v] of Object.entries(custom.headers ?? {})) res.setHeader(k, v);
      res.statusCode = custom.status ?? 200;
      res.write(`<html><script nonce="${nonce}">boot()</script>`);
      res.end(custom.body ?? `<p>rendering ${renders} of ${req.url} 中文</p></html>`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  return { base, server, renders: () => renders };
}

/** A signed-in session: a server-side session row and the token that names it, as sign-in makes them. */
async function sessionCookie(userId: string, sid?: string): Promise<string> {
  const sessionId = sid ?? (await openSession(db, userId));
  return `next-auth.session-token=${await encode({ token: { sub: userId, sid: sessionId }, secret })}`;
}

async function get(base: string, path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { headers, redirect: "manual" });
  const body = await res.text();
  const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
  return { status: res.status, cache: res.headers.get("x-duban-cache"), body, nonce, res };
}

describe("the page cache", () => {
  const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let cache: PageCache;
  let app: Awaited<ReturnType<typeof startServer>>;
  let alice: string;
  let bob: string;

  beforeAll(async () => {
    alice = (await db.user.create({ data: { loginName: `cache-a-${suffix}`, displayName: "缓存甲", role: "LEADER", passwordHash: "unused" } })).id;
    bob = (await db.user.create({ data: { loginName: `cache-b-${suffix}`, displayName: "缓存乙", role: "LEADER", passwordHash: "unused" } })).id;
    // Every change rendered at once (no dashboard interval): what each change reaches, exactly.
    cache = createPageCache({ databaseUrl: inject("databaseUrl"), secret, secureCookie: false, maxMegabytes: 8, renderEveryMs: 0 });
    app = await startServer(cache);
  });
  afterAll(async () => {
    app.server.close();
    await cache.close();
    await db.$disconnect();
  });

  it("replays a page to the same user, with a fresh nonce that the CSP header grants", async () => {
    const cookie = await sessionCookie(alice);
    const first = await get(app.base, `/dashboard?t=${suffix}`, { cookie });
    expect(first.cache).toBe("miss");
    const second = await get(app.base, `/dashboard?t=${suffix}`, { cookie });
    expect(second.cache).toBe("hit");
    expect(second.status).toBe(200);
    expect(second.res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    expect(second.body).toContain(`nonce="${second.nonce}"`);
    expect(second.body).not.toContain(first.nonce!);
    expect(second.body.replaceAll(second.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
    // A client that takes no compression gets the plain body …
    const plain = await get(app.base, `/dashboard?t=${suffix}`, { cookie, "accept-encoding": "identity" });
    expect(plain.cache).toBe("hit");
    expect(plain.res.headers.get("content-encoding")).toBeNull();
    expect(Number(plain.res.headers.get("content-length"))).toBe(Buffer.byteLength(plain.body));
    expect(plain.body.replaceAll(plain.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
    // … a browser the same page gzipped, with its own fresh nonce (the stored parts are compressed once, in the background).
    await expect
      .poll(async () => (await get(app.base, `/dashboard?t=${suffix}`, { cookie, "accept-encoding": "gzip, deflate, br" })).res.headers.get("content-encoding"))
      .toBe("gzip");
    const zipped = await get(app.base, `/dashboard?t=${suffix}`, { cookie, "accept-encoding": "gzip, deflate, br" });
    expect(zipped.cache).toBe("hit");
    expect(zipped.res.headers.get("vary")).toMatch(/accept-encoding/i);
    expect(zipped.nonce).not.toBe(plain.nonce);
    expect(zipped.body).toContain(`nonce="${zipped.nonce}"`);
    expect(zipped.body.replaceAll(zipped.nonce!, "N")).toBe(first.body.replaceAll(first.nonce!, "N"));
  });

  it("renders again after any write to what pages show", async () => {
    const cookie = await sessionCookie(alice);
    const path = `/review?t=${suffix}`;
    await get(app.base, path, { cookie });
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    // A write to a table the dashboards do not read still counts: another user's name.
    await db.user.update({ where: { id: bob }, data: { displayName: `缓存乙 ${suffix}` } });
    const after = await get(app.base, path, { cookie });
    expect(after.cache).toBe("miss");
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
  });

  it("keeps each user's page to that user, and each language apart", async () => {
    const path = `/dashboard?who=${suffix}`;
    const a = await get(app.base, path, { cookie: await sessionCookie(alice) });
    const b = await get(app.base, path, { cookie: await sessionCookie(bob) });
    expect(b.cache).toBe("miss");
    expect(b.body).not.toBe(a.body);
    const en = await get(app.base, path, { cookie: `${await sessionCookie(alice)}; NEXT_LOCALE=en` });
    expect(en.cache).toBe("miss");
  });

  it("never answers for a deactivated user, a forged token or no session", async () => {
    const carol = (await db.user.create({ data: { loginName: `cache-c-${suffix}`, displayName: "缓存丙", role: "LEADER", passwordHash: "unused" } })).id;
    const cookie = await sessionCookie(carol);
    const path = `/dashboard?off=${suffix}`;
    await get(app.base, path, { cookie });
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    await db.user.update({ where: { id: carol }, data: { active: false } });
    const before = app.renders();
    const off = await get(app.base, path, { cookie });
    expect(off.cache).toBeNull();
    expect(app.renders()).toBe(before + 1);

    const forged = `next-auth.session-token=${await encode({ token: { sub: alice, sid: await openSession(db, alice) }, secret: "another-secret-of-enough-length" })}`;
    expect((await get(app.base, path, { cookie: forged })).cache).toBeNull();
    expect((await get(app.base, path)).cache).toBeNull();
    expect(app.renders()).toBe(before + 3);
  });

  it("stops answering for a session token once it has expired", async () => {
    const sid = await openSession(db, alice);
    const cookie = `next-auth.session-token=${await encode({ token: { sub: alice, sid }, secret, maxAge: 2 })}`;
    const path = `/dashboard?expiry=${suffix}`;
    await get(app.base, path, { cookie });
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    await new Promise((r) => setTimeout(r, 2_500));
    expect((await get(app.base, path, { cookie })).cache).toBeNull();
    const long = `next-auth.session-token=${await encode({ token: { sub: alice, sid }, secret, maxAge: -60 })}`;
    expect((await get(app.base, path, { cookie: long })).cache).toBeNull();
  });

  it("treats a request with two session cookies as signed out: nothing stored under one user replays another's page", async () => {
    const a = await sessionCookie(alice);
    const b = await sessionCookie(bob);
    const path = `/reports?two=${suffix}`;
    const before = app.renders();
    for (const cookie of [`${a}; ${b}`, `${b}; ${a}`, `${a}; ${b}`, `${a}; __Secure-${b}`, `${a}; ${b.replace("=", ".0=")}`]) {
      const mixed = await get(app.base, path, { cookie });
      expect(mixed.cache, cookie.slice(0, 40)).toBeNull();
    }
    expect(app.renders()).toBe(before + 5);
    // Nothing was stored for either user by those requests.
    expect((await get(app.base, path, { cookie: a })).cache).toBe("miss");
    expect((await get(app.base, path, { cookie: b })).cache).toBe("miss");
  });

  it("uses the default language when the language cookie is sent twice", async () => {
    const cookie = await sessionCookie(alice);
    const path = `/dashboard?locale=${suffix}`;
    const plain = await get(app.base, path, { cookie });
    expect(plain.cache).toBe("miss");
    const doubled = await get(app.base, path, { cookie: `${cookie}; NEXT_LOCALE=en; NEXT_LOCALE=zh-CN` });
    expect(doubled.cache).toBe("hit");
    expect(doubled.body.replaceAll(doubled.nonce!, "N")).toBe(plain.body.replaceAll(plain.nonce!, "N"));
    expect((await get(app.base, path, { cookie: `${cookie}; NEXT_LOCALE=en` })).cache).toBe("miss");
  });

  it("never answers for a session that was ended, or is past its absolute end, though its token is still valid", async () => {
    const sid = await openSession(db, alice);
    const cookie = await sessionCookie(alice, sid);
    const path = `/dashboard?ended=${suffix}`;
    await get(app.base, path, { cookie });
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    await endSession(db, sid);
    expect((await get(app.base, path, { cookie })).cache).toBeNull();

    const old = await openSession(db, alice);
    const oldCookie = await sessionCookie(alice, old);
    await get(app.base, path, { cookie: oldCookie });
    expect((await get(app.base, path, { cookie: oldCookie })).cache).toBe("hit");
    await db.userSession.update({ where: { id: old }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await get(app.base, path, { cookie: oldCookie })).cache).toBeNull();

    // A token naming another user's session is no session either.
    const bobs = await openSession(db, bob);
    expect((await get(app.base, path, { cookie: await sessionCookie(alice, bobs) })).cache).toBeNull();
  });

  it("keeps every user's pages through sign-in attempts, notification reads and e-mail claims, while the user's own badge still changes", async () => {
    const a = await sessionCookie(alice);
    const b = await sessionCookie(bob);
    const path = `/dashboard?bookkeeping=${suffix}`;
    for (const cookie of [a, b]) {
      await get(app.base, path, { cookie });
      expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    }
    // An anonymous failed sign-in, a successful one (a LoginAttempt, an audit row, a session row).
    await authenticate(db, { loginName: `nobody-${suffix}`, password: "wrong-password", ip: "203.0.113.9" }, defaultLimits);
    await openSession(db, alice);
    expect((await get(app.base, path, { cookie: a })).cache).toBe("hit");
    expect((await get(app.base, path, { cookie: b })).cache).toBe("hit");

    // A notification of Bob's: created, e-mail claimed and sent (nothing Alice or Bob sees changes), then read.
    const n = await db.notification.create({ data: { userId: bob, kind: "OVERDUE", dedupeKey: `book-${suffix}`, params: {}, link: "/" } });
    expect((await get(app.base, path, { cookie: a })).cache).toBe("hit");
    expect((await get(app.base, path, { cookie: b })).cache).toBe("miss");
    expect((await get(app.base, path, { cookie: b })).cache).toBe("hit");
    await db.notification.update({ where: { id: n.id }, data: { emailClaimedAt: new Date() } });
    await db.notification.update({ where: { id: n.id }, data: { emailedAt: new Date() } });
    expect((await get(app.base, path, { cookie: b })).cache).toBe("hit");
    await db.$transaction(async (tx) => {
      await tx.notification.updateMany({ where: { userId: bob, readAt: null }, data: { readAt: new Date() } });
      await tx.auditEvent.create({ data: { actorId: bob, actorLabel: "b", action: "notification.mark_read", entityType: "User", entityId: bob } });
    });
    expect((await get(app.base, path, { cookie: a })).cache).toBe("hit");
    expect((await get(app.base, path, { cookie: b })).cache).toBe("miss");

    // A change anybody may see still renders every page again, its audit row included.
    await db.auditEvent.create({ data: { actorId: alice, actorLabel: "a", action: "measure.update", entityType: "Measure", entityId: "x" } });
    expect((await get(app.base, path, { cookie: a })).cache).toBe("miss");
  });

  it("a liaison's save renders again at once what it changes — the department's page, the report pages, on a review event every department on the measure — and leaves other departments' pages and the overview until the figures are recomputed", async () => {
    const code = `scope-${suffix}`;
    await seedPlan(db, {
      plan: { code, title: "范围测试", issuer: "测试", startYear: 2026, endYear: 2026 },
      departments: [
        { shortName: `甲${suffix}`, fullName: "甲局", aliases: [], sortOrder: 901 },
        { shortName: `乙${suffix}`, fullName: "乙局", aliases: [], sortOrder: 902 },
        { shortName: `丙${suffix}`, fullName: "丙局", aliases: [], sortOrder: 903 },
      ],
      keyTasks: [
        {
          number: 1,
          title: "任务",
          measures: [
            { number: 1, text: "措施。", departmentsText: `甲${suffix}、乙${suffix}`, timeArrangement: "每季度" },
            { number: 2, text: "另一措施。", departmentsText: `丙${suffix}`, timeArrangement: "每季度" },
          ],
        },
      ],
    });
    const [jia, yi, bing] = await Promise.all([`甲${suffix}`, `乙${suffix}`, `丙${suffix}`].map((n) => db.department.findUniqueOrThrow({ where: { shortName: n } })));
    const liaison = (await db.user.create({ data: { loginName: `cache-l-${suffix}`, displayName: "联络员", role: "LIAISON", departmentId: jia.id, passwordHash: "unused" } })).id;
    const writer = await sessionCookie(liaison);
    const leader = await sessionCookie(alice);
    const nudges: bigint[] = [];
    onDashboardNudge((v) => nudges.push(v));
    const pages: [string, string][] = [
      [`/departments/${jia.id}`, writer],
      [`/departments/${yi.id}`, leader],
      [`/departments/${bing.id}`, leader],
      [`/plans/${code}/dashboard`, leader],
      ["/review", leader],
      ["/reports", writer],
    ];
    const states = async () => Object.fromEntries(await Promise.all(pages.map(async ([path, cookie]) => [path, (await get(app.base, path, { cookie })).cache])));
    await states();
    expect(Object.values(await states()).every((c) => c === "hit")).toBe(true);

    // A draft: the report row and its audit entry, as saveReport writes them in one transaction.
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { measure: { number: 1, keyTask: { plan: { code } } } } });
    const report = await db.$transaction(async (tx) => {
      const r = await tx.progressReport.create({ data: { periodId: period.id, measureId: period.measureId, departmentId: jia.id, isLead: true, workDone: "草稿" } });
      await tx.auditEvent.create({ data: { actorId: liaison, actorLabel: "l", action: "report.save_draft", entityType: "ProgressReport", entityId: r.id } });
      return r;
    });
    expect(await states()).toEqual({
      [`/departments/${jia.id}`]: "miss",
      [`/departments/${yi.id}`]: "hit",
      [`/departments/${bing.id}`]: "hit",
      [`/plans/${code}/dashboard`]: "hit",
      "/review": "miss",
      "/reports": "miss",
    });

    // The same draft saved again (its text only): the report pages render again; the department's page and the
    // review queue do not (they show states and submitted reports, not drafts).
    await db.$transaction(async (tx) => {
      await tx.progressReport.update({ where: { id: report.id }, data: { workDone: "草稿，改过", version: { increment: 1 } } });
      await tx.auditEvent.create({ data: { actorId: liaison, actorLabel: "l", action: "report.save_draft", entityType: "ProgressReport", entityId: report.id } });
    });
    expect(await states()).toMatchObject({ [`/departments/${jia.id}`]: "hit", "/review": "hit", "/reports": "miss" });

    // A submission changes the dashboards' data: the page cache tells the dashboards (its replays never reach the app) …
    const seen = nudges.length;
    await db.$transaction(async (tx) => {
      await tx.progressReport.update({ where: { id: report.id }, data: { state: "SUBMITTED", version: { increment: 1 } } });
      await tx.progressReportRevision.create({ data: { reportId: report.id, number: 1, event: "SUBMITTED", actorId: liaison, snapshot: {} } });
      await tx.auditEvent.create({ data: { actorId: liaison, actorLabel: "l", action: "report.submit", entityType: "ProgressReport", entityId: report.id } });
    });
    // The review event renders again, at once, the page of every department on the measure (their figures
    // are their own, computed exactly), and no other department's.
    expect(await states()).toMatchObject({
      [`/departments/${jia.id}`]: "miss",
      [`/departments/${yi.id}`]: "miss",
      [`/departments/${bing.id}`]: "hit",
      [`/plans/${code}/dashboard`]: "hit",
      // The submitted report joins the review queue at once.
      "/review": "miss",
    });
    expect(nudges.length).toBeGreaterThan(seen);
    // … and once they have recomputed, the overview renders again; department pages do not follow the plan-wide figures.
    dashboardsReplaced();
    expect(await states()).toMatchObject({
      [`/departments/${yi.id}`]: "hit",
      [`/departments/${bing.id}`]: "hit",
      [`/plans/${code}/dashboard`]: "miss",
      "/review": "hit",
    });
    onDashboardNudge(() => {});
  });

  it("while one request renders a page anew, the same user's other requests get the previous rendering at once — if recent, and only when reports or figures changed", async () => {
    const cookie = await sessionCookie(alice);
    const path = `/plans/stale-${suffix}/dashboard`;
    let release: () => void = () => {};
    let held = false;
    let renders = 0;
    const swr = createPageCache({ databaseUrl: inject("databaseUrl"), secret, secureCookie: false, maxMegabytes: 8, staleMs: 1_500, renderEveryMs: 0 });
    // A stand-in for the app whose rendering waits until released, as a rendering of a large overview takes its time.
    const gated = createServer((req, res) => {
      void swr.handle(req, res, () => {
        const render = () => {
          renders++;
          const nonce = newNonce();
          res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
          res.setHeader("Content-Type", "text/html; charset=utf-8");
          res.end(`<html><script nonce="${nonce}">boot()</script><p>rendering ${renders}</p></html>`);
        };
        if (held) void new Promise<void>((r) => (release = r)).then(render);
        else render();
      });
    });
    await new Promise<void>((resolve) => gated.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(gated.address() as { port: number }).port}`;
    const same = (a: { body: string; nonce?: string }, b: { body: string; nonce?: string }) => a.body.replaceAll(a.nonce!, "N") === b.body.replaceAll(b.nonce!, "N");
    /** Starts a held rendering and, while it is held, asks again; returns both answers once released. */
    const duringRendering = async (at = path) => {
      held = true;
      const first = get(base, at, { cookie });
      await new Promise((r) => setTimeout(r, 150));
      const meanwhile = await Promise.race([get(base, at, { cookie }), new Promise<null>((r) => setTimeout(() => r(null), 400))]);
      held = false;
      release();
      return { first: await first, meanwhile: meanwhile ?? (await get(base, at, { cookie })), waited: meanwhile === null };
    };
    try {
      const original = await get(base, path, { cookie });
      expect(original.cache).toBe("miss");
      expect((await get(base, path, { cookie })).cache).toBe("hit");

      // New figures: the request that finds them renders (and gets them), the one meanwhile gets the previous page at once.
      dashboardsReplaced();
      const figures = await duringRendering();
      expect(figures.first.cache).toBe("miss");
      expect(figures.waited).toBe(false);
      expect(figures.meanwhile.cache).toBe("stale");
      expect(same(figures.meanwhile, original)).toBe(true);
      const after = await get(base, path, { cookie });
      expect(after.cache).toBe("hit");
      expect(same(after, figures.first)).toBe(true);
      expect(same(after, original)).toBe(false);

      // A page listing reports, after a report is saved anywhere (the report counter): the same.
      const queue = `/reports?stale=${suffix}`;
      await get(base, queue, { cookie });
      await db.dataVersion.update({ where: { id: 1 }, data: { reportVersion: { increment: 1 } } });
      const reports = await duringRendering(queue);
      expect(reports.first.cache).toBe("miss");
      expect(reports.meanwhile.cache).toBe("stale");

      // Any other change (here an account: the global version): nothing older is served; the second request waits for the rendering.
      await db.user.update({ where: { id: bob }, data: { displayName: `缓存乙 stale ${suffix}` } });
      const other = await duringRendering();
      expect(other.first.cache).toBe("miss");
      expect(other.waited).toBe(true);
      expect(other.meanwhile.cache).toBe("hit");
      expect(same(other.meanwhile, other.first)).toBe(true);

      // A rendering older than the limit is not served either.
      await new Promise((r) => setTimeout(r, 1_700));
      dashboardsReplaced();
      const old = await duringRendering();
      expect(old.waited).toBe(true);
      expect(old.meanwhile.cache).toBe("hit");
    } finally {
      gated.close();
      await swr.close();
    }
  });

  it("renders a dashboard or the review queue anew at most once an interval while reports change, at once for a user whose own save came after it, and at once after any other change", async () => {
    const leader = await sessionCookie(alice);
    const writer = await sessionCookie(bob);
    const path = `/plans/every-${suffix}/dashboard`;
    const gate = createWritesFirst();
    const every = createPageCache({ databaseUrl: inject("databaseUrl"), secret, secureCookie: false, maxMegabytes: 8, writesFirst: gate, renderEveryMs: 1_000 });
    let renders = 0;
    // As scripts/serve.ts does: every request is tracked, then goes through the page cache.
    const server = createServer((req, res) => {
      gate.track(req, res);
      void every.handle(req, res, () => {
        if (req.method === "POST") return void res.end("saved");
        renders++;
        const nonce = newNonce();
        res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(`<html><script nonce="${nonce}">boot()</script><p>rendering ${renders}</p></html>`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const rendering = (page: { body: string }) => /rendering (\d+)/.exec(page.body)?.[1];
    try {
      const first = await get(base, path, { cookie: leader });
      expect(first.cache).toBe("miss");
      const writersFirst = await get(base, path, { cookie: writer });
      expect(writersFirst.cache).toBe("miss");

      // The figures change (another save, recomputed): within the interval the leader gets the rendering as it is.
      dashboardsReplaced();
      const within = await get(base, path, { cookie: leader });
      expect(within.cache).toBe("stale");
      expect(rendering(within)).toBe(rendering(first));

      // The writer saves: their next view of the dashboard is rendered anew, whatever the interval.
      const saved = await fetch(`${base}/reports/x`, { method: "POST", headers: { cookie: writer }, body: "a=1" });
      expect(await saved.text()).toBe("saved");
      dashboardsReplaced();
      const own = await get(base, path, { cookie: writer });
      expect(own.cache).toBe("miss");
      expect(rendering(own)).not.toBe(rendering(writersFirst));
      expect((await get(base, path, { cookie: leader })).cache).toBe("stale");

      // Once the interval has passed, the next view is rendered anew, and replayed after that.
      await new Promise((r) => setTimeout(r, 1_100));
      const later = await get(base, path, { cookie: leader });
      expect(later.cache).toBe("miss");
      expect(rendering(later)).not.toBe(rendering(first));
      expect((await get(base, path, { cookie: leader })).cache).toBe("hit");

      // Any change but reports and figures (here an account: the global version) is rendered at once,
      // and so is a change to the user's own notifications (their badge).
      await db.user.update({ where: { id: bob }, data: { displayName: `缓存乙 every ${suffix}` } });
      expect((await get(base, path, { cookie: leader })).cache).toBe("miss");
      dashboardsReplaced();
      expect((await get(base, path, { cookie: leader })).cache).toBe("stale");
      await db.userPageVersion.upsert({ where: { userId: alice }, create: { userId: alice, version: 1n }, update: { version: { increment: 1 } } });
      expect((await get(base, path, { cookie: leader })).cache).toBe("miss");

      // The review queue too: a new submission shows within the interval, the reviewer's own review at once.
      const queue = `/review?every=${suffix}`;
      expect((await get(base, queue, { cookie: leader })).cache).toBe("miss");
      await db.dataVersion.update({ where: { id: 1 }, data: { queueVersion: { increment: 1 } } });
      expect((await get(base, queue, { cookie: leader })).cache).toBe("stale");

      // Other pages (the lists behind the figures, report pages) are rendered at once on every change, as before.
      const list = `/plans/every-${suffix}/measures`;
      const report = `/reports/every-${suffix}`;
      await get(base, list, { cookie: leader });
      await get(base, report, { cookie: leader });
      await db.dataVersion.update({ where: { id: 1 }, data: { reportVersion: { increment: 1 } } });
      expect((await get(base, list, { cookie: leader })).cache).toBe("miss");
      expect((await get(base, report, { cookie: leader })).cache).toBe("miss");
    } finally {
      server.close();
      await every.close();
    }
  });

  it("lets a write under way go first: a replay waits for the save's answer, and no longer than the limit", async () => {
    const cookie = await sessionCookie(alice);
    const path = `/dashboard?writes=${suffix}`;
    const gate = createWritesFirst({ maxHoldMs: 1_500 });
    const held = createPageCache({ databaseUrl: inject("databaseUrl"), secret, secureCookie: false, maxMegabytes: 8, writesFirst: gate });
    let answerSave: () => void = () => {};
    // As scripts/serve.ts does: every request is tracked, then goes through the page cache; a save's answer waits until released.
    const server = createServer((req, res) => {
      gate.track(req, res);
      void held.handle(req, res, () => {
        if (req.method === "POST") {
          answerSave = () => res.end("saved");
          return;
        }
        const nonce = newNonce();
        res.setHeader("Content-Security-Policy", `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.end(`<html><script nonce="${nonce}">boot()</script><p>overview</p></html>`);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      await get(base, path, { cookie });
      expect((await get(base, path, { cookie })).cache).toBe("hit");

      const save = fetch(`${base}/reports/x`, { method: "POST", headers: { cookie }, body: "a=1" });
      await expect.poll(() => gate.inFlight()).toBe(1);
      const reader = get(base, path, { cookie });
      const early = await Promise.race([reader.then(() => "answered"), new Promise((r) => setTimeout(() => r("held"), 300))]);
      expect(early).toBe("held");
      answerSave();
      expect(await (await save).text()).toBe("saved");
      expect((await reader).cache).toBe("hit");

      // A write that takes longer than the limit holds readers only that long.
      const slow = fetch(`${base}/reports/y`, { method: "POST", headers: { cookie }, body: "a=2" });
      await expect.poll(() => gate.inFlight()).toBe(1);
      const started = performance.now();
      expect((await get(base, path, { cookie })).cache).toBe("hit");
      expect(performance.now() - started).toBeGreaterThanOrEqual(1_400);
      expect(gate.inFlight()).toBe(1);
      answerSave();
      await (await slow).text();
    } finally {
      server.close();
      await held.close();
    }
  });

  it("stores only plain pages", async () => {
    const cookie = await sessionCookie(alice);
    const odd = await startServer(cache, (req) =>
      req.url?.includes("forbidden")
        ? { status: 403 }
        : req.url?.includes("cookie")
          ? { headers: { "Set-Cookie": "a=b" } }
          : req.url?.includes("outage")
            ? { body: `<div ${NO_STORE_MARKER}="">服务暂时不可用</div>` }
            : {},
    );
    try {
      for (const path of [`/x?forbidden=${suffix}`, `/x?cookie=${suffix}`, `/x?outage=${suffix}`]) {
        await get(odd.base, path, { cookie });
        const again = await get(odd.base, path, { cookie });
        expect(again.cache, path).toBe("miss");
      }
      expect(odd.renders()).toBe(6);
    } finally {
      odd.server.close();
    }
  });
});

describe("every table a page may show raises a page version", () => {
  it("has a trigger on every table but the bookkeeping ones, a per-user one on notifications, and per-department ones on reports", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
      const triggers = await client.query<{ table: string; type: number; fn: string }>(
        `SELECT c.relname AS "table", t.tgtype AS type, p.proname AS fn FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE NOT t.tgisinternal AND (t.tgtype & 1) = 0`,
      );
      const INSERT = 4, DELETE = 8, UPDATE = 16;
      const events = (fns: string[]) => {
        const map = new Map<string, number>();
        for (const t of triggers.rows.filter((r) => fns.includes(r.fn))) map.set(t.table, (map.get(t.table) ?? 0) | t.type);
        return map;
      };
      const global = events(["DataVersion_bump", "DataVersion_bump_pages", "DataVersion_bump_pages_unless_bookkeeping"]);
      const perUser = events(["UserPageVersion_bump_notifications"]);
      // Reports and what belongs to them raise the report counter and their department's (decision 022); review events every department on the measure (035).
      const reports = new Set(["ProgressReport", "ProgressReportRevision", "IndicatorValue", "Attachment"]);
      const perDepartment = events(["ReportPages_bump_by_department", "ReportPages_bump_by_report", "ReportPages_bump_by_revision", "ReportPages_bump_by_report_state"]);
      // Bookkeeping no page shows (decision 011); a user's notifications raise that user's own version.
      const exempt = new Set(["LoginAttempt", "UserSession", "UserPageVersion", "DepartmentPageVersion", "DataVersion", "_prisma_migrations"]);
      const checked = tables.rows.map((r) => r.name).filter((n) => !exempt.has(n));
      expect(checked.length).toBeGreaterThanOrEqual(16);
      for (const name of checked) {
        const mask = (name === "Notification" ? perUser : reports.has(name) ? perDepartment : global).get(name) ?? 0;
        // The audit trail is append-only (its own trigger refuses UPDATE and DELETE), so INSERT is all it can see.
        const needed = name === "AuditEvent" ? INSERT : INSERT | DELETE | UPDATE;
        expect(mask & needed, `${name} has no statement trigger raising the page version for every change`).toBe(needed);
      }
    } finally {
      await client.end();
    }
  });
});

describe("the review queue's counter", () => {
  it("rises when a report is added or removed or what the queue shows of it changes, not when only its text does", async () => {
    const suffix = `${Date.now()}-q`;
    const code = `queue-${suffix}`;
    await seedPlan(db, {
      plan: { code, title: "队列测试", issuer: "测试", startYear: 2026, endYear: 2026 },
      departments: [{ shortName: `队${suffix}`, fullName: "队局", aliases: [], sortOrder: 951 }],
      keyTasks: [{ number: 1, title: "任务", measures: [{ number: 1, text: "措施。", departmentsText: `队${suffix}`, timeArrangement: "每季度" }] }],
    });
    const department = await db.department.findUniqueOrThrow({ where: { shortName: `队${suffix}` } });
    const bureau = (await db.user.create({ data: { loginName: `queue-${suffix}`, displayName: "代填人", role: "ADMIN", passwordHash: "unused" } })).id;
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { measure: { keyTask: { plan: { code } } } } });
    const queue = async () => (await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).queueVersion;
    const rises = async (change: () => Promise<unknown>) => {
      const before = await queue();
      await change();
      return (await queue()) > before;
    };
    let id = "";
    expect(await rises(async () => (id = (await db.progressReport.create({ data: { periodId: period.id, measureId: period.measureId, departmentId: department.id, isLead: true } })).id))).toBe(true);
    expect(await rises(() => db.progressReport.update({ where: { id }, data: { workDone: "只改了文字", problems: "无", version: { increment: 1 } } }))).toBe(false);
    expect(await rises(() => db.progressReport.update({ where: { id }, data: { state: "SUBMITTED", submittedAt: new Date() } }))).toBe(true);
    expect(await rises(() => db.progressReport.update({ where: { id }, data: { isLead: false } }))).toBe(true);
    expect(await rises(() => db.progressReport.update({ where: { id }, data: { entry: "ON_BEHALF", enteredById: bureau } }))).toBe(true);
    expect(await rises(() => db.progressReport.updateMany({ where: { id: "none" }, data: { state: "ACCEPTED" } }))).toBe(false);
    expect(await rises(() => db.progressReport.delete({ where: { id } }))).toBe(true);
  });
});

describe("the notification scan's idle statements", () => {
  it("leave every page version alone, while a change the user sees raises only that user's", async () => {
    const versions = async (userId: string) => ({
      page: (await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).pageVersion,
      user: (await db.userPageVersion.findUnique({ where: { userId } }))?.version ?? 0n,
    });
    const user = (await db.user.create({ data: { loginName: `cache-n-${Date.now()}`, displayName: "通知", role: "LEADER", passwordHash: "unused" } })).id;
    const data = { userId: user, kind: "OVERDUE" as const, dedupeKey: "idle-check", params: {}, link: "/" };
    await db.notification.create({ data });
    const before = await versions(user);
    expect(before.user).toBeGreaterThan(0n);
    // What an idle scan does: inserts that all conflict, a claim that matches nothing.
    expect((await db.notification.createMany({ data: [data], skipDuplicates: true })).count).toBe(0);
    expect((await db.notification.updateMany({ where: { userId: user, readAt: { not: null } }, data: { emailedAt: new Date() } })).count).toBe(0);
    await db.notification.deleteMany({ where: { userId: user, dedupeKey: "none" } });
    // An e-mail claim changes nothing anybody sees.
    await db.notification.updateMany({ where: { userId: user }, data: { emailClaimedAt: new Date() } });
    expect(await versions(user)).toEqual(before);
    await db.notification.updateMany({ where: { userId: user }, data: { readAt: new Date() } });
    const after = await versions(user);
    expect(after.page).toBe(before.page);
    expect(after.user).toBeGreaterThan(before.user);
  });
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

describe("while the database is down", () => {
  it("answers a signed-in page with 503 and a plain message, and passes navigation requests on", async () => {
    const port = await closedPort();
    const down = createPageCache({ databaseUrl: `postgresql://postgres@127.0.0.1:${port}/none`, secret, secureCookie: false, maxMegabytes: 1 });
    const app = await startServer(down);
    try {
      const cookie = `next-auth.session-token=${await encode({ token: { sub: "someone", sid: "some-session" }, secret })}`;
      const page = await get(app.base, "/dashboard", { cookie });
      expect(page.status).toBe(503);
      expect(page.res.headers.get("retry-after")).toBe("30");
      expect(page.body).toContain("服务暂时不可用");
      expect(page.body).not.toMatch(/ECONNREFUSED|Error|at /);
      const english = await get(app.base, "/dashboard", { cookie: `${cookie}; NEXT_LOCALE=en` });
      expect(english.status).toBe(503);
      expect(english.body).toContain('lang="en"');
      expect(app.renders()).toBe(0);
      const navigation = await get(app.base, "/dashboard?_rsc=1", { cookie, rsc: "1" });
      expect(navigation.status).toBe(200);
      expect(app.renders()).toBe(1);
    } finally {
      app.server.close();
      await down.close();
    }
  });
});
