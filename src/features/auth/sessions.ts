import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";

/**
 * Server-side sessions (decision 011). Signing in opens a `UserSession` row whose id the session
 * token carries as `sid`; every request checks that row (open, not past its absolute end) in the
 * query that checks the user is active. Ending the row signs the token out everywhere at once,
 * whatever copy of the cookie exists.
 */

/** However often the token is renewed, a session ends this long after sign-in. */
export const SESSION_ABSOLUTE_HOURS = 12;

type Db = PrismaClient | Prisma.TransactionClient;

/** Opens a session for `userId`; returns its id, for the token. */
export async function openSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  // The user's sessions that ended long ago go at the same time, so the table stays small.
  await db.userSession.deleteMany({ where: { userId, expiresAt: { lt: new Date(now.getTime() - 7 * 86_400_000) } } });
  await db.userSession.create({ data: { id, userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_HOURS * 3_600_000) } });
  return id;
}

/** Whether the session is still open for that user (and the user still active). */
export async function isSessionOpen(db: Db, userId: string, sessionId: string, now = new Date()): Promise<boolean> {
  const found = await db.userSession.findFirst({
    where: { id: sessionId, userId, endedAt: null, expiresAt: { gt: now }, user: { active: true } },
    select: { id: true },
  });
  return found !== null;
}

/** The condition, on a user query, that the session is open: used by getCurrentUser in the query that reads the user. */
export function openSessionFilter(sessionId: string, now = new Date()): Prisma.UserWhereInput {
  return { sessions: { some: { id: sessionId, endedAt: null, expiresAt: { gt: now } } } };
}

/** Ends one session (sign-out); returns whether it was open. */
export async function endSession(db: Db, sessionId: string, now = new Date()): Promise<boolean> {
  const { count } = await db.userSession.updateMany({ where: { id: sessionId, endedAt: null }, data: { endedAt: now } });
  return count > 0;
}

/**
 * Ends every open session of a user (deactivation, role change, a password change or reset, an
 * administrator's request); returns how many. `keep`: the session the user changes their own password in.
 */
export async function endUserSessions(db: Db, userId: string, now = new Date(), keep?: string | null): Promise<number> {
  const { count } = await db.userSession.updateMany({ where: { userId, endedAt: null, ...(keep ? { id: { not: keep } } : {}) }, data: { endedAt: now } });
  return count;
}
