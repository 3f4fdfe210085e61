import { getTranslations } from "next-intl/server";
import type { NextDue } from "@/lib/due";
import { cn } from "@/lib/cn";

/** The next due date of a measure, in words. */
export async function DueLabel({ due, className }: { due: NextDue; className?: string }) {
  const t = await getTranslations("due");
  switch (due.kind) {
    case "upcoming":
      return <span className={cn("tabular-nums", className)}>{due.basis === "report" ? t("nextReport", { date: due.date }) : t("next", { date: due.date })}</span>;
    case "passed":
      return <span className={cn("tabular-nums text-muted-foreground", className)}>{t("passed", { date: due.date })}</span>;
    case "ended":
      return <span className={cn("text-muted-foreground", className)}>{t("ongoingEnded")}</span>;
    case "unscheduled":
      return <span className={cn("font-medium text-amber-700", className)}>{t("unscheduled")}</span>;
  }
}
