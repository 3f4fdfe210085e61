import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";

/** Hours, minutes and seconds of a moment in China, as 14:03:07. */
export function chinaTimeOfDay(iso: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).format(new Date(iso));
}

/** "数据更新于 HH:mm:ss": when the stored history behind the figures was read (China time). */
export async function UpdatedAt({ at, className }: { at: string; className?: string }) {
  const t = await getTranslations("dashboard");
  return (
    <time dateTime={at} className={cn("text-xs text-muted-foreground tabular-nums", className)} data-testid="figures-updated-at">
      {t("updatedAt", { time: chinaTimeOfDay(at) })}
    </time>
  );
}
