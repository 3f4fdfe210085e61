import "server-only";
import { refresh, revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { z } from "zod";
import type { ActionState } from "@/lib/action-state";
import { refusal, type Action, type Target } from "@/lib/permissions";
import { isDatabaseUnavailable } from "@/lib/database-errors";
import { RuleError } from "@/lib/rule-error";
import { refreshChangedDashboards } from "@/features/dashboard/cached";
import { unexpectedFailure } from "./action-result";
import { getActor, type CurrentUser } from "./auth";

/**
 * The steps every server action takes, in order: who is calling → may they
 * (the policy, before the input is read) → parse the input → run the mutation
 * (which asks the policy again, on the records it touches) → revalidate. A refusal at any step
 * returns a message in the caller's language and changes nothing; an
 * unexpected failure is logged under a reference the user can quote.
 * Validation messages from zod are message keys under `namespace`.
 */
export async function runAction<S extends z.ZodType, R>(options: {
  permission: Action;
  /** For department-scoped permissions: the department the caller acts for. */
  scope?: (user: CurrentUser) => Target;
  schema: S;
  input: unknown;
  namespace: "admin" | "reports" | "account" | "notices" | "instructions" | "evaluation";
  mutate: (actor: CurrentUser, input: z.output<S>) => Promise<R>;
  /** The success message's key, or the key for what the mutation returned (a submission that went to the department head, say). */
  success: string | ((result: R) => string);
  revalidate?: string[];
  /** For a save refused as a lost update ("conflict"): the fields to hand back to the form. */
  keepOnConflict?: (input: z.output<S>) => Record<string, string>;
  /** Only for changing one's own password: also open to a user whose password was handed out. */
  pendingPasswordChange?: "allow";
}): Promise<ActionState & { result?: R }> {
  const [t, te] = await Promise.all([getTranslations(options.namespace), getTranslations("errors")]);
  // The database is down: the form keeps what was typed (no page refresh) and says so; nothing was saved.
  const unavailable = (error: unknown): ActionState => {
    console.warn("[action] database unavailable:", error instanceof Error ? error.message : error);
    return { ok: false, message: te("unavailableKept"), unavailable: true };
  };
  let user: CurrentUser | null;
  try {
    user = await getActor({ pendingPasswordChange: options.pendingPasswordChange });
  } catch (error) {
    if (isDatabaseUnavailable(error)) return unavailable(error);
    throw error;
  }
  const denied = refusal(user, options.permission, user ? options.scope?.(user) : undefined);
  if (denied || !user) return { ok: false, message: (await getTranslations("authz"))(denied?.key ?? "forbidden") };
  const parsed = options.schema.safeParse(options.input);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      const text = t.has(issue.message) ? t(issue.message) : t("invalidInput");
      fieldErrors[field] = [...(fieldErrors[field] ?? []), text];
    }
    return { ok: false, message: t("invalidInput"), fieldErrors };
  }
  try {
    const result = await options.mutate(user, parsed.data);
    for (const path of options.revalidate ?? []) revalidatePath(path);
    // The page the form is on comes back with this answer, in its new state: one request, where a
    // refresh asked for by the browser afterwards would cut the answer's own stream short.
    refresh();
    // Figures the write changed are recomputed in the background (not on this answer's path); pages show them within seconds.
    refreshChangedDashboards();
    return { ok: true, message: t(typeof options.success === "string" ? options.success : options.success(result)), result };
  } catch (error) {
    if (error instanceof RuleError) {
      // A refusal by a rule may come from a newer state (someone saved first): the page shows it.
      refresh();
      const tr = error.namespace === options.namespace ? t : await getTranslations(error.namespace);
      const unsaved = error.key === "conflict" && options.keepOnConflict ? options.keepOnConflict(parsed.data) : undefined;
      const text = tr(error.key, error.detail);
      // A message that could not be formatted comes back as its key ("reports.conflict"): never shown to a user.
      const message = text === `${error.namespace}.${error.key}` ? te("generic") : text;
      return { ok: false, message, ...(unsaved ? { unsaved } : {}) };
    }
    if (isDatabaseUnavailable(error)) return unavailable(error);
    return unexpectedFailure(error, (ref) => `${te("generic")} ${te("reference", { digest: ref })}`);
  }
}
