import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";

/**
 * 待确认: the measure's deadline is before the plan starts (6.5 「2020年底前」) and no administrator has
 * confirmed it, so it owes nothing yet (decision 020). Shown wherever the measure's schedule is.
 */
export async function AwaitsConfirmationBadge({ className }: { className?: string }) {
  const t = await getTranslations("plan");
  return (
    <Badge tone="warning" title={t("awaitsConfirmationTitle")} data-testid="awaits-confirmation" className={className}>
      {t("awaitsConfirmation")}
    </Badge>
  );
}
