"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { deliverAfterCommit } from "@/server/deliver-after-commit";
import { evidenceLimits, evidenceStore } from "@/server/evidence-store";
import { addInstruction, decideExtension, requestExtension, reviewReport, saveReport, signoffReport } from "./mutations";
import { addInstructionSchema, decideExtensionSchema, reportFormInput, requestExtensionSchema, reviewReportSchema, saveReportSchema, signoffReportSchema } from "./schemas";

const ownDepartment = (user: { departmentId: string | null }) => ({ departmentId: user.departmentId });

/** Saves a report as a draft or submits it (the liaison of a department that carries the measure). */
export async function saveReportAction(_prev: ActionState, formData: FormData): Promise<ActionState & { result?: { version: number } }> {
  const input = reportFormInput(formData);
  return runAction({
    permission: "report:write",
    scope: ownDepartment,
    schema: saveReportSchema,
    input,
    namespace: "reports",
    mutate: async (actor, parsed) => {
      const values = Object.fromEntries(Object.entries(parsed.values).filter((e): e is [string, number] => e[1] !== ""));
      return saveReport(db, evidenceStore(), evidenceLimits(), actor, { ...parsed, values, submit: parsed.intent === "submit" });
    },
    success: (result) => (input.intent !== "submit" ? "draftSaved" : result.state === "AWAITING_HEAD" ? "submittedToHead" : "submitted"),
    revalidate: ["/reports", "/review", "/signoff"],
    // Someone saved first: the form shows their version, and hands back what this user typed.
    keepOnConflict: (parsed) => ({
      progress: parsed.progress ?? "",
      workDone: parsed.workDone,
      problems: parsed.problems,
      nextSteps: parsed.nextSteps,
      ...Object.fromEntries(Object.entries(parsed.values).map(([id, v]) => [`value:${id}`, String(v)])),
    }),
  });
}

/** Accepts or returns a submitted report (administrators). */
export async function reviewReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "report:review",
    schema: reviewReportSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: async (actor, input) => {
      await reviewReport(db, actor, input);
      deliverAfterCommit();
    },
    success: formData.get("decision") === "RETURN" ? "returned" : "accepted",
    revalidate: ["/review", "/reports"],
  });
}

/** 部门负责人审签: passes a report awaiting sign-off to the bureau, or returns it (the department's head). */
export async function signoffReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "report:signoff",
    scope: ownDepartment,
    schema: signoffReportSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: async (actor, input) => {
      await signoffReport(db, actor, input);
      deliverAfterCommit();
    },
    success: formData.get("decision") === "RETURN" ? "headReturned" : "headApproved",
    revalidate: ["/signoff", "/reports", "/review"],
  });
}

/** Asks for a later due date (the liaison of a department that carries the measure). */
export async function requestExtensionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "extension:request",
    scope: ownDepartment,
    schema: requestExtensionSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => requestExtension(db, actor, input),
    success: "extensionRequested",
    revalidate: ["/reports", "/admin/extensions"],
  });
}

/** Approves or rejects an extension request (administrators). */
export async function decideExtensionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "extension:decide",
    schema: decideExtensionSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: async (actor, input) => {
      await decideExtension(db, actor, { extensionId: input.extensionId, approve: input.decision === "APPROVE", note: input.note });
      deliverAfterCommit();
    },
    success: "extensionDecided",
    revalidate: ["/admin/extensions", "/reports"],
  });
}

/** Writes a leader's instruction on a measure (leaders). */
export async function addInstructionAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "instruction:write",
    schema: addInstructionSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: async (actor, input) => {
      const id = await addInstruction(db, actor, input);
      deliverAfterCommit();
      return id;
    },
    success: "instructionSaved",
    revalidate: ["/measures", "/departments", "/plans"],
  });
}
