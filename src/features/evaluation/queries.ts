import "server-only";
import { can, type Principal } from "@/lib/permissions";
import { db } from "@/server/db";
import { loadEvaluation, type EvaluationData } from "./facts";

/** A plan's evaluation data for a caller who may read it (evaluation:read); null otherwise or when there is no such plan. */
export async function readEvaluation(actor: Principal | null, planCode: string): Promise<EvaluationData | null> {
  if (!can(actor, "evaluation:read")) return null;
  return loadEvaluation(db, planCode);
}
