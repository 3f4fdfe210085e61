import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials, loginLimits } from "@/features/auth/sign-in";
import { endSession, isSessionOpen, openSession, openSessionFilter } from "@/features/auth/sessions";
import { recordAuditEvent } from "@/features/audit/record-audit-event";
import { safeRedirectUrl } from "@/lib/safe-callback";
import { secureCookiesFor, verifiedSession } from "@/lib/session-cookies";
import { can, type Action, type Actor, type Target } from "@/lib/permissions";
import { db } from "./db";
import { env } from "./env";

/** Picks the client address: the socket's peer is not visible here, so forwarded headers are read only behind a trusted proxy. */
export function clientAddress(h: Record<string, string | string[] | undefined> | Headers): string {
  const get = (name: string) => {
    const v = h instanceof Headers ? h.get(name) : h[name];
    return Array.isArray(v) ? v[0] : (v ?? undefined);
  };
  if (env().DUBAN_TRUST_PROXY === "1") {
    const forwarded = get("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
    const real = get("x-real-ip");
    if (real) return real;
  }
  return get("x-duban-peer") ?? "local";
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      id: "credentials",
      name: "credentials",
      credentials: { loginName: { type: "text" }, password: { type: "password" } },
      // Refusals reach the sign-in form only as codes (INVALID, THROTTLED, UNAVAILABLE:<log reference>), shown in the user's language.
      authorize: (credentials, req) =>
        authorizeCredentials(db, credentials, () => ({ ip: clientAddress(req?.headers ?? {}), limits: loginLimits(env()) })),
    }),
  ],
  callbacks: {
    // Only paths on this site are followed, by the same rule as the sign-in page's callbackUrl.
    redirect({ url, baseUrl }) {
      return safeRedirectUrl(url, baseUrl);
    },
    // Only the user id and the server-side session id live in the token; role, department, the active
    // flag and whether the session is still open are read fresh on every request (decision 011).
    async jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sid = await openSession(db, user.id);
        return token;
      }
      // A renewal (/api/auth/session): only a session the server still holds is renewed; otherwise
      // next-auth answers with no session and expires the cookie.
      if (typeof token.sub !== "string" || typeof token.sid !== "string" || !(await isSessionOpen(db, token.sub, token.sid))) {
        throw new Error(SESSION_ENDED);
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
  events: {
    // Signing out ends the session on the server: a copy of the cookie opens nothing afterwards.
    async signOut({ token }) {
      if (typeof token?.sid !== "string") return;
      const ip = await headers()
        .then((h) => clientAddress(h))
        .catch(() => null);
      await db.$transaction(async (tx) => {
        if (!(await endSession(tx, token.sid as string))) return;
        const user = typeof token.sub === "string" ? await tx.user.findUnique({ where: { id: token.sub }, select: { id: true, loginName: true } }) : null;
        await recordAuditEvent(tx, { actorId: user?.id ?? null, actorLabel: user?.loginName ?? "", action: "auth.sign_out", entityType: "User", entityId: user?.id ?? null, ip });
      });
    },
  },
  logger: {
    // An ended session asking to be renewed is expected, not an error worth a stack trace.
    error(code, metadata) {
      const error = metadata instanceof Error ? metadata : (metadata as { error?: unknown } | undefined)?.error;
      if (error instanceof Error && error.message === SESSION_ENDED) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
    warn(code) {
      console.warn(`[next-auth][warn][${code}]`);
    },
    debug() {},
  },
};

const SESSION_ENDED = "SESSION_ENDED";

/** The signed-in user: the policy's `Actor` plus what pages show. */
export interface CurrentUser extends Actor {
  displayName: string;
  departmentName: string | null;
  /** The password is one an administrator handed out: only the change-password page opens (see requireUser). */
  mustChangePassword?: boolean;
  /** The server-side session this request belongs to (kept when the user changes their own password). */
  sessionId?: string;
}

/** The page where a user picks their own password; the only page open while `mustChangePassword` is set. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** The signed-in user as the database says now (null when signed out, the session ended, the user deleted or deactivated); once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  // The raw Cookie header, read by the same rule as the proxy and the page cache: more than one
  // session cookie is no session (src/lib/session-cookies.ts).
  const e = env();
  const claims = await verifiedSession((await headers()).get("cookie"), { secret: e.NEXTAUTH_SECRET, secureCookie: secureCookiesFor(e.NEXTAUTH_URL) });
  if (!claims) return null;
  const user = await db.user.findFirst({
    where: { id: claims.userId, active: true, ...openSessionFilter(claims.sessionId) },
    select: {
      id: true,
      loginName: true,
      displayName: true,
      role: true,
      active: true,
      mustChangePassword: true,
      departmentId: true,
      department: { select: { shortName: true } },
    },
  });
  if (!user) return null;
  return {
    id: user.id,
    loginName: user.loginName,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: user.department?.shortName ?? null,
    mustChangePassword: user.mustChangePassword,
    sessionId: claims.sessionId,
  };
});

/**
 * The signed-in user, or a redirect to the sign-in page. The one home of the first-sign-in rule:
 * while the user's password is one an administrator handed out, every page that asks for the user
 * (all of them go through here) leads to the change-password page instead. That page alone reads
 * the user with `{ pendingPasswordChange: "allow" }`.
 */
export async function requireUser(options: { pendingPasswordChange?: "allow" } = {}): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  if (user.mustChangePassword && options.pendingPasswordChange !== "allow") redirect(CHANGE_PASSWORD_PATH);
  return user;
}

/** The signed-in user if allowed to do `action` (on `target`); otherwise sign-in or a 403 page. */
export async function requirePermission(action: Action, target?: Target): Promise<CurrentUser> {
  const user = await requireUser();
  if (!can(user, action, target)) forbidden();
  return user;
}

/** Address of the current request, for the audit trail. */
export async function requestAddress(): Promise<string> {
  return clientAddress(await headers());
}

/**
 * The request context every server action and route handler starts from: the
 * signed-in user with the request's address, or null when signed out. Pass it
 * to the mutations and queries, which ask the policy themselves.
 */
export async function getActor(options: { pendingPasswordChange?: "allow" } = {}): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  // Same rule as requireUser: with a handed-out password, only changing it is possible.
  if (user.mustChangePassword && options.pendingPasswordChange !== "allow") return null;
  return { ...user, ip: await requestAddress() };
}
