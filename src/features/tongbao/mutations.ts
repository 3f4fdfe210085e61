import type { PrismaClient } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { authorize, type Actor } from "@/lib/permissions";
import { DEFAULT_RANKING_LISTS, validLists, validWeights, type RankingLists, type RankingWeights } from "@/lib/ranking";
import { RuleError } from "@/lib/rule-error";

/** An expected refusal of a ranking-weights change. Nothing was changed. Messages are keys under "reports". */
export class RankingRuleError extends RuleError {
  constructor(key: "rankingWeights" | "rankingWeightsSum" | "rankingLists" | "notFound") {
    super("reports", key);
  }
}

/**
 * An administrator sets the weights of a plan's 通报 ranking (decision 027) and its 红黑榜 thresholds
 * (decision 032; left out, the defaults); audited in the same transaction.
 */
export async function setRankingWeights(db: PrismaClient, actor: Actor, input: { planId: string } & RankingWeights & Partial<RankingLists>): Promise<void> {
  authorize(actor, "plan:manage");
  const weights = { timeliness: input.timeliness, progress: input.progress, returns: input.returns, notices: input.notices };
  if (!validWeights(weights)) throw new RankingRuleError(Object.values(weights).every((w) => Number.isInteger(w) && w >= 0 && w <= 100) ? "rankingWeightsSum" : "rankingWeights");
  const lists = { redMinScore: input.redMinScore ?? DEFAULT_RANKING_LISTS.redMinScore, redTop: input.redTop ?? DEFAULT_RANKING_LISTS.redTop, blackBelow: input.blackBelow ?? DEFAULT_RANKING_LISTS.blackBelow };
  if (!validLists(lists)) throw new RankingRuleError("rankingLists");
  await db.$transaction(async (tx) => {
    const plan = await tx.plan.findUnique({
      where: { id: input.planId },
      select: { rankTimelinessWeight: true, rankProgressWeight: true, rankReturnsWeight: true, rankNoticesWeight: true, rankRedMinScore: true, rankRedTop: true, rankBlackBelow: true },
    });
    if (!plan) throw new RankingRuleError("notFound");
    await refuseReadOnlyPlan(tx, { planId: input.planId });
    const after = {
      rankTimelinessWeight: weights.timeliness,
      rankProgressWeight: weights.progress,
      rankReturnsWeight: weights.returns,
      rankNoticesWeight: weights.notices,
      rankRedMinScore: lists.redMinScore,
      rankRedTop: lists.redTop,
      rankBlackBelow: lists.blackBelow,
    };
    await tx.plan.update({ where: { id: input.planId }, data: after });
    await recordActorEvent(tx, actor, { action: "plan.ranking_weights", entityType: "Plan", entityId: input.planId, before: plan, after });
  });
}
