import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/form";
import { cn } from "@/lib/cn";

/** The "as of" day picker of the overview and the task timelines; the day travels in the URL. */
export async function AsOfForm({ asOf, todayHref, className }: { asOf: string; todayHref?: string; className?: string }) {
  const t = await getTranslations("dashboard");
  return (
    <form method="get" className={cn("flex flex-wrap items-end gap-3", className)}>
      <div className="flex flex-col gap-1">
        <Label htmlFor="asOf">{t("asOf")}</Label>
        <Input id="asOf" name="asOf" type="date" defaultValue={asOf} className="w-44" />
      </div>
      <Button type="submit">{t("apply")}</Button>
      {todayHref ? (
        <Button variant="ghost" asChild>
          <Link href={todayHref}>{t("today")}</Link>
        </Button>
      ) : null}
    </form>
  );
}
