import { NextResponse, type NextRequest } from "next/server";
import { secureCookiesFor, sessionCookieNames, sessionCookieOf, verifiedSession } from "@/lib/session-cookies";

const PUBLIC_PATHS = ["/login", "/api/auth", "/api/locale"];

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    // Next's own inline bootstrap scripts carry this nonce; eval only for development's hot reload.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Sets a per-request CSP nonce and sends visitors without a valid session token (none, more than
 * one, forged or expired; src/lib/session-cookies.ts) to the sign-in page. A convenience only: every
 * page, action and route checks the caller itself, the session row included.
 */
export async function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const { pathname, search } = request.nextUrl;

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const cookieHeader = request.headers.get("cookie");
  const ambiguous = sessionCookieOf(cookieHeader).kind === "ambiguous";
  const hasSession =
    !isPublic &&
    (await verifiedSession(cookieHeader, { secret: process.env.NEXTAUTH_SECRET ?? "", secureCookie: secureCookiesFor(process.env.NEXTAUTH_URL) })) !== null;
  if (!isPublic && !hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = pathname === "/" ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    const response = NextResponse.redirect(url);
    response.headers.set("Content-Security-Policy", csp);
    // Several session cookies are no session: expire them all, so that signing in again gives one.
    if (ambiguous) for (const name of sessionCookieNames(cookieHeader)) response.cookies.set(name, "", { path: "/", maxAge: 0, secure: /^__(secure|host)-/i.test(name) });
    return response;
  }

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Upload routes read their own bodies with their own caps (the proxy would cut a body at 1 MB) and check the caller themselves.
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|apple-icon.png|manifest.webmanifest|icons/|api/evidence-uploads|api/admin/plans/import|api/admin/backfill).*)" }],
};
