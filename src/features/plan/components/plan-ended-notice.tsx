import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { planEndDay, planLifecycle, type PlanDates } from "@/lib/plan-lifecycle";

/** Says so on every view of a plan that has ended (已结束) or was archived (已归档); nothing for a running plan or a draft. */
export async function PlanEndedNotice({ plan, className }: { plan: PlanDates; className?: string }) {
  if (!planLifecycle[plan.status].opensAtEnd) return null;
  const t = await getTranslations("dashboard");
  const tp = await getTranslations("plan");
  return (
    <Alert tone="warning" className={className} data-testid="plan-ended">
      <strong className="mr-1">{tp(`status${plan.status}`)}</strong>
      {t("planEndedNote", { date: planEndDay(plan) })}
      {planLifecycle[plan.status].writable ? null : <span className="block">{tp("archivedNote")}</span>}
    </Alert>
  );
}
