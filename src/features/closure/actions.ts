"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { deliverAfterCommit } from "@/server/deliver-after-commit";
import { evidenceLimits, evidenceStore } from "@/server/evidence-store";
import { applyClosure, reopenMeasure, reviewClosure, setNormalized, setProgressSettings, signoffClosure } from "./mutations";
import { applyClosureSchema, decideClosureSchema, progressSettingsSchema, reopenMeasureSchema, setNormalizedSchema } from "./schemas";

/** E-mails the step's notifications once its transaction has committed (decision 023). */
function afterCommit<T>(result: T): T {
  deliverAfterCommit();
  return result;
}

/** The policy's first question: a liaison leading some measure; the mutation asks again about this one. */
const leadsAMeasure = (user: { departmentId: string | null }) => ({ measure: { departments: user.departmentId ? [{ departmentId: user.departmentId, isLead: true }] : [] } });

/** The lead department's liaison applies to close a measure (办结销号申请). */
export async function applyClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "closure:apply",
    scope: leadsAMeasure,
    schema: applyClosureSchema,
    input: { measureId: formData.get("measureId"), summary: formData.get("summary") ?? "", uploads: formData.getAll("upload").filter((v) => typeof v === "string") },
    namespace: "reports",
    mutate: (actor, input) => applyClosure(db, evidenceStore(), evidenceLimits(), actor, input).then(afterCommit),
    success: "closureApplied",
    revalidate: ["/measures", "/review"],
  });
}

/** The bureau accepts or returns a closure application. */
export async function reviewClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "closure:review",
    schema: decideClosureSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => reviewClosure(db, actor, input).then(afterCommit),
    success: formData.get("decision") === "RETURN" ? "closureReturned" : "closureAccepted",
    revalidate: ["/measures", "/review"],
  });
}

/** A leader signs off (or sends back) an accepted closure application. */
export async function signoffClosureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "closure:signoff",
    schema: decideClosureSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => signoffClosure(db, actor, input).then(afterCommit),
    success: formData.get("decision") === "RETURN" ? "closureReturned" : "closureSignedOff",
    revalidate: ["/measures", "/review"],
  });
}

/** The bureau reopens a closed measure with a reason. */
export async function reopenMeasureAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "closure:review",
    schema: reopenMeasureSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => reopenMeasure(db, actor, input).then(afterCommit),
    success: "closureReopened",
    revalidate: ["/measures"],
  });
}

/** The bureau declares an ongoing measure 常态化, or withdraws it. */
export async function setNormalizedAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "closure:review",
    schema: setNormalizedSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => setNormalized(db, actor, input),
    success: formData.get("normalized") === "true" ? "normalizedSet" : "normalizedCleared",
    revalidate: ["/measures"],
  });
}

/** An administrator sets a plan's 进度 thresholds and whether closures need a leader's sign-off. */
export async function setProgressSettingsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "plan:manage",
    schema: progressSettingsSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => setProgressSettings(db, actor, input),
    success: "progressSettingsSaved",
    revalidate: ["/plans"],
  });
}
