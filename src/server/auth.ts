import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authorizeCredentials, loginLimits } from "@/features/auth/sign-in";
import { safeRedirectUrl } from "@/lib/safe-callback";
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
    // Only the user id lives in the token; role, department and the active flag are read fresh on every request.
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};

/** The signed-in user: the policy's `Actor` plus what pages show. */
export interface CurrentUser extends Actor {
  displayName: string;
  departmentName: string | null;
}

/** The signed-in user as the database says now (null when signed out, deleted or deactivated); once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string } | null;
  if (!session?.userId) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: {
      id: true,
      loginName: true,
      displayName: true,
      role: true,
      active: true,
      departmentId: true,
      department: { select: { shortName: true } },
    },
  });
  if (!user || !user.active) return null;
  return {
    id: user.id,
    loginName: user.loginName,
    displayName: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    departmentName: user.department?.shortName ?? null,
  };
});

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
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
export async function getActor(): Promise<CurrentUser | null> {
  const user = await getCurrentUser();
  if (!user) return null;
  return { ...user, ip: await requestAddress() };
}
