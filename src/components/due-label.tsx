import { getLocale, getTranslations } from "next-intl/server";
import type { NextDue } from "@/lib/status";
import { periodLabel } from "@/lib/periods";
import { cn } from "@/lib/cn";

/** When a measure's next report is due (the day its report form names), in words. */
export async function DueLabel({ due, className }: { due: NextDue; className?: string }) {
  const [t, locale] = await Promise.all([getTranslations("due"), getLocale()]);
  switch (due.kind) {
    case "upcoming":
      return <span className={cn("tabular-nums", className)}>{t("next", { date: due.date, period: periodLabel(due.period, locale) })}</span>;
    case "passed":
      return <span className={cn("tabular-nums text-muted-foreground", className)}>{t("passed", { date: due.date, period: periodLabel(due.period, locale) })}</span>;
    case "closed":
      return <span className={cn("tabular-nums text-muted-foreground", className)}>{t("closed", { date: due.date })}</span>;
    case "none":
      return <span className={cn("text-muted-foreground", className)}>{t("none")}</span>;
    case "unscheduled":
      return <span className={cn("font-medium text-amber-700", className)}>{t("unscheduled")}</span>;
  }
}
