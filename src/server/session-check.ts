/**
 * Who sends a request, decided in the production HTTP server (scripts/serve.ts) before Next.js
 * sees it: the one home of the check that the page cache and the write guard both use.
 *
 * The session cookie is read by the shared rule (src/lib/session-cookies.ts: exactly one, verified
 * with the session secret, unexpired), then one query checks that its server-side session is open
 * and within its absolute lifetime, that the user is active, and reads the page-cache versions
 * (the global `pageVersion`, `reportVersion`, the review queue's `queueVersion`, the dashboards' data `version`, the user's own
 * `UserPageVersion` and, when asked, one department's `DepartmentPageVersion`: decision 022). getCurrentUser in
 * src/server/auth.ts applies the same conditions when the page renders.
 */
import type { IncomingMessage } from "node:http";
import { LRUCache } from "lru-cache";
import pg from "pg";
import { sessionCookieOf, verifiedSession, type SessionClaims } from "../lib/session-cookies";

export type SessionState =
  | { kind: "signed-out" }
  /** The database did not answer. */
  | { kind: "unavailable"; error: unknown }
  | {
      kind: "signed-in";
      userId: string;
      sessionId: string;
      pageVersion: string;
      userVersion: string;
      reportVersion: string;
      /** Raised when a report is added or removed, or what the review queue shows of it changes. */
      queueVersion: string;
      /** The dashboards' data version (DataVersion.version). */
      dataVersion: string;
      /** The version of the department asked for (0 when none was asked for or it never changed). */
      departmentVersion: string;
    };

export interface SessionCheckOptions {
  databaseUrl: string;
  secret: string;
  /** Whether the session cookie carries the __Secure- prefix (the site is served over HTTPS). */
  secureCookie: boolean;
}

export interface SessionCheck {
  /** `departmentId`: also read that department's page version. */
  check(req: Pick<IncomingMessage, "headers">, departmentId?: string | null): Promise<SessionState>;
  close(): Promise<void>;
}

export const SESSION_QUERY = `SELECT d."pageVersion"::text AS "pageVersion", COALESCE(v."version", 0)::text AS "userVersion",
    d."reportVersion"::text AS "reportVersion", d."queueVersion"::text AS "queueVersion", d."version"::text AS "dataVersion", COALESCE(dv."version", 0)::text AS "departmentVersion"
  FROM "UserSession" s
  JOIN "User" u ON u."id" = s."userId"
  CROSS JOIN "DataVersion" d
  LEFT JOIN "UserPageVersion" v ON v."userId" = s."userId"
  LEFT JOIN "DepartmentPageVersion" dv ON dv."departmentId" = $3
  WHERE s."id" = $1 AND s."userId" = $2 AND s."endedAt" IS NULL AND s."expiresAt" > now() AND u."active" AND d."id" = 1`;

export function createSessionCheck(options: SessionCheckOptions): SessionCheck {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  pool.on("error", () => {}); // an idle connection dropped by the server; the next query reconnects
  // Verified session tokens, by their cookie text: decrypting one (key derivation included) is the
  // largest cost of a cached page, and a user sends the same token on every request until it expires.
  // Only the token's own verification is remembered; the session row is read on every request.
  const verified = new LRUCache<string, SessionClaims>({ max: 10_000 });

  async function claimsOf(cookieHeader: string | string[] | undefined): Promise<SessionClaims | null> {
    const cookie = sessionCookieOf(cookieHeader);
    if (cookie.kind !== "one") return null;
    const key = `${cookie.name}=${cookie.value}`;
    const known = verified.get(key);
    if (known && known.expiresAt > Date.now()) return known;
    const claims = await verifiedSession(cookieHeader, { secret: options.secret, secureCookie: options.secureCookie });
    if (claims) verified.set(key, claims);
    return claims;
  }

  async function check(req: Pick<IncomingMessage, "headers">, departmentId?: string | null): Promise<SessionState> {
    const claims = await claimsOf(req.headers.cookie);
    if (!claims) return { kind: "signed-out" };
    try {
      const result = await pool.query<{ pageVersion: string; userVersion: string; reportVersion: string; queueVersion: string; dataVersion: string; departmentVersion: string }>(SESSION_QUERY, [
        claims.sessionId,
        claims.userId,
        departmentId ?? null,
      ]);
      const row = result.rows[0];
      if (!row) return { kind: "signed-out" };
      return { kind: "signed-in", userId: claims.userId, sessionId: claims.sessionId, ...row };
    } catch (error) {
      return { kind: "unavailable", error };
    }
  }

  return { check, close: () => pool.end() };
}
