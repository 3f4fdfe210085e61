import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { endUserSessions } from "@/features/auth/sessions";
import { hashPassword, oneTimePassword } from "@/features/auth/password";
import { authorize, mayBeInChargeOfDepartments, roleNeedsDepartment, Role, type Actor } from "@/lib/permissions";
import type { DepartmentKind } from "@/generated/prisma/enums";
import { RuleError } from "@/lib/rule-error";
import { normalizeLoginName } from "@/features/auth/authenticate";

/** An expected refusal of an admin rule; the key is a message under "admin". */
export class RuleViolation extends RuleError {
  constructor(key: "notFound" | "cannotChangeSelf" | "liaisonNeedsDepartment" | "loginNameTaken" | "departmentNotFound" | "departmentNameTaken" | "notInCharge") {
    super("admin", key);
  }
}

/** Activates or deactivates an account; takes effect on that user's next request, and deactivation ends their sessions. */
export async function setUserActive(db: PrismaClient, actor: Actor, input: { userId: string; active: boolean }): Promise<void> {
  authorize(actor, "user:manage");
  if (input.userId === actor.id) throw new RuleViolation("cannotChangeSelf");
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { active: true } });
    if (!before) throw new RuleViolation("notFound");
    if (before.active === input.active) return;
    await tx.user.update({ where: { id: input.userId }, data: { active: input.active } });
    // A session opened before the deactivation must not come back with a later reactivation.
    if (!input.active) await endUserSessions(tx, input.userId);
    await recordActorEvent(tx, actor, {
      action: input.active ? "user.activate" : "user.deactivate",
      entityType: "User",
      entityId: input.userId,
      before,
      after: { active: input.active },
    });
  });
}

/** Changes an account's role (a liaison must keep a department); the user signs in again under the new role. */
export async function setUserRole(db: PrismaClient, actor: Actor, input: { userId: string; role: Role }): Promise<void> {
  authorize(actor, "user:manage");
  if (input.userId === actor.id) throw new RuleViolation("cannotChangeSelf");
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, departmentId: true } });
    if (!before) throw new RuleViolation("notFound");
    if (roleNeedsDepartment(input.role) && !before.departmentId) throw new RuleViolation("liaisonNeedsDepartment");
    if (before.role === input.role) return;
    await tx.user.update({ where: { id: input.userId }, data: { role: input.role } });
    await endUserSessions(tx, input.userId);
    await recordActorEvent(tx, actor, {
      action: "user.change_role",
      entityType: "User",
      entityId: input.userId,
      before: { role: before.role },
      after: { role: input.role },
    });
  });
}

/**
 * 分管领导 (decision 032): sets the departments a leader is in charge of, who then hears their
 * escalations. Only a role the policy lets be in charge (a leader) may have any; an empty list clears them.
 */
export async function setLedDepartments(db: PrismaClient, actor: Actor, input: { userId: string; departmentIds: string[] }): Promise<void> {
  authorize(actor, "user:manage");
  const wanted = [...new Set(input.departmentIds)].sort();
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { role: true, ledDepartments: { select: { departmentId: true } } } });
    if (!user) throw new RuleViolation("notFound");
    if (wanted.length && !mayBeInChargeOfDepartments(user.role)) throw new RuleViolation("notInCharge");
    if ((await tx.department.count({ where: { id: { in: wanted } } })) !== wanted.length) throw new RuleViolation("departmentNotFound");
    const before = user.ledDepartments.map((d) => d.departmentId).sort();
    if (before.join() === wanted.join()) return;
    await tx.leaderDepartment.deleteMany({ where: { userId: input.userId, departmentId: { notIn: wanted } } });
    await tx.leaderDepartment.createMany({ data: wanted.map((departmentId) => ({ userId: input.userId, departmentId })), skipDuplicates: true });
    await recordActorEvent(tx, actor, { action: "user.led_departments", entityType: "User", entityId: input.userId, before: { departmentIds: before }, after: { departmentIds: wanted } });
  });
}

/** Ends every open session of an account (a lost or shared device): it must sign in again. Returns how many ended. */
export async function endSessionsOf(db: PrismaClient, actor: Actor, input: { userId: string }): Promise<number> {
  authorize(actor, "user:manage");
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new RuleViolation("notFound");
    const count = await endUserSessions(tx, input.userId);
    await recordActorEvent(tx, actor, { action: "user.end_sessions", entityType: "User", entityId: input.userId, after: { count } });
    return count;
  });
}

/** Sets or removes the address a user's notifications are also e-mailed to. */
export async function setUserEmail(db: PrismaClient, actor: Actor, input: { userId: string; email: string | null }): Promise<void> {
  authorize(actor, "user:manage");
  await db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id: input.userId }, select: { email: true } });
    if (!before) throw new RuleViolation("notFound");
    if (before.email === input.email) return;
    await tx.user.update({ where: { id: input.userId }, data: { email: input.email } });
    await recordActorEvent(tx, actor, {
      action: "user.change_email",
      entityType: "User",
      entityId: input.userId,
      before,
      after: { email: input.email },
    });
  });
}

/**
 * Corrects a department: its short name (as documents name it; not another department's short
 * name or alias), full name, aliases, and kind (市直部门 or 县市区). Plans keep their issued text.
 */
