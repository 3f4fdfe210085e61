import { getTranslations } from "next-intl/server";
import { getCurrentPlan } from "@/features/plan/queries";
import { canAtAll } from "@/lib/permissions";
import { planExportHref } from "@/lib/plan-urls";
import { getActor } from "@/server/auth";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The earlier, plan-less address of the quarterly export: sends the caller to the current plan's export with the same query. */
async function currentPlanExport(request: Request) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  if (!canAtAll(actor, "export:read")) return text(t("exportForbidden"), 403);
  const plan = await getCurrentPlan();
  if (!plan) return text(t("noPlan"), 404);
  const url = new URL(request.url);
  return new Response(null, { status: 307, headers: { Location: planExportHref(plan, url.searchParams), "Cache-Control": "private, no-store" } });
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(currentPlanExport);
