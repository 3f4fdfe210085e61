import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";

/**
 * "N items; showing a–b" with previous/next links; nothing when everything fits on one page.
 * Pages hold `pageSize` items each, unless `from` and `pageCount` say otherwise (pages of whole
 * groups, such as key tasks with their measures).
 */
export async function Pager({
  total,
  page,
  pageSize,
  shown,
  href,
  from: firstIndex,
  pageCount,
}: {
  total: number;
  page: number;
  pageSize: number;
  shown: number;
  href: (page: number) => string;
  from?: number;
  pageCount?: number;
}) {
  const pages = pageCount ?? Math.ceil(total / pageSize);
  if (pages <= 1 && page === 1) return null;
  const t = await getTranslations("reports");
  const from = firstIndex ?? (page - 1) * pageSize;
  const summary = t("showing", { count: total, from: total ? from + 1 : 0, to: from + shown });
  return (
    <nav className="mt-4 flex items-center gap-2 text-sm" aria-label={summary} data-testid="pager">
      <span className="text-muted-foreground">{summary}</span>
      {page > 1 ? (
        <Button variant="outline" size="sm" asChild>
          <Link href={href(page - 1)}>{t("previous")}</Link>
        </Button>
      ) : null}
      {page < pages ? (
        <Button variant="outline" size="sm" asChild>
          <Link href={href(page + 1)}>{t("next")}</Link>
        </Button>
      ) : null}
    </nav>
  );
}
