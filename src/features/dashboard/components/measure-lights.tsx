import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";
import type { Dashboard } from "../compute";
import { LightLabel, ProgressLabel } from "./status-label";

export type MeasureLights = Dashboard["measures"][number];

/** A measure's two lights side by side: 报送 (is reporting on time) and 进度 (is the work on schedule). */
export async function MeasureLightsPair({ lights, className }: { lights: MeasureLights | undefined | null; className?: string }) {
  if (!lights) return <span className="text-muted-foreground">—</span>;
  const t = await getTranslations("dashboard");
  return (
    <span className={cn("inline-flex flex-col gap-0.5 text-xs", className)} data-testid="measure-lights-pair">
      <span className="inline-flex items-center gap-1" data-testid="reporting-light" data-light={lights.light}>
        <span className="text-muted-foreground">{t("lightReporting")}</span>
        <LightLabel light={lights.light} />
      </span>
      <span className="inline-flex items-center gap-1">
        <span className="text-muted-foreground">{t("lightProgress")}</span>
        <ProgressLabel progress={lights.progress} />
      </span>
    </span>
  );
}