export async function updateDepartment(
  db: PrismaClient,
  actor: Actor,
  input: { departmentId: string; shortName: string; fullName: string; aliases: string[]; kind: DepartmentKind },
): Promise<void> {
  authorize(actor, "department:manage", { departmentId: input.departmentId });
  const aliases = [...new Set(input.aliases)].filter((a) => a !== input.shortName);
  const names = [input.shortName, ...aliases];
  await db
    .$transaction(async (tx) => {
      const before = await tx.department.findUnique({ where: { id: input.departmentId }, select: { shortName: true, fullName: true, aliases: true, kind: true } });
      if (!before) throw new RuleViolation("notFound");
      const clash = await tx.department.findFirst({
        where: { id: { not: input.departmentId }, OR: [{ shortName: { in: names } }, { aliases: { hasSome: names } }] },
        select: { id: true },
      });
      if (clash) throw new RuleViolation("departmentNameTaken");
      await tx.department.update({ where: { id: input.departmentId }, data: { shortName: input.shortName, fullName: input.fullName, aliases, kind: input.kind } });
      await recordActorEvent(tx, actor, {
        action: "department.update",
        entityType: "Department",
        entityId: input.departmentId,
        before,
        after: { shortName: input.shortName, fullName: input.fullName, aliases, kind: input.kind },
      });
    })
    .catch((error: unknown) => {
      if ((error as { code?: string } | null)?.code === "P2002") throw new RuleViolation("departmentNameTaken");
      throw error;
    });
}

/**
 * Creates an account with a one-time password, returned once for the administrator to hand over
 * and never stored in clear: the user must choose their own at first sign-in.
 */
export async function createUser(
  db: PrismaClient,
  actor: Actor,
  input: { loginName: string; displayName: string; role: Role; departmentId: string | null },
): Promise<{ userId: string; password: string }> {
  authorize(actor, "user:manage");
  if (roleNeedsDepartment(input.role) && !input.departmentId) throw new RuleViolation("liaisonNeedsDepartment");
  const loginName = normalizeLoginName(input.loginName);
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const userId = await db
    .$transaction(async (tx) => {
    if (input.departmentId && !(await tx.department.findUnique({ where: { id: input.departmentId }, select: { id: true } }))) {
      throw new RuleViolation("departmentNotFound");
    }
    if (await tx.user.findUnique({ where: { loginName }, select: { id: true } })) throw new RuleViolation("loginNameTaken");
    const user = await tx.user.create({
      data: { loginName, displayName: input.displayName, role: input.role, departmentId: input.departmentId, passwordHash, mustChangePassword: true },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, {
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { loginName, displayName: input.displayName, role: input.role, departmentId: input.departmentId },
    });
    return user.id;
  })
    .catch((error: unknown) => {
      // Two administrators creating the same login at once: the unique index decides.
      if ((error as { code?: string } | null)?.code === "P2002") throw new RuleViolation("loginNameTaken");
      throw error;
    });
  return { userId, password };
}

/**
 * Gives an account a new one-time password (a forgotten one): ends all its sessions, and the user
 * must choose their own at the next sign-in. Returns the password, once.
 */
export async function resetUserPassword(db: PrismaClient, actor: Actor, input: { userId: string }): Promise<{ password: string }> {
  authorize(actor, "user:manage");
  if (input.userId === actor.id) throw new RuleViolation("cannotChangeSelf");
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: input.userId }, select: { id: true } });
    if (!user) throw new RuleViolation("notFound");
    await tx.user.update({ where: { id: input.userId }, data: { passwordHash, mustChangePassword: true } });
    const sessionsEnded = await endUserSessions(tx, input.userId);
    await recordActorEvent(tx, actor, { action: "user.reset_password", entityType: "User", entityId: input.userId, after: { sessionsEnded } });
  });
  return { password };
}

/**
 * Adds a department (a city department or a county/district), placed after the existing ones. Its
 * short name must not be another department's short name or alias, so the import still matches one.
 */
export async function createDepartment(
  db: PrismaClient,
  actor: Actor,
  input: { shortName: string; fullName: string; aliases: string[]; kind: DepartmentKind },
): Promise<{ departmentId: string }> {
  authorize(actor, "department:manage");
  const aliases = [...new Set(input.aliases)].filter((a) => a !== input.shortName);
  const names = [input.shortName, ...aliases];
  return db
    .$transaction(async (tx) => {
      const clash = await tx.department.findFirst({ where: { OR: [{ shortName: { in: names } }, { aliases: { hasSome: names } }] }, select: { id: true } });
      if (clash) throw new RuleViolation("departmentNameTaken");
      const last = await tx.department.aggregate({ _max: { sortOrder: true } });
      const department = await tx.department.create({
        data: { shortName: input.shortName, fullName: input.fullName, aliases, kind: input.kind, sortOrder: (last._max.sortOrder ?? 0) + 1 },
        select: { id: true },
      });
      await recordActorEvent(tx, actor, {
        action: "department.create",
        entityType: "Department",
        entityId: department.id,
        after: { shortName: input.shortName, fullName: input.fullName, aliases, kind: input.kind },
      });
      return { departmentId: department.id };
    })
    .catch((error: unknown) => {
      if ((error as { code?: string } | null)?.code === "P2002") throw new RuleViolation("departmentNameTaken");
      throw error;
    });
}
