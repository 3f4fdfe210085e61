import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { listDepartments } from "@/features/plan/queries";
import { getReviewQueue, getReviewQueueFacets, REVIEW_PAGE_SIZE } from "@/features/reports/queries";
import { chinaDateTime, isoDay } from "@/lib/due";
import { periodLabel } from "@/lib/periods";
import { dayInput, idInput } from "@/lib/input";
import { requirePermission } from "@/server/auth";
import { PendingClosures } from "@/features/closure/components/pending-closures";

const filtersSchema = z.object({
  dept: idInput().optional().catch(undefined),
  task: idInput().optional().catch(undefined),
  // A period as "QUARTER:2025-12-31": its kind and its last day.
  period: z
    .string()
    .transform((v) => ({ kind: v.split(":")[0], periodEnd: v.split(":")[1] }))
    .pipe(z.object({ kind: z.enum(["QUARTER", "MILESTONE", "MONTH", "HALF_YEAR", "YEAR"]), periodEnd: dayInput() }))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("report:review");
  const raw = await searchParams;
  const filters = filtersSchema.parse({ dept: raw.dept || undefined, task: raw.task || undefined, period: raw.period || undefined, page: raw.page ?? 1 });
  const [t, tp, locale, departments, facets, { rows: queue, total }] = await Promise.all([
    getTranslations("reports"),
    getTranslations("plan"),
    getLocale(),
    listDepartments(),
    getReviewQueueFacets(user),
    getReviewQueue(user, { departmentId: filters.dept, keyTaskId: filters.task, period: filters.period, page: filters.page }),
  ]);
  const periodValue = (p: { kind: string; periodEnd: string }) => `${p.kind}:${p.periodEnd}`;
  const severalPlans = new Set(facets.keyTasks.map((k) => k.plan.title)).size > 1;
  const pageLink = (page: number) =>
    `/review?${new URLSearchParams({ ...(filters.dept ? { dept: filters.dept } : {}), ...(filters.task ? { task: filters.task } : {}), ...(filters.period ? { period: periodValue(filters.period) } : {}), page: String(page) })}`;
  return (
    <>
      <PageHeader title={t("reviewTitle")} description={t("reviewHint")} />
      <PendingClosures user={user} />
      <form method="get" role="search" className="mb-5 flex flex-col gap-3 rounded-lg border border-border bg-card p-4 sm:flex-row sm:items-end">
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="dept">{t("department")}</Label>
          <Select id="dept" name="dept" defaultValue={filters.dept ?? ""}>
            <option value="">{tp("allDepartments")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.shortName}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="task">{tp("filterTask")}</Label>
          <Select id="task" name="task" defaultValue={filters.task ?? ""}>
            <option value="">{tp("allTasks")}</option>
            {facets.keyTasks.map((k) => (
              <option key={k.id} value={k.id}>
                {severalPlans ? `${k.plan.title} · ` : ""}
                {k.number}. {k.title}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="period">{t("period")}</Label>
          <Select id="period" name="period" defaultValue={filters.period ? periodValue(filters.period) : ""}>
            <option value="">{t("allPeriods")}</option>
            {facets.periods.map((p) => (
              <option key={periodValue(p)} value={periodValue(p)}>
                {periodLabel(p, locale)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{tp("applyFilters")}</Button>
      </form>
      {queue.length === 0 ? (
        <EmptyState title={t("queueEmpty")} />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{t("submittedAt")}</Th>
                <Th>{t("department")}</Th>
                <Th>{t("measure")}</Th>
                <Th>{t("period")}</Th>
                <Th>{t("role")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {queue.map((r) => (
                <tr key={r.id} data-testid="review-row">
                  <Td className="whitespace-nowrap tabular-nums">{r.submittedAt ? chinaDateTime(r.submittedAt) : "—"}</Td>
                  <Td>{r.department.shortName}</Td>
                  <Td>
                    <span className="mr-1 tabular-nums text-muted-foreground">
                      {r.measure.keyTask.number}.{r.measure.number}
                    </span>
                    <span className="line-clamp-2">{r.measure.text}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{periodLabel({ kind: r.period.kind, periodEnd: isoDay(r.period.periodEnd) }, locale)}</Td>
                  <Td>
                    <Badge tone={r.isLead ? "primary" : "neutral"}>{r.isLead ? t("asLead") : t("asSupport")}</Badge>
                  </Td>
                  <Td>
                    <Button size="sm" asChild>
                      <Link href={`/reports/${r.period.id}#report-${r.id}`}>{t("view")}</Link>
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      <Pager total={total} page={filters.page} pageSize={REVIEW_PAGE_SIZE} shown={queue.length} href={pageLink} />
    </>
  );
}
