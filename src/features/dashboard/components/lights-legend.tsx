import { getTranslations } from "next-intl/server";
import type { ProgressThresholds } from "@/lib/status";

/** What the two lights mean (报送 and 进度) and what 已完成 means, with the plan's own thresholds. */
export async function LightsLegend({ thresholds, className }: { thresholds: ProgressThresholds; className?: string }) {
  const t = await getTranslations("dashboard");
  return (
    <details className={className} data-testid="lights-legend">
      <summary className="cursor-pointer text-sm font-medium text-primary">{t("legendTitle")}</summary>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-sm text-muted-foreground">
        <li>{t("legendReporting")}</li>
        <li>{t("legendProgress", { yellow: thresholds.yellowPoints, red: thresholds.redPoints })}</li>
        <li>{t("legendClosed")}</li>
      </ul>
    </details>
  );
}
