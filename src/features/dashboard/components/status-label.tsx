import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { Light, ProgressState, Status } from "@/lib/status";

export const lightClass: Record<Light, string> = { RED: "bg-red-600", YELLOW: "bg-amber-400", GREEN: "bg-emerald-600" };

const statusTone = {
  OVERDUE: "danger",
  DUE_SOON: "warning",
  ON_TRACK: "primary",
  NOT_STARTED: "neutral",
  COMPLETED_LATE: "warning",
  COMPLETED: "success",
  WAIVED: "neutral",
} as const satisfies Record<Status, string>;

/** A status in words (src/lib/status.ts), or a dash when the overview does not rate the item. */
export async function StatusBadge({ status }: { status: Status | null }) {
  if (!status) return <span className="text-muted-foreground">—</span>;
  const t = await getTranslations("dashboard");
  return <Badge tone={statusTone[status]}>{t(`status${status}`)}</Badge>;
}

/** A traffic light as a coloured dot with its name beside it, never colour alone. */
export async function LightLabel({ light, className }: { light: Light | null; className?: string }) {
  if (!light) return <span className="text-muted-foreground">—</span>;
  const t = await getTranslations("dashboard");
  return (
    <span className={cn("inline-flex items-center gap-1.5 whitespace-nowrap", className)}>
      <span className={cn("size-3 rounded-full", lightClass[light])} aria-hidden />
      {t(`light${light}`)}
    </span>
  );
}

/** A measure's 进度 light (src/lib/status.ts measureProgress) with its state in words, and the day it was closed when it was. */
export async function ProgressLabel({ progress, className }: { progress: { light: Light; state: ProgressState; behind: number | null; closedOn: string | null } | null; className?: string }) {
  if (!progress) return <span className="text-muted-foreground">—</span>;
  const t = await getTranslations("dashboard");
  const words = progress.closedOn ? t("closedOn", { date: progress.closedOn }) : t(`progress${progress.state}`);
  return (
    <span
      className={cn("inline-flex items-center gap-1.5 whitespace-nowrap", className)}
      data-testid="progress-light"
      data-light={progress.light}
      title={progress.behind ? t("progressBehind", { points: progress.behind }) : undefined}
    >
      <span className={cn("size-3 rounded-sm", lightClass[progress.light])} aria-hidden />
      {words}
    </span>
  );
}
