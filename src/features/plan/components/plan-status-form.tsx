import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { planLifecycle, type PlanStatus } from "@/lib/plan-lifecycle";
import { setPlanStatusAction } from "../actions";

/** The administrator's control on a plan's page: one button per state the lifecycle allows next. */
export async function PlanStatusForm({ planId, status, className }: { planId: string; status: PlanStatus; className?: string }) {
  const [t, tc] = await Promise.all([getTranslations("plan"), getTranslations("common")]);
  return (
    <section aria-labelledby="plan-lifecycle" className={className} data-testid="plan-lifecycle">
      <div className="rounded-lg border border-border bg-card p-4">
        <h2 id="plan-lifecycle" className="text-sm font-medium">
          {tc("labelled", { label: t("lifecycle") })}{t(`status${status}`)}
        </h2>
        <p className="mb-3 mt-1 text-xs text-muted-foreground">{t("lifecycleHint")}</p>
        {/* One form, a button per next state: the answer stays beside the buttons after the page shows the new state. */}
        <ActionForm action={setPlanStatusAction} className="flex flex-col gap-2">
          <input type="hidden" name="planId" value={planId} />
          <input type="hidden" name="from" value={status} />
          <div className="flex flex-wrap gap-2">
            {planLifecycle[status].next.map((to) => (
              <Button key={to} size="sm" variant={to === "ARCHIVED" ? "destructive" : "outline"} type="submit" name="to" value={to} data-testid={`plan-move-${to}`}>
                {t("moveTo", { status: t(`status${to}`) })}
              </Button>
            ))}
          </div>
        </ActionForm>
      </div>
    </section>
  );
}
