"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { deliverAfterCommit } from "@/server/deliver-after-commit";
import { decideNoticeReply, issueNotice, replyNotice, signNotice } from "./mutations";
import { decideNoticeSchema, issueNoticeSchema, replyNoticeSchema, signNoticeSchema } from "./schemas";

const ownDepartment = (user: { departmentId: string | null }) => ({ departmentId: user.departmentId });
const revalidate = ["/notices", "/measures", "/departments", "/notifications"];

/** Issues a 督办单 (the bureau). */
export async function issueNoticeAction(_prev: ActionState, formData: FormData): Promise<ActionState & { result?: { id: string; number: string } }> {
  return runAction({
    permission: "notice:issue",
    schema: issueNoticeSchema,
    input: Object.fromEntries(formData),
    namespace: "notices",
    mutate: async (actor, input) => {
      const issued = await issueNotice(db, actor, input);
      deliverAfterCommit();
      return issued;
    },
    success: "issued",
    revalidate,
  });
}

/** Signs for a notice (签收; the department's liaisons). */
export async function signNoticeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "notice:sign",
    scope: ownDepartment,
    schema: signNoticeSchema,
    input: Object.fromEntries(formData),
    namespace: "notices",
    mutate: (actor, input) => signNotice(db, actor, input),
    success: "signed",
    revalidate,
  });
}

/** Answers a notice (the department's liaisons). */
export async function replyNoticeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "notice:reply",
    scope: ownDepartment,
    schema: replyNoticeSchema,
    input: Object.fromEntries(formData),
    namespace: "notices",
    mutate: async (actor, input) => {
      await replyNotice(db, actor, input);
      deliverAfterCommit();
    },
    success: "replied",
    revalidate,
  });
}

/** Accepts the reply and closes the notice, or returns the reply with a reason (the bureau). */
export async function decideNoticeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "notice:close",
    schema: decideNoticeSchema,
    input: Object.fromEntries(formData),
    namespace: "notices",
    mutate: async (actor, input) => {
      await decideNoticeReply(db, actor, input);
      deliverAfterCommit();
    },
    success: formData.get("decision") === "RETURN" ? "returned" : "closed",
    revalidate,
  });
}
