import { createServer, request, type IncomingMessage, type Server } from "node:http";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { endSession, openSession } from "../../src/features/auth/sessions";
import { HSTS, REFUSALS, refuseUnverifiedWrite, setTransportSecurity, stripUntrustedForwarding } from "../../src/server/front-door";
import { createSessionCheck, type SessionCheck } from "../../src/server/session-check";
import { testDb } from "../support/db";

const secret = "front-door-test-secret-0123456789";
const db = testDb();

/**
 * The front door of scripts/serve.ts in front of a stand-in for Next.js that reads every request
 * body to the end and reports what it saw, so that a refused request is told by the app never
 * having been reached.
 */
async function startServer(sessions: SessionCheck, options: { trustProxy?: boolean; siteUrl?: string } = {}) {
  const reached: { url: string; bodyBytes: number; headers: IncomingMessage["headers"] }[] = [];
  const server: Server = createServer((req, res) => {
    stripUntrustedForwarding(req, options.trustProxy ?? false);
    setTransportSecurity(res, options.siteUrl);
    void refuseUnverifiedWrite(req, res, { sessions, trustProxy: options.trustProxy ?? false }).then((answered) => {
      if (answered) return;
      let bodyBytes = 0;
      req.on("data", (chunk: Buffer) => (bodyBytes += chunk.length));
      req.on("end", () => {
        reached.push({ url: req.url ?? "", bodyBytes, headers: req.headers });
        res.end("app");
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  return { base: `http://127.0.0.1:${port}`, host: `127.0.0.1:${port}`, port, server, reached };
}

async function post(base: string, path: string, headers: Record<string, string>, body = "x") {
  const res = await fetch(base + path, { method: "POST", headers, body, redirect: "manual" });
  return { status: res.status, text: await res.text(), res };
}

describe("the front door", () => {
  const suffix = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  let sessions: SessionCheck;
  let app: Awaited<ReturnType<typeof startServer>>;
  let userId: string;

  beforeAll(async () => {
    userId = (await db.user.create({ data: { loginName: `door-${suffix}`, displayName: "门", role: "LEADER", passwordHash: "unused" } })).id;
    sessions = createSessionCheck({ databaseUrl: inject("databaseUrl"), secret, secureCookie: false });
    app = await startServer(sessions);
  });
  afterAll(async () => {
    app.server.close();
    await sessions.close();
    await db.$disconnect();
  });

  const cookieFor = async (sid: string, key = secret) => `next-auth.session-token=${await encode({ token: { sub: userId, sid }, secret: key })}`;

  it("refuses a server action with a forged session before reading its body", async () => {
    const forged = await cookieFor(await openSession(db, userId), "an-attacker-secret-of-enough-length");
    // A body that never ends: the answer must come while the client is still sending.
    const answer = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request(`${app.base}/reports/x`, { method: "POST", headers: { cookie: forged, "next-action": "abc", "transfer-encoding": "chunked" } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      });
      req.on("error", reject);
      req.write(Buffer.alloc(1024 * 1024, 97));
    });
    expect(answer.status).toBe(401);
    expect(answer.text).toBe(REFUSALS.signedOut);
    expect(app.reached).toHaveLength(0);
  });

  it("refuses every write without a session, or with an ended one, and lets a signed-in one through", async () => {
    const sid = await openSession(db, userId);
    const cookie = await cookieFor(sid);
    for (const [path, headers] of [
      ["/reports/x", { "next-action": "abc" }],
      ["/dashboard", {}],
      ["/api/exports/quarterly", {}],
      // Outside the proxy's matcher (src/proxy.ts): the front door is what stops it before the body.
      ["/api/admin/plans/import?name=plan.xlsx", { "content-type": "application/octet-stream" }],
      ["/api/auth/../../dashboard", { "next-action": "abc" }],
    ] as const) {
      const refused = await post(app.base, path, headers);
      expect(refused.status, path).toBe(401);
      expect(refused.res.headers.get("connection")).toBe("close");
    }
    const two = await post(app.base, "/reports/x", { cookie: `${cookie}; ${await cookieFor(await openSession(db, userId))}`, "next-action": "abc" });
    expect(two.status).toBe(401);
    expect(app.reached).toHaveLength(0);

    const ok = await post(app.base, "/reports/x", { cookie, "next-action": "abc" }, "form=1");
    expect(ok.status).toBe(200);
    expect(app.reached.at(-1)).toMatchObject({ url: "/reports/x", bodyBytes: 6 });

    await endSession(db, sid);
    expect((await post(app.base, "/reports/x", { cookie, "next-action": "abc" })).status).toBe(401);
    // Reading is not its business: pages and the page cache check GETs themselves.
    expect((await fetch(`${app.base}/dashboard`)).status).toBe(200);
  });

  it("lets the sign-in API take a small form without a session, and nothing large", async () => {
    const small = await post(app.base, "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded" }, "loginName=a&password=b");
    expect(small.status).toBe(200);
    const large = await post(app.base, "/api/auth/callback/credentials", { "content-type": "application/x-www-form-urlencoded" }, "x".repeat(64 * 1024));
    expect(large.status).toBe(413);
    expect(large.text).toBe(REFUSALS.tooLarge);
  });

  it("answers a cross-origin server action 403 with a short text, even from a signed-in user", async () => {
    const cookie = await cookieFor(await openSession(db, userId));
    const before = app.reached.length;
    const cross = await post(app.base, "/reports/x", { cookie, "next-action": "abc", origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(cross.text).toBe(REFUSALS.crossOrigin);
    // A forged X-Forwarded-Host does not make the attacker's origin look like ours.
    const spoofed = await post(app.base, "/reports/x", { cookie, "next-action": "abc", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    expect(spoofed.status).toBe(403);
    expect((await post(app.base, "/reports/x", { cookie, "next-action": "abc", origin: "null" })).status).toBe(403);
    expect(app.reached.length).toBe(before);
    const same = await post(app.base, "/reports/x", { cookie, "next-action": "abc", origin: `http://${app.host}` });
    expect(same.status).toBe(200);
  });

  it("drops forwarding headers unless a trusted proxy sets them", async () => {
    const cookie = await cookieFor(await openSession(db, userId));
    const forwarded = { cookie, "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "host=evil.example" };
    await post(app.base, "/reports/x", forwarded);
    expect(app.reached.at(-1)!.headers).not.toHaveProperty("x-forwarded-host");
    expect(app.reached.at(-1)!.headers).not.toHaveProperty("x-forwarded-proto");
    expect(app.reached.at(-1)!.headers).not.toHaveProperty("forwarded");

    const trusted = await startServer(sessions, { trustProxy: true });
    try {
      const res = await post(trusted.base, "/reports/x", { ...forwarded, origin: "https://evil.example" });
      expect(res.status).toBe(200);
      expect(trusted.reached.at(-1)!.headers["x-forwarded-host"]).toBe("evil.example");
    } finally {
      trusted.server.close();
    }
  });

  it("sends Strict-Transport-Security when the site's address is https, and only then", async () => {
    expect((await fetch(`${app.base}/dashboard`)).headers.get("strict-transport-security")).toBeNull();
    const secure = await startServer(sessions, { siteUrl: "https://duban.example.gov.cn" });
    try {
      expect((await fetch(`${secure.base}/dashboard`)).headers.get("strict-transport-security")).toBe(HSTS);
    } finally {
      secure.server.close();
    }
  });

  it("lets a verified token through while the database is down, so the app answers the outage and the form keeps its text; a forged one is still refused", async () => {
    // Nothing listens on port 1: the session row cannot be read.
    const down = createSessionCheck({ databaseUrl: "postgresql://postgres@127.0.0.1:1/none", secret, secureCookie: false });
    const outage = await startServer(down);
    try {
      const valid = await cookieFor(await openSession(db, userId));
      const through = await post(outage.base, "/reports/x", { cookie: valid, "next-action": "abc" }, "typed text");
      expect(through).toMatchObject({ status: 200, text: "app" });
      expect(outage.reached).toEqual([expect.objectContaining({ url: "/reports/x", bodyBytes: "typed text".length })]);
      const forged = await cookieFor(await openSession(db, userId), "an-attacker-secret-of-enough-length");
      expect(await post(outage.base, "/reports/x", { cookie: forged, "next-action": "abc" })).toMatchObject({ status: 401, text: REFUSALS.signedOut });
      expect(outage.reached).toHaveLength(1);
    } finally {
      outage.server.close();
      await down.close();
    }
  });
});
