import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "@/features/audit/record-audit-event";
import { verifyAgainstNothing, verifyPassword } from "./password";

export interface ThrottleLimits {
  maxFailuresPerAccount: number;
  maxFailuresPerAddress: number;
  windowMinutes: number;
}

export const defaultLimits: ThrottleLimits = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 20, windowMinutes: 15 };

export type AuthenticateResult =
  | { ok: true; user: { id: string; loginName: string; displayName: string; role: "ADMIN" | "LIAISON" | "LEADER" } }
  | { ok: false; code: "INVALID" | "THROTTLED" };

/** Login names are matched case-insensitively and without surrounding spaces. */
export const normalizeLoginName = (name: string) => name.trim().toLowerCase();

/**
 * Checks a login name and password. Recent failures are counted per account and
 * per address; past either limit every attempt is refused, right or wrong. An
 * unknown user and a wrong password get the same answer in the same time.
 * Every attempt is recorded (LoginAttempt for the throttle, AuditEvent for the trail).
 */
export async function authenticate(
  db: PrismaClient,
  input: { loginName: string; password: string; ip: string },
  limits: ThrottleLimits = defaultLimits,
): Promise<AuthenticateResult> {
  const loginName = normalizeLoginName(input.loginName).slice(0, 100);
  const ip = input.ip.slice(0, 100);
  const since = new Date(Date.now() - limits.windowMinutes * 60_000);
  const [accountFailures, addressFailures] = await Promise.all([
    db.loginAttempt.count({ where: { loginName, success: false, createdAt: { gte: since } } }),
    db.loginAttempt.count({ where: { ip, success: false, createdAt: { gte: since } } }),
  ]);
  const throttled = accountFailures >= limits.maxFailuresPerAccount || addressFailures >= limits.maxFailuresPerAddress;

  const user = throttled
    ? null
    : await db.user.findUnique({
        where: { loginName },
        select: { id: true, loginName: true, displayName: true, role: true, active: true, passwordHash: true },
      });
  const passwordOk =
    !throttled && (user && user.active ? await verifyPassword(input.password, user.passwordHash) : await verifyAgainstNothing(input.password));
  const success = Boolean(user && passwordOk);

  await db.$transaction(async (tx) => {
    await tx.loginAttempt.create({ data: { loginName, ip, success } });
    await recordAuditEvent(tx, {
      actorId: success ? user!.id : null,
      actorLabel: loginName,
      action: success ? "auth.sign_in" : throttled ? "auth.sign_in_throttled" : "auth.sign_in_failed",
      entityType: "User",
      entityId: user?.id ?? null,
      ip,
    });
  });

  if (throttled) return { ok: false, code: "THROTTLED" };
  if (!success || !user) return { ok: false, code: "INVALID" };
  return { ok: true, user: { id: user.id, loginName: user.loginName, displayName: user.displayName, role: user.role } };
}
