import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { PlanStatus } from "@/lib/plan-lifecycle";

const TONE = { DRAFT: "warning", ACTIVE: "success", ENDED: "neutral", ARCHIVED: "neutral" } as const satisfies Record<PlanStatus, string>;

/** A plan's state: 草稿, 执行中, 已结束, 已归档. */
export async function PlanStatusBadge({ status, className }: { status: PlanStatus; className?: string }) {
  const t = await getTranslations("plan");
  return (
    <Badge tone={TONE[status]} className={className} data-testid="plan-status">
      {t(`status${status}`)}
    </Badge>
  );
}
