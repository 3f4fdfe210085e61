import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { getCurrentPlan } from "@/features/plan/queries";
import { planHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";

/** The current plan (src/lib/plan-lifecycle.ts `currentPlan`): the running one that started last, else the most recent. */
export default async function PlansPage() {
  await requirePermission("plan:read");
  const plan = await getCurrentPlan();
  if (plan) redirect(planHref(plan));
  const t = await getTranslations("plan");
  return <EmptyState title={t("noPlan")} hint={t("noPlanHint")} />;
}
