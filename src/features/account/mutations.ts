import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { hashPassword, verifyPassword } from "@/features/auth/password";
import { endUserSessions } from "@/features/auth/sessions";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";

/** An expected refusal of a password change; the key is a message under "account". */
export class PasswordRefused extends RuleError {
  constructor(key: "currentPasswordWrong" | "samePassword") {
    super("account", key);
  }
}

/**
 * A user changes their own password: the current one is required, the new one must differ. Clears
 * the first-sign-in flag and ends the user's other sessions (the one in use, `keepSessionId`, stays open).
 */
export async function changeOwnPassword(
  db: PrismaClient,
  actor: Actor,
  input: { currentPassword: string; newPassword: string; keepSessionId: string | null },
): Promise<void> {
  authorize(actor, "account:password");
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { passwordHash: true } });
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) throw new PasswordRefused("currentPasswordWrong");
  if (input.newPassword === input.currentPassword) throw new PasswordRefused("samePassword");
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction(async (tx) => {
    // Only if the password is still the one just checked: a concurrent change or reset wins.
    const { count } = await tx.user.updateMany({ where: { id: actor.id, passwordHash: user.passwordHash }, data: { passwordHash, mustChangePassword: false } });
    if (count === 0) throw new PasswordRefused("currentPasswordWrong");
    const sessionsEnded = await endUserSessions(tx, actor.id, new Date(), input.keepSessionId);
    await recordActorEvent(tx, actor, { action: "user.change_password", entityType: "User", entityId: actor.id, after: { sessionsEnded } });
  });
}
