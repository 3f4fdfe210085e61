"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { deliverAfterCommit } from "@/server/deliver-after-commit";
import { assignInstruction, decideInstructionReply, replyInstruction } from "./mutations";
import { assignInstructionSchema, decideInstructionSchema, replyInstructionSchema } from "./schemas";

const revalidate = ["/measures", "/departments", "/plans", "/notifications"];

/** 交办: assigns an instruction to a department with a deadline (a leader or the bureau). */
export async function assignInstructionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "instruction:assign",
    schema: assignInstructionSchema,
    input: Object.fromEntries(formData),
    namespace: "instructions",
    mutate: async (actor, input) => {
      await assignInstruction(db, actor, input);
      deliverAfterCommit();
    },
    success: "assigned",
    revalidate,
  });
}

/** 落实情况: the assigned department's liaison reports what was done. */
export async function replyInstructionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "instruction:reply",
    scope: (user) => ({ departmentId: user.departmentId }),
    schema: replyInstructionSchema,
    input: Object.fromEntries(formData),
    namespace: "instructions",
    mutate: async (actor, input) => {
      await replyInstruction(db, actor, input);
      deliverAfterCommit();
    },
    success: "replied",
    revalidate,
  });
}

/** 办结 or send back (a leader or the bureau). */
export async function decideInstructionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "instruction:close",
    schema: decideInstructionSchema,
    input: Object.fromEntries(formData),
    namespace: "instructions",
    mutate: async (actor, input) => {
      await decideInstructionReply(db, actor, input);
      deliverAfterCommit();
    },
    success: formData.get("decision") === "RETURN" ? "returned" : "closed",
    revalidate,
  });
}
