import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/form";
import { Alert } from "@/components/ui/alert";
import { cn } from "@/lib/cn";
import { asOfProblem } from "../as-of";
import { DateInput } from "@/components/ui/date-input";

/**
 * The "as of" day picker of the overview and the task timelines; the day travels in the URL. When
 * the day asked for (`requested`, the URL's value) could not be used, it says so and which day is shown.
 */
export async function AsOfForm({ asOf, requested, todayHref, className }: { asOf: string; requested?: string | string[]; todayHref?: string; className?: string }) {
  const t = await getTranslations("dashboard");
  return (
    <>
    <AsOfProblem requested={requested} shown={asOf} />
    <form method="get" className={cn("flex flex-wrap items-end gap-3", className)}>
      <div className="flex flex-col gap-1">
        <Label htmlFor="asOf">{t("asOf")}</Label>
        <DateInput id="asOf" name="asOf" defaultValue={asOf} className="w-44" />
      </div>
      <Button type="submit">{t("apply")}</Button>
      {todayHref ? (
        <Button variant="ghost" asChild>
          <Link href={todayHref}>{t("today")}</Link>
        </Button>
      ) : null}
    </form>
    </>
  );
}

/** Says so when the day asked for in the URL could not be used, and which day is shown instead. */
export async function AsOfProblem({ requested, shown }: { requested?: string | string[]; shown: string }) {
  const problem = asOfProblem(requested);
  if (!problem) return null;
  const t = await getTranslations("dashboard");
  return (
    <Alert tone="warning" className="mb-3" data-testid="as-of-problem">
      {t(`asOfProblem_${problem}`, { value: String(requested), shown })}
    </Alert>
  );
}
