"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { confirmVerdict } from "./mutations";
import { confirmVerdictSchema } from "./schemas";

/** The bureau confirms a measure's proposed verdict, or changes it with a reason (终期评估). */
export async function confirmVerdictAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "evaluation:write",
    schema: confirmVerdictSchema,
    input: Object.fromEntries(formData),
    namespace: "evaluation",
    mutate: (actor, input) => confirmVerdict(db, actor, input),
    success: "saved",
    revalidate: ["/plans"],
  });
}
