import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { todayInChina } from "@/lib/due";
import type { Verdict } from "@/lib/evaluation";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { loadEvaluation } from "./facts";

/** An expected refusal of an evaluation rule (a key under "evaluation"). Nothing was changed. */
export class EvaluationRuleError extends RuleError {
  constructor(key: "notFound" | "notEvaluable" | "reasonRequired" | "conflict") {
    super("evaluation", key);
  }
}

/**
 * The bureau confirms the verdict the data propose for a measure of an ended plan, or changes it
 * with a reason (终期评估). The proposal is computed afresh from the data at this moment and stored
 * beside the verdict; a second confirmation replaces the first when it was based on the version
 * shown (optimistic on `version`). One transaction with its audit event; an archived plan is read-only.
 */
export async function confirmVerdict(
  db: PrismaClient,
  actor: Actor,
  input: { measureId: string; verdict: Verdict; reason: string; expectedVersion: number },
  today = todayInChina(),
): Promise<{ verdict: Verdict; proposed: Verdict; version: number }> {
  authorize(actor, "evaluation:write");
  const measure = await db.measure.findFirst({
    where: { id: input.measureId, withdrawnAt: null, keyTask: { withdrawnAt: null } },
    select: { id: true, keyTask: { select: { plan: { select: { id: true, code: true } } } } },
  });
  if (!measure) throw new EvaluationRuleError("notFound");
  const plan = measure.keyTask.plan;
  await refuseReadOnlyPlan(db, { planId: plan.id });
  const data = await loadEvaluation(db, plan.code, today);
  const record = data?.tasks.flatMap((t) => t.measures).find((m) => m.id === measure.id);
  if (!data || !record) throw new EvaluationRuleError("notFound");
  if (!data.evaluable) throw new EvaluationRuleError("notEvaluable");
  const reason = input.reason.trim();
  if (input.verdict !== record.proposed && !reason) throw new EvaluationRuleError("reasonRequired");
  const after = { proposed: record.proposed, verdict: input.verdict, reason: input.verdict === record.proposed ? reason || null : reason };
  return db.$transaction(async (tx) => {
    await refuseReadOnlyPlan(tx, { planId: plan.id });
    const before = await tx.measureEvaluation.findUnique({ where: { measureId: measure.id }, select: { id: true, proposed: true, verdict: true, reason: true, version: true } });
    if ((before?.version ?? 0) !== input.expectedVersion) throw new EvaluationRuleError("conflict");
    const confirmedAt = new Date();
    const saved = before
      ? await tx.measureEvaluation.update({ where: { id: before.id }, data: { ...after, confirmedById: actor.id || "command line", confirmedAt, version: { increment: 1 } } })
      : await tx.measureEvaluation.create({ data: { planId: plan.id, measureId: measure.id, ...after, confirmedById: actor.id || "command line", confirmedAt } });
    await recordActorEvent(tx, actor, {
      action: input.verdict === record.proposed ? "evaluation.confirm" : "evaluation.change",
      entityType: "Measure",
      entityId: measure.id,
      before: before ? { proposed: before.proposed, verdict: before.verdict, reason: before.reason } : null,
      after,
    });
    return { verdict: saved.verdict, proposed: saved.proposed, version: saved.version };
  });
}
