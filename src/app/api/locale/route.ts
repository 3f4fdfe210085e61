import { NextResponse, type NextRequest } from "next/server";
import { localeCookie, toLocale } from "@/i18n/config";
import { safeCallbackPath } from "@/lib/safe-callback";

/**
 * Switches the interface language (GET /api/locale?to=en) and goes back to the page the switch was
 * on. Open to anyone, signed in or not: it only sets a preference cookie. A plain GET rather than
 * a server action, because the server refuses every other kind of request without a session before
 * reading it (scripts/serve.ts), and the sign-in page has the switch too.
 */
export function GET(request: NextRequest) {
  const locale = toLocale(request.nextUrl.searchParams.get("to"));
  const response = new NextResponse(null, { status: 303, headers: { Location: samePageOf(request), "Cache-Control": "no-store" } });
  response.cookies.set(localeCookie, locale, { path: "/", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 * 365 });
  return response;
}

/** The path of the page the request came from, when it is a page of this site; else the start page. */
function samePageOf(request: NextRequest): string {
  try {
    const from = new URL(request.headers.get("referer") ?? "");
    if (from.host !== request.headers.get("host")) return "/";
    // The same same-origin path rule as the sign-in callback; never back to an API address.
    const path = safeCallbackPath(from.pathname + from.search);
    return path.startsWith("/api/") ? "/" : path;
  } catch {
    return "/";
  }
}
