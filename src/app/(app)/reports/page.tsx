import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label, Select } from "@/components/ui/form";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { getWorklist, type WorklistItem } from "@/features/reports/queries";
import { todayInChina } from "@/lib/due";
import { quarterKeyLabel } from "@/lib/periods";
import { can } from "@/lib/permissions";
import { arrangeWorklist, filterWorklist, parseWorklistFilter, quarterKeyOf, WORKLIST_STATUSES } from "@/lib/worklist";
import { requireUser } from "@/server/auth";

const PAGE_SIZE = 50;
const urgencyTone = { RETURNED: "danger", OVERDUE: "danger", DUE_SOON: "warning", OPEN: "primary", UPCOMING: "neutral" } as const;
/** The columns of a row on a wide screen; on a phone each row is a card. */
const COLUMNS = "md:grid md:grid-cols-[6.5rem_3.5rem_minmax(0,1fr)_8.5rem_7rem_5.5rem_4.5rem] md:items-center md:gap-3";

/**
 * 我的填报 (decision 028): what needs action now first (returned, due soon, overdue and open in a
 * running plan), the history of ended plans apart by quarter, folded; filters by plan, status and
 * quarter in the address.
 */
export default async function MyReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!user.departmentId || !can(user, "report:write", { departmentId: user.departmentId })) forbidden();
  const params = await searchParams;
  const page = z.coerce.number().int().min(1).catch(1).parse(params.page ?? 1);
  const [t, tp, locale] = await Promise.all([getTranslations("reports"), getTranslations("plan"), getLocale()]);
  const items = await getWorklist(user, user.departmentId, todayInChina(), locale);

  const plans = [...new Map(items.map((i) => [i.planCode, i.planTitle])).entries()];
  const quarters = [...new Set(items.map((i) => quarterKeyOf(i.periodEnd)))].sort().reverse();
  const filter = parseWorklistFilter(params, plans.map(([code]) => code));
  const filtered = filter.plan || filter.status || filter.quarter;
  const { now, history } = arrangeWorklist(filterWorklist(items, filter));
  const historyCount = history.reduce((n, g) => n + g.items.length, 0);
  const from = (page - 1) * PAGE_SIZE;
  const shown = now.slice(from, from + PAGE_SIZE);
  const query = (p?: number) => {
    const q = new URLSearchParams();
    if (filter.plan) q.set("plan", filter.plan);
    if (filter.status) q.set("status", filter.status);
    if (filter.quarter) q.set("quarter", filter.quarter);
    if (p && p > 1) q.set("page", String(p));
    const s = q.toString();
    return s ? `/reports?${s}` : "/reports";
  };
  const showPlan = plans.length > 1;

  return (
    <>
      <PageHeader title={t("myReportsTitle")} description={t("myReportsHint")} />
      {items.length === 0 ? (
        <EmptyState title={t("nothingDue")} />
      ) : (
        <>
          <form method="get" role="search" className="mb-5 grid grid-cols-2 gap-3 rounded-lg border border-border bg-card p-4 lg:grid-cols-[1fr_10rem_10rem_auto] lg:items-end" data-testid="worklist-filters">
            <div className="col-span-2 flex min-w-0 flex-col gap-1 lg:col-span-1">
              <Label htmlFor="worklist-plan">{t("filterPlan")}</Label>
              <Select id="worklist-plan" name="plan" defaultValue={filter.plan ?? ""}>
                <option value="">{t("allPlans")}</option>
                {plans.map(([code, title]) => (
                  <option key={code} value={code}>
                    {title}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <Label htmlFor="worklist-status">{t("state")}</Label>
              <Select id="worklist-status" name="status" defaultValue={filter.status ?? ""}>
                <option value="">{t("allStatuses")}</option>
                {WORKLIST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`urgency${s}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <Label htmlFor="worklist-quarter">{t("filterQuarter")}</Label>
              <Select id="worklist-quarter" name="quarter" defaultValue={filter.quarter ?? ""}>
                <option value="">{t("allQuarters")}</option>
                {quarters.map((q) => (
                  <option key={q} value={q}>
                    {quarterKeyLabel(q, locale).text}
                  </option>
                ))}
              </Select>
            </div>
            <div className="col-span-2 flex gap-2 lg:col-span-1">
              <Button type="submit" className="flex-1 lg:flex-none">
                {tp("applyFilters")}
              </Button>
              {filtered ? (
                <Button variant="outline" asChild className="flex-1 lg:flex-none">
                  <Link href="/reports">{tp("clearFilters")}</Link>
                </Button>
              ) : null}
            </div>
          </form>

          <section aria-labelledby="worklist-now-title" data-testid="worklist-now">
            <h2 id="worklist-now-title" className="mb-2 text-base font-semibold">
              {t("actionNow", { count: now.length })}
            </h2>
            {now.length === 0 ? (
              <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted-foreground">{filtered ? t("nothingMatches") : t("nothingNow")}</p>
            ) : (
              <>
                <WorklistRows items={shown} showPlan={showPlan} />
                <Pager total={now.length} page={page} pageSize={PAGE_SIZE} shown={shown.length} href={query} />
              </>
            )}
          </section>

          {historyCount > 0 ? (
            <details className="group mt-6 rounded-lg border border-border bg-card" open={now.length === 0} data-testid="worklist-history">
              <summary className="cursor-pointer px-4 py-3 text-sm font-medium">
                {t("worklistHistory", { count: historyCount })}
                <span className="ml-2 font-normal text-muted-foreground">{t("historyHint")}</span>
              </summary>
              <div className="flex flex-col gap-4 border-t border-border p-2 sm:p-4">
                {history.map((g) => (
                  <section key={g.quarter} aria-label={quarterKeyLabel(g.quarter, locale).text} data-testid="worklist-quarter" data-quarter={g.quarter}>
                    <h3 className="mb-2 px-2 text-sm font-semibold text-muted-foreground">
                      {quarterKeyLabel(g.quarter, locale).text}（{g.items.length}）
                    </h3>
                    <WorklistRows items={g.items} showPlan={showPlan} />
                  </section>
                ))}
              </div>
            </details>
          ) : null}
        </>
      )}
    </>
  );
}

/** Rows on a wide screen (with a header), cards on a phone: the whole measure text, the state and the 填报 button always in view. */
async function WorklistRows({ items, showPlan }: { items: WorklistItem[]; showPlan: boolean }) {
  const [t, tp] = await Promise.all([getTranslations("reports"), getTranslations("plan")]);
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-card">
      <div className={`hidden border-b border-border bg-muted/50 px-4 py-2 text-xs font-medium text-muted-foreground ${COLUMNS}`} aria-hidden>
        <span>{t("state")}</span>
        <span>{tp("colNumber")}</span>
        <span>{t("measure")}</span>
        <span>{t("period")}</span>
        <span>{t("dueDate")}</span>
        <span>{t("role")}</span>
        <span />
      </div>
      <ul className="divide-y divide-border">
        {items.map((item) => (
          <li key={item.periodId} className={`flex flex-col gap-2 px-4 py-3 ${COLUMNS}`} data-testid="worklist-row" data-urgency={item.urgency}>
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={urgencyTone[item.urgency]}>{t(`urgency${item.urgency}`)}</Badge>
              {item.state === "DRAFT" ? <span className="text-xs text-muted-foreground">{t("stateDRAFT")}</span> : null}
              <span className="text-sm font-semibold tabular-nums text-muted-foreground md:hidden">
                {item.number} · {item.period}
              </span>
            </div>
            <span className="hidden tabular-nums text-sm text-muted-foreground md:block">{item.number}</span>
            <div className="min-w-0 text-sm">
              <p className="line-clamp-3 md:line-clamp-2">{item.measureText}</p>
              {showPlan ? <p className="mt-0.5 truncate text-xs text-muted-foreground">{item.planTitle}</p> : null}
            </div>
            <span className="hidden text-sm md:block">{item.period}</span>
            <div className="flex flex-wrap items-baseline gap-x-3 text-sm tabular-nums">
              <span>
                <span className="text-muted-foreground md:hidden">{t("dueDate")} </span>
                {item.dueDate}
              </span>
              {item.dueDate !== item.originalDueDate ? <span className="text-xs text-amber-700">{t("delayed", { date: item.originalDueDate })}</span> : null}
              <span className="whitespace-nowrap text-muted-foreground md:hidden">· {item.isLead ? t("asLead") : t("asSupport")}</span>
            </div>
            <span className="hidden whitespace-nowrap text-sm md:block">{item.isLead ? t("asLead") : t("asSupport")}</span>
            <Button size="sm" asChild className="w-full md:w-auto">
              <Link href={`/reports/${item.periodId}`}>{t("open")}</Link>
            </Button>
          </li>
        ))}
      </ul>
    </div>
  );
}
