/**
 * Which session a request carries, read from its raw Cookie header — the one rule the proxy
 * (src/proxy.ts), the page cache (src/server/page-cache.ts, scripts/serve.ts) and the rendering
 * (getCurrentUser in src/server/auth.ts) all apply, so that they can never disagree on who asks.
 *
 * Cookie parsers disagree on a name sent twice: one keeps the first value, another the last. A
 * request with more than one session cookie (either name, the __Secure-/__Host- prefixes, chunks
 * `name.0`, `name.1`, any spelling of case) is therefore signed out everywhere: our tokens are
 * small and never chunked, so a browser that follows next-auth's own cookies never sends two.
 * The same holds for the language cookie: sent twice, both are ignored and the default applies.
 * See docs/decisions/011-server-side-sessions.md.
 */
import { decode } from "next-auth/jwt";

/** next-auth's session cookie name; `__Secure-` is prepended when the site is served over https. */
export const SESSION_COOKIE = "next-auth.session-token";
export const LOCALE_COOKIE = "NEXT_LOCALE";

interface RawCookie {
  name: string;
  value: string;
}

/** Every name=value pair of a Cookie header, duplicates kept, in order. */
export function cookiePairs(header: string | string[] | null | undefined): RawCookie[] {
  const text = Array.isArray(header) ? header.join("; ") : (header ?? "");
  const pairs: RawCookie[] = [];
  for (const part of text.split(";")) {
    const at = part.indexOf("=");
    const name = (at === -1 ? part : part.slice(0, at)).trim();
    if (!name) continue;
    pairs.push({ name, value: at === -1 ? "" : part.slice(at + 1).trim() });
  }
  return pairs;
}

function decodedName(name: string): string {
  try {
    return decodeURIComponent(name).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/** Whether a cookie name is, or could be taken by some parser for, a session cookie (any prefix, chunk or case). */
export function isSessionCookieName(name: string): boolean {
  return decodedName(name).includes(SESSION_COOKIE);
}

export type SessionCookie = { kind: "none" } | { kind: "ambiguous" } | { kind: "one"; name: string; value: string };

/** The request's session cookie: none, exactly one, or more than one (treated as signed out). */
export function sessionCookieOf(header: string | string[] | null | undefined): SessionCookie {
  const found = cookiePairs(header).filter((c) => isSessionCookieName(c.name));
  if (found.length === 0) return { kind: "none" };
  if (found.length > 1) return { kind: "ambiguous" };
  return { kind: "one", name: found[0]!.name, value: found[0]!.value };
}

/** The names of every session cookie a request carries (to expire them when they are ambiguous). */
export function sessionCookieNames(header: string | string[] | null | undefined): string[] {
  return [...new Set(cookiePairs(header).filter((c) => isSessionCookieName(c.name)).map((c) => c.name))];
}

/** The language cookie's value when it is sent exactly once; otherwise undefined (the default language). */
export function localeCookieOf(header: string | string[] | null | undefined): string | undefined {
  const found = cookiePairs(header).filter((c) => decodedName(c.name) === LOCALE_COOKIE.toLowerCase());
  return found.length === 1 ? found[0]!.value : undefined;
}

/** Whether next-auth names its cookies with the __Secure- prefix: when the site's address (NEXTAUTH_URL) is https. */
export function secureCookiesFor(siteUrl: string | undefined): boolean {
  return (siteUrl ?? "").startsWith("https://");
}

export interface SessionClaims {
  userId: string;
  /** The server-side session (UserSession.id) the token belongs to. */
  sessionId: string;
  /** When the token itself expires, in ms since the epoch. */
  expiresAt: number;
}

/**
 * The verified claims of the request's one session cookie, or null: no cookie, more than one,
 * a cookie under the wrong name for this site, a token that does not decrypt with `secret`, has
 * expired, or lacks the user or session id. The session row itself is checked by the caller.
 */
export async function verifiedSession(
  header: string | string[] | null | undefined,
  options: { secret: string; secureCookie: boolean },
): Promise<SessionClaims | null> {
  const cookie = sessionCookieOf(header);
  if (cookie.kind !== "one") return null;
  if (cookie.name !== (options.secureCookie ? `__Secure-${SESSION_COOKIE}` : SESSION_COOKIE)) return null;
  const token = await decode({ token: cookie.value, secret: options.secret }).catch(() => null);
  if (!token || typeof token.sub !== "string" || typeof token.sid !== "string" || typeof token.exp !== "number") return null;
  if (token.exp * 1000 <= Date.now()) return null;
  return { userId: token.sub, sessionId: token.sid, expiresAt: token.exp * 1000 };
}
