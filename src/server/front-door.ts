/**
 * What the production HTTP server (scripts/serve.ts) does to a request before Next.js sees it,
 * besides the page cache: forget forwarding headers nobody vouches for, announce HTTPS-only, and
 * refuse writes that carry no verified session before a byte of their body is read.
 * See docs/decisions/011-server-side-sessions.md.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { SessionCheck } from "./session-check";

/** Headers a reverse proxy sets; believed only with DUBAN_TRUST_PROXY=1. */
const FORWARDING_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded"];

/** Drops the forwarding headers a client could have sent itself, unless a trusted proxy sets them. */
export function stripUntrustedForwarding(req: Pick<IncomingMessage, "headers">, trustProxy: boolean): void {
  if (trustProxy) return;
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
}

/** A year of HTTPS-only for this host and its subdomains, when the site's address is https. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Sends Strict-Transport-Security when the site is served over https (decided at run time from NEXTAUTH_URL). */
export function setTransportSecurity(res: Pick<ServerResponse, "setHeader">, siteUrl: string | undefined): void {
  if ((siteUrl ?? "").startsWith("https://")) res.setHeader("Strict-Transport-Security", HSTS);
}

/** The sign-in API that must work without a session; its requests are small forms. */
const PUBLIC_WRITE_PREFIX = "/api/auth/";
const PUBLIC_WRITE_MAX_BYTES = 16 * 1024;
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Whether a request writes: any method but GET, HEAD and OPTIONS, or anything that names a server action, whatever its method. */
export function isWrite(req: Pick<IncomingMessage, "method" | "headers">): boolean {
  return !SAFE_METHODS.has(req.method ?? "GET") || req.headers["next-action"] !== undefined;
}

/** The request's path as Next.js will route it (dot segments resolved), or null when it does not parse. */
function routedPath(url: string | undefined): string | null {
  try {
    return new URL(url ?? "/", "http://duban.invalid").pathname;
  } catch {
    return null;
  }
}

/** The host the browser addressed: the Host header, or the first X-Forwarded-Host a trusted proxy set (as Next.js reads it). */
function addressedHost(req: Pick<IncomingMessage, "headers">, trustProxy: boolean): string | undefined {
  const forwarded = trustProxy ? req.headers["x-forwarded-host"] : undefined;
  const value = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || req.headers.host;
  return value?.toLowerCase();
}

/** Whether a request's Origin names another site than the one addressed (a missing Origin is not cross-origin, as for Next.js). */
export function isCrossOrigin(req: Pick<IncomingMessage, "headers">, trustProxy: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  try {
    return new URL(origin).host.toLowerCase() !== addressedHost(req, trustProxy);
  } catch {
    return true; // "null" and other opaque origins
  }
}

function refuse(res: ServerResponse, status: number, text: string): true {
  res.writeHead(status, {
    "Content-Type": "text/plain; charset=utf-8",
    "Content-Length": Buffer.byteLength(text),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    // The body was not read: the connection cannot carry another request.
    Connection: "close",
  });
  res.end(text);
  return true;
}

export const REFUSALS = {
  crossOrigin: "跨站请求已拒绝。",
  signedOut: "请先登录。",
  tooLarge: "请求过大。",
} as const;

/**
 * Answers, and returns true for, a write Next.js must not see: a cross-origin server action or form
 * post (403), a write without a verified, open session (401) — the body of neither is read — and
 * a sign-in API post larger than a sign-in form (413). Everything else returns false and goes on.
 */
export async function refuseUnverifiedWrite(
  req: IncomingMessage,
  res: ServerResponse,
  options: { sessions: SessionCheck | null; trustProxy: boolean },
): Promise<boolean> {
  if (!isWrite(req)) return false;
  const isAction = req.headers["next-action"] !== undefined;
  if (isCrossOrigin(req, options.trustProxy)) return refuse(res, 403, REFUSALS.crossOrigin);
  const path = routedPath(req.url);
  if (path?.startsWith(PUBLIC_WRITE_PREFIX) && !isAction) {
    const length = Number(req.headers["content-length"] ?? 0);
    const bounded = req.headers["transfer-encoding"] === undefined && Number.isFinite(length) && length <= PUBLIC_WRITE_MAX_BYTES;
    return bounded ? false : refuse(res, 413, REFUSALS.tooLarge);
  }
  if (!options.sessions) return refuse(res, 401, REFUSALS.signedOut);
  const session = await options.sessions.check(req);
  if (session.kind === "signed-in") return false;
  // The token verified but the session row cannot be read (the database is down): the app answers
  // the outage itself, so a report form keeps what was typed; its body is still capped at 1 MB.
  if (session.kind === "unavailable") return false;
  return refuse(res, 401, REFUSALS.signedOut);
}
