import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/features/audit/record-audit-event";
import { verifyAgainstNothing, verifyPassword } from "./password";

export interface ThrottleLimits {
  /** Failures of one account, from any address, before it is locked for everyone. */
  maxFailuresPerAccount: number;
  /** Failures of one account from one address, before that address is locked out of it. */
  maxFailuresPerAccountAddress: number;
  /** Failures from one address over all accounts (a spray), before the address is locked out; kept high, since an office may share one address. */
  maxFailuresPerAddress: number;
  /** Failures count together when they fall within this many minutes. */
  windowMinutes: number;
  /** A lock ends this many minutes after the last counted failure; refused attempts do not extend it. */
  lockMinutes: number;
}

export const defaultLimits: ThrottleLimits = {
  maxFailuresPerAccount: 10,
  maxFailuresPerAccountAddress: 5,
  maxFailuresPerAddress: 50,
  windowMinutes: 15,
  lockMinutes: 15,
};

export type AuthenticateResult =
  | { ok: true; user: { id: string; loginName: string; displayName: string; role: Role } }
  | { ok: false; code: "INVALID" | "THROTTLED" };

/** Login names are matched case-insensitively and without surrounding spaces. */
export const normalizeLoginName = (name: string) => name.trim().toLowerCase();

/** Classes of the two-key advisory locks taken while an attempt is counted (two-key locks never meet the one-key ones used elsewhere). */
const ACCOUNT_LOCK = 7301;
const ADDRESS_LOCK = 7302;

/** A burst of sign-ins queues for the pool's connections rather than failing after Prisma's default two seconds. */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/**
 * Whether the last `max` counted failures matching `where` fall within the
 * window of each other and the newest is less than the lock time ago.
 */
async function isLocked(tx: Prisma.TransactionClient, where: Prisma.LoginAttemptWhereInput, max: number, limits: ThrottleLimits, now: Date): Promise<boolean> {
  const horizon = new Date(now.getTime() - (limits.windowMinutes + limits.lockMinutes) * 60_000);
  const recent = await tx.loginAttempt.findMany({
    where: { ...where, success: false, createdAt: { gte: horizon } },
    orderBy: { createdAt: "desc" },
    take: max,
    select: { createdAt: true },
  });
  if (recent.length < max) return false;
  const newest = recent[0].createdAt.getTime();
  const oldest = recent[recent.length - 1].createdAt.getTime();
  return newest > now.getTime() - limits.lockMinutes * 60_000 && oldest >= newest - limits.windowMinutes * 60_000;
}

/**
 * Checks a login name and password. An attempt is first reserved: under a lock
 * per login name and per address, the recent failures are counted and, unless a
 * limit is reached, a LoginAttempt row is written as a failure before the
 * password is checked; a correct password then turns it into a success. So
 * concurrent guesses cannot all pass the count before any is recorded, and an
 * unfinished check counts as a failure. A refused (throttled) attempt writes no
 * LoginAttempt row, so it neither counts nor extends a lock. An unknown user and
 * a wrong password get the same answer in the same time. Every attempt goes to
 * the audit trail.
 *
 * The locks are transaction-scoped advisory locks on the PostgreSQL server. The
 * embedded database has a single session, where advisory locks do not exclude
 * one another, but there a transaction runs alone until it ends, which gives
 * the same exclusion.
 */
export async function authenticate(
  db: PrismaClient,
  input: { loginName: string; password: string; ip: string },
  limits: ThrottleLimits = defaultLimits,
): Promise<AuthenticateResult> {
  const loginName = normalizeLoginName(input.loginName).slice(0, 100);
  const ip = input.ip.slice(0, 100);

  // Every read and write here is inside a transaction: on the embedded database,
  // statements of concurrent connections interleave unless a transaction holds it.
  const reserved = await db.$transaction(async (tx) => {
    // Always the account first, then the address: no two attempts wait on each other in a circle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK}::int4, hashtext(${loginName}))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADDRESS_LOCK}::int4, hashtext(${ip}))`;
    const now = new Date();
    const throttled =
      (await isLocked(tx, { loginName, ip }, limits.maxFailuresPerAccountAddress, limits, now)) ||
      (await isLocked(tx, { loginName }, limits.maxFailuresPerAccount, limits, now)) ||
      (await isLocked(tx, { ip }, limits.maxFailuresPerAddress, limits, now));
    if (throttled) {
      await recordAuditEvent(tx, { actorId: null, actorLabel: loginName, action: "auth.sign_in_throttled", entityType: "User", ip });
      return null;
    }
    const attempt = await tx.loginAttempt.create({ data: { loginName, ip, success: false, createdAt: now }, select: { id: true } });
    const user = await tx.user.findUnique({
      where: { loginName },
      select: { id: true, loginName: true, displayName: true, role: true, active: true, passwordHash: true },
    });
    return { attemptId: attempt.id, user };
  }, TRANSACTION_OPTIONS);
  if (!reserved) return { ok: false, code: "THROTTLED" };

  const { attemptId, user } = reserved;
  const passwordOk = user && user.active ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstNothing(input.password);
  const success = Boolean(user && passwordOk);

  await db.$transaction(async (tx) => {
    if (success) await tx.loginAttempt.update({ where: { id: attemptId }, data: { success: true } });
    await recordAuditEvent(tx, {
      actorId: success ? user!.id : null,
      actorLabel: loginName,
      action: success ? "auth.sign_in" : "auth.sign_in_failed",
      entityType: "User",
      entityId: user?.id ?? null,
      ip,
    });
  }, TRANSACTION_OPTIONS);

  if (!success || !user) return { ok: false, code: "INVALID" };
  return { ok: true, user: { id: user.id, loginName: user.loginName, displayName: user.displayName, role: user.role } };
}

/** How long LoginAttempt rows are kept: two days, more than the longest window plus lock time the settings allow (1440 + 1440 minutes). */
export const LOGIN_ATTEMPT_RETENTION_MINUTES = 2 * 24 * 60;

/** Deletes LoginAttempt rows the throttle no longer reads (run by the scheduled job); returns how many. */
export async function sweepLoginAttempts(db: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MINUTES * 60_000) } } });
  return count;
}
