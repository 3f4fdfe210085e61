import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/empty-state";
import { redirectToCurrentPlan } from "@/features/plan/current";
import { requirePermission } from "@/server/auth";

/** Earlier address of a plan's view: goes to the same view of the current plan (src/lib/plan-lifecycle.ts `currentPlan`). */
export default async function CurrentPlanRedirect({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboard:read");
  await redirectToCurrentPlan("/dashboard/print", await searchParams);
  const t = await getTranslations("dashboard");
  return <EmptyState title={t("noPlan")} />;
}
