"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import type { Action } from "@/lib/permissions";
import { can } from "@/lib/permissions";
import { unexpectedFailure } from "@/server/action-result";
import { getCurrentUser, requestAddress, type CurrentUser } from "@/server/auth";
import { db } from "@/server/db";
import { RuleViolation, setUserActive, setUserRole, updateDepartment, type ActorRef } from "./mutations";
import { setUserActiveSchema, setUserRoleSchema, updateDepartmentSchema } from "./schemas";

type Messages = Awaited<ReturnType<typeof getTranslations<"admin">>>;

/**
 * The steps every admin action takes: who is calling → may they → parse → mutate → revalidate.
 * Denied calls change nothing and say so in the user's language.
 */
async function run<S extends z.ZodType>(
  action: Action,
  schema: S,
  formData: FormData,
  mutate: (actor: ActorRef, input: z.output<S>) => Promise<void>,
  paths: string[],
): Promise<ActionState> {
  const [user, t, te] = await Promise.all([getCurrentUser(), getTranslations("admin"), getTranslations("errors")]);
  if (!user) return { ok: false, message: te("forbidden") };
  if (!can(user, action)) return { ok: false, message: te("forbidden") };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(parsed.error, t);
  try {
    await mutate(await actorOf(user), parsed.data);
  } catch (error) {
    if (error instanceof RuleViolation) return { ok: false, message: t(error.key) };
    return unexpectedFailure(error, (ref) => `${te("generic")} ${te("reference", { digest: ref })}`);
  }
  for (const p of paths) revalidatePath(p);
  return { ok: true, message: t("saved") };
}

async function actorOf(user: CurrentUser): Promise<ActorRef> {
  return { id: user.id, loginName: user.loginName, ip: await requestAddress() };
}

function invalid(error: z.ZodError, t: Messages): ActionState {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const key = issue.message as Parameters<Messages>[0];
    const text = t.has(key) ? t(key) : t("invalidInput");
    fieldErrors[field] = [...(fieldErrors[field] ?? []), text];
  }
  return { ok: false, message: t("invalidInput"), fieldErrors };
}

/** Activates or deactivates an account (administrators only). */
export async function setUserActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run("user:manage", setUserActiveSchema, formData, (actor, input) => setUserActive(db, actor, input), ["/admin/users"]);
}

/** Changes an account's role (administrators only). */
export async function setUserRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run("user:manage", setUserRoleSchema, formData, (actor, input) => setUserRole(db, actor, input), ["/admin/users"]);
}

/** Corrects a department's full name and aliases (administrators only). */
export async function updateDepartmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return run("department:manage", updateDepartmentSchema, formData, (actor, input) => updateDepartment(db, actor, input), [
    "/departments",
    "/admin/departments",
  ]);
}
