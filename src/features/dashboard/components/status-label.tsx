import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { Light, Status } from "@/lib/status";

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
