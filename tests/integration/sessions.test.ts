/**
 * Server-side sessions (decision 011): sign-in opens one, sign-out ends it so that a copied token
 * opens nothing and is not renewed, deactivation and a role change end all of a user's sessions,
 * an administrator can end them (audited), and the rendering reads the session cookie by the same
 * rule as the proxy and the page cache (two session cookies: signed out).
 */
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import zh from "../../messages/zh-CN.json";
import { endSessionsAction } from "@/features/admin/actions";
import { setUserActive, setUserRole } from "@/features/admin/mutations";
import { isSessionOpen, openSession, SESSION_ABSOLUTE_HOURS } from "@/features/auth/sessions";
import { initialActionState } from "@/lib/action-state";
import { authOptions, getCurrentUser, type CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

const secret = "sessions-test-secret-0123456789abcdef";
/** The request being served: its Cookie header, and who the mocked action caller is. */
const state = vi.hoisted(() => ({ cookie: "", caller: null as unknown }));

vi.mock("next/headers", () => ({
  headers: async () => new Headers(state.cookie ? { cookie: state.cookie, "x-duban-peer": "127.0.0.1" } : { "x-duban-peer": "127.0.0.1" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const messages = (await import("../../messages/zh-CN.json")).default;
  return { getTranslations: async (namespace: "admin" | "errors") => createTranslator({ locale: "zh-CN", messages, namespace, timeZone: "Asia/Shanghai" }) };
});
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let adminId = "";
let userId = "";

/** What next-auth does at sign-in: the jwt callback with the user, then the token in the cookie. */
async function signIn(id: string): Promise<{ token: Record<string, unknown>; cookie: string }> {
  const token = (await authOptions.callbacks!.jwt!({ token: { sub: id }, user: { id }, account: null } as never)) as Record<string, unknown>;
  return { token, cookie: `next-auth.session-token=${await encode({ token, secret })}` };
}

/** What next-auth's /api/auth/session does with a token: renew it, or (on an error) answer no session. */
async function renew(token: Record<string, unknown>): Promise<"renewed" | "refused"> {
  try {
    await authOptions.callbacks!.jwt!({ token } as never);
    return "renewed";
  } catch {
    return "refused";
  }
}

async function currentUserWith(cookie: string): Promise<CurrentUser | null> {
  state.cookie = cookie;
  return getCurrentUser();
}

beforeAll(async () => {
  process.env.DATABASE_URL = inject("databaseUrl");
  process.env.NEXTAUTH_SECRET = secret;
  adminId = (await db.user.create({ data: { loginName: `sess-admin-${suffix}`, displayName: "管理员", role: "ADMIN", passwordHash: "unused" } })).id;
  userId = (await db.user.create({ data: { loginName: `sess-user-${suffix}`, displayName: "李明", role: "LEADER", passwordHash: "unused" } })).id;
});
afterAll(() => db.$disconnect());

describe("a session after sign-out", () => {
  it("opens nothing and is not renewed, though the copied token is still valid", async () => {
    const { token, cookie } = await signIn(userId);
    expect(typeof token.sid).toBe("string");
    const row = await db.userSession.findUniqueOrThrow({ where: { id: token.sid as string } });
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(SESSION_ABSOLUTE_HOURS * 3_600_000);
    expect((await currentUserWith(cookie))?.id).toBe(userId);
    expect(await renew(token)).toBe("renewed");

    state.cookie = cookie;
    await authOptions.events!.signOut!({ token, session: null } as never);
    expect(await currentUserWith(cookie)).toBeNull();
    expect(await renew(token)).toBe("refused");
    const audit = await db.auditEvent.findMany({ where: { entityId: userId, action: "auth.sign_out" } });
    expect(audit).toMatchObject([{ actorId: userId, actorLabel: `sess-user-${suffix}`, ip: "127.0.0.1" }]);
    // Signing out twice with the same copy records nothing more.
    await authOptions.events!.signOut!({ token, session: null } as never);
    expect(await db.auditEvent.count({ where: { entityId: userId, action: "auth.sign_out" } })).toBe(1);
  });

  it("ends at its absolute end however often it was renewed", async () => {
    const { token, cookie } = await signIn(userId);
    await db.userSession.update({ where: { id: token.sid as string }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await currentUserWith(cookie)).toBeNull();
    expect(await renew(token)).toBe("refused");
  });

  it("does not accept a token without a server-side session (one from before this change)", async () => {
    const cookie = `next-auth.session-token=${await encode({ token: { sub: userId }, secret })}`;
    expect(await currentUserWith(cookie)).toBeNull();
    expect(await renew({ sub: userId })).toBe("refused");
  });
});

describe("two session cookies in one request", () => {
  it("are no session for the rendering, whichever comes first", async () => {
    const mine = (await signIn(userId)).cookie;
    const theirs = (await signIn(adminId)).cookie;
    expect((await currentUserWith(mine))?.id).toBe(userId);
    expect(await currentUserWith(`${mine}; ${theirs}`)).toBeNull();
    expect(await currentUserWith(`${theirs}; ${mine}`)).toBeNull();
    expect(await currentUserWith(`${mine}; __Secure-${theirs}`)).toBeNull();
  });
});

describe("ending a user's sessions", () => {
  const actor = () => ({ id: adminId, loginName: `sess-admin-${suffix}`, role: "ADMIN" as const, departmentId: null, ip: "127.0.0.1" });

  it("happens on deactivation, and reactivation does not bring them back", async () => {
    const a = await signIn(userId);
    const b = await signIn(userId);
    await setUserActive(db, actor(), { userId, active: false });
    await setUserActive(db, actor(), { userId, active: true });
    expect(await isSessionOpen(db, userId, a.token.sid as string)).toBe(false);
    expect(await isSessionOpen(db, userId, b.token.sid as string)).toBe(false);
    expect(await currentUserWith(a.cookie)).toBeNull();
  });

  it("happens on a role change", async () => {
    const a = await signIn(userId);
    await setUserRole(db, actor(), { userId, role: "ADMIN" });
    expect(await currentUserWith(a.cookie)).toBeNull();
    await setUserRole(db, actor(), { userId, role: "LEADER" });
  });

  it("is an administrator's action, audited, and refused to anybody else", async () => {
    const a = await signIn(userId);
    const adminSession = await signIn(adminId);
    const other = await signIn(userId);
    expect((await currentUserWith(a.cookie))?.id).toBe(userId);

    // The caller is who the request's session says: a leader may not end anybody's sessions.
    state.cookie = other.cookie;
    const form = new FormData();
    form.set("userId", userId);
    expect(await endSessionsAction(initialActionState, form)).toMatchObject({ ok: false, message: zh.authz.forbidden });
    expect(await isSessionOpen(db, userId, a.token.sid as string)).toBe(true);

    state.cookie = adminSession.cookie;
    expect(await endSessionsAction(initialActionState, form)).toMatchObject({ ok: true, message: zh.admin.sessionsEnded });
    expect(await currentUserWith(a.cookie)).toBeNull();
    expect(await currentUserWith(other.cookie)).toBeNull();
    expect((await currentUserWith(adminSession.cookie))?.id).toBe(adminId);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: userId, action: "user.end_sessions" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ actorId: adminId, after: { count: 2 } });

    state.cookie = adminSession.cookie;
    const unknown = new FormData();
    unknown.set("userId", "no-such-user");
    expect(await endSessionsAction(initialActionState, unknown)).toMatchObject({ ok: false, message: zh.admin.notFound });
  });

  it("still lets a new sign-in in", async () => {
    expect(await openSession(db, userId)).toMatch(/^[\w-]{32}$/);
  });
});
