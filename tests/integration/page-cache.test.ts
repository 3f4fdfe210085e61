import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createPageCache, newNonce, NO_STORE_MARKER, type PageCache } from "../../src/server/page-cache";
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

async function sessionCookie(userId: string): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
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
    cache = createPageCache({ databaseUrl: inject("databaseUrl"), secret, secureCookie: false, maxMegabytes: 8 });
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
    expect(Number(second.res.headers.get("content-length"))).toBe(Buffer.byteLength(second.body));
  });

  it("renders again after any write to what pages show", async () => {
    const cookie = await sessionCookie(alice);
    const path = `/review?t=${suffix}`;
    await get(app.base, path, { cookie });
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    // A write to a table the dashboards do not read still counts: a notification for someone else.
    await db.notification.create({ data: { userId: bob, kind: "OVERDUE", dedupeKey: `cache-${suffix}`, params: {}, link: "/" } });
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

    const forged = `next-auth.session-token=${await encode({ token: { sub: alice }, secret: "another-secret-of-enough-length" })}`;
    expect((await get(app.base, path, { cookie: forged })).cache).toBeNull();
    expect((await get(app.base, path)).cache).toBeNull();
    expect(app.renders()).toBe(before + 3);
  });

  it("stops answering for a session token once it has expired", async () => {
    // next-auth accepts a token up to 15 s past its expiry; this one has 2.5 s of that grace left.
    const cookie = `next-auth.session-token=${await encode({ token: { sub: alice }, secret, maxAge: -12.5 })}`;
    const path = `/dashboard?expiry=${suffix}`;
    await get(app.base, path, { cookie });
    expect((await get(app.base, path, { cookie })).cache).toBe("hit");
    await new Promise((r) => setTimeout(r, 3_000));
    expect((await get(app.base, path, { cookie })).cache).toBeNull();
    const long = `next-auth.session-token=${await encode({ token: { sub: alice }, secret, maxAge: -60 })}`;
    expect((await get(app.base, path, { cookie: long })).cache).toBeNull();
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

describe("every table a page may show raises pageVersion", () => {
  it("has a trigger on every table but the sign-in log", async () => {
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()`);
      const triggers = await client.query<{ table: string; type: number }>(
        `SELECT c.relname AS "table", t.tgtype AS type FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
         WHERE NOT t.tgisinternal AND p.proname IN ('DataVersion_bump', 'DataVersion_bump_pages', 'DataVersion_bump_pages_if_rows') AND (t.tgtype & 1) = 0`,
      );
      const INSERT = 4, DELETE = 8, UPDATE = 16;
      const events = new Map<string, number>();
      for (const t of triggers.rows) events.set(t.table, (events.get(t.table) ?? 0) | t.type);
      const exempt = new Set(["LoginAttempt", "DataVersion", "_prisma_migrations"]);
      const checked = tables.rows.map((r) => r.name).filter((n) => !exempt.has(n));
      expect(checked.length).toBeGreaterThanOrEqual(16);
      for (const name of checked) {
        const mask = events.get(name) ?? 0;
        // The audit trail is append-only (its own trigger refuses UPDATE and DELETE), so INSERT is all it can see.
        const needed = name === "AuditEvent" ? INSERT : INSERT | DELETE | UPDATE;
        expect(mask & needed, `${name} has no statement trigger raising pageVersion for every change`).toBe(needed);
      }
    } finally {
      await client.end();
    }
  });
});

describe("the notification scan's idle statements", () => {
  it("leave pageVersion alone, while a real change raises it", async () => {
    const version = async () => (await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).pageVersion;
    const user = (await db.user.create({ data: { loginName: `cache-n-${Date.now()}`, displayName: "通知", role: "LEADER", passwordHash: "unused" } })).id;
    const data = { userId: user, kind: "OVERDUE" as const, dedupeKey: "idle-check", params: {}, link: "/" };
    await db.notification.create({ data });
    const before = await version();
    // What an idle scan does: inserts that all conflict, a claim that matches nothing.
    expect((await db.notification.createMany({ data: [data], skipDuplicates: true })).count).toBe(0);
    expect((await db.notification.updateMany({ where: { userId: user, readAt: { not: null } }, data: { emailedAt: new Date() } })).count).toBe(0);
    await db.notification.deleteMany({ where: { userId: user, dedupeKey: "none" } });
    expect(await version()).toBe(before);
    await db.notification.updateMany({ where: { userId: user }, data: { readAt: new Date() } });
    expect(await version()).toBeGreaterThan(before);
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
      const cookie = await sessionCookie("someone");
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
