"use server";

import type { ActionState } from "@/lib/action-state";
import { db } from "@/server/db";
import { runAction } from "@/server/run-action";
import { setRankingWeights } from "./mutations";
import { rankingWeightsSchema } from "./schemas";

/** An administrator sets the weights of a plan's 通报 ranking. */
export async function setRankingWeightsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "plan:manage",
    schema: rankingWeightsSchema,
    input: Object.fromEntries(formData),
    namespace: "reports",
    mutate: (actor, input) => setRankingWeights(db, actor, input),
    success: "rankingWeightsSaved",
    revalidate: ["/plans"],
  });
}
