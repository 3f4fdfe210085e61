"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { changeOwnPassword } from "./mutations";
import { changePasswordSchema } from "./schemas";

/** Changes the caller's own password (every signed-in user, including one whose password was handed out). */
export async function changePasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "account:password",
    schema: changePasswordSchema,
    input: Object.fromEntries(formData),
    namespace: "account",
    pendingPasswordChange: "allow",
    mutate: (actor, input) =>
      changeOwnPassword(db, actor, { currentPassword: input.currentPassword, newPassword: input.newPassword, keepSessionId: actor.sessionId ?? null }),
    success: "passwordChanged",
    // The accounts list shows who still has a one-time password.
    revalidate: ["/admin/users"],
  });
}
