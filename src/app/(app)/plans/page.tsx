import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { listPlans } from "@/features/plan/queries";
import { requirePermission } from "@/server/auth";

/** The current plan: the active one that started last. */
export default async function PlansPage() {
  await requirePermission("plan:read");
  const plans = await listPlans();
  if (plans.length > 0) redirect(`/plans/${plans[0].id}`);
  const t = await getTranslations("plan");
  return <EmptyState title={t("noPlan")} hint={t("noPlanHint")} />;
}
