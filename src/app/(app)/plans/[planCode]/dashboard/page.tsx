import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { parseAsOf } from "@/features/dashboard/as-of";
import { durationParts, type DepartmentRow } from "@/features/dashboard/compute";
import { readDashboard } from "@/features/dashboard/read";
import { AsOfForm } from "@/features/dashboard/components/as-of-form";
import { HeatMap } from "@/features/dashboard/components/heat-map";
import { TaskProgress } from "@/features/dashboard/components/task-progress";
import { SubmissionsChart } from "@/features/dashboard/components/submissions-chart";
import { OverdueTable } from "@/features/dashboard/components/overdue-table";
import { lightClass } from "@/features/dashboard/components/status-label";
import { listHref, type ListFilter } from "@/features/dashboard/drill";
import { OVERVIEW_SORTS, overviewQuery, parseOverviewView, sortChange, type OverviewSort, type OverviewView } from "@/features/dashboard/overview-view";
import { UpdatedAt } from "@/features/dashboard/components/updated-at";
import { getPlanByCode } from "@/features/plan/queries";
import { PlanEndedNotice } from "@/features/plan/components/plan-ended-notice";
import { PlanStatusBadge } from "@/features/plan/components/plan-status-badge";
import { OpenInstructionsCard } from "@/features/instructions/components/open-instructions-card";
import { todayInChina } from "@/lib/due";
import { quarterKeyLabel } from "@/lib/periods";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { planExportHref, planHref, planPrintHref, planWordHref } from "@/lib/plan-urls";
import { parseReportQuarter } from "@/lib/report-quarter";
import { cn } from "@/lib/cn";
import { reportsForMeasure, type Light, type Status } from "@/lib/status";
import { requirePermission } from "@/server/auth";
import { LightsLegend } from "@/features/dashboard/components/lights-legend";
import { PendingClosures } from "@/features/closure/components/pending-closures";

const STATUSES: Status[] = ["OVERDUE", "DUE_SOON", "ON_TRACK", "NOT_STARTED", "COMPLETED_LATE", "COMPLETED"];
const COLUMN_LABEL = {
  shortName: "colDepartment",
  led: "colLed",
  supported: "colSupported",
  onTimePct: "colOnTime",
  overdue: "colOverdue",
  returned: "colReturned",
  avgReviewHours: "colReview",
} as const satisfies Record<OverviewSort, string>;
const TABLE_ROWS = 20;

/**
 * A figure that opens the list behind it; the label says what is counted, since the number alone
 * does not. A plain link rather than a client-side one: the overview has hundreds of them at
 * province scale, and each client link adds to the page's payload and to hydration.
 */
function FigureLink({ href, label, className, testId, children }: { href: string; label: string; className?: string; testId?: string; children: ReactNode }) {
  return (
    <a href={href} aria-label={label} className={cn("hover:underline", className)} data-testid={testId}>
      {children}
    </a>
  );
}


export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("dashboard:read");
  const [{ planCode }, raw] = await Promise.all([params, searchParams]);
  const [t, plan, locale] = await Promise.all([getTranslations("dashboard"), getPlanByCode(planCode), getLocale()]);
  if (!plan) notFound();
  // An ended plan opens on its last day (src/lib/plan-lifecycle.ts).
  const asOf = parseAsOf(raw.asOf, plan);
  const view = parseOverviewView(raw);
  const { sort, dir } = view;
  const d = await readDashboard(user, plan.id, asOf);
  if (!d) forbidden();
  // The lead's and joint leads' overdue periods, as the list behind this card counts them (drill.ts).
  const leadOverdue = d.overdue.filter(reportsForMeasure);
  // The 通报: of the quarter holding the day asked for, or by default the last complete quarter (an ended plan: its last).
  const reportQuery = typeof raw.asOf === "string" ? { quarter: parseReportQuarter({ asOf }, plan, todayInChina()).key } : undefined;

  const sorted = [...d.departments].sort((a, b) => {
    const va = a[sort as keyof DepartmentRow];
    const vb = b[sort as keyof DepartmentRow];
    const cmp = typeof va === "string" && typeof vb === "string" ? va.localeCompare(vb, "zh-CN") : (Number(va ?? -1) - Number(vb ?? -1));
    return dir === "asc" ? cmp : -cmp;
  });
  // A province has a hundred departments: the table and heat map show the first 20 in the chosen order unless asked for all.
  const showAll = view.allDepartments;
  const departments = showAll ? sorted : sorted.slice(0, TABLE_ROWS);
  // So do its key tasks: beyond 20, the ones with the most red lights (进度 and 报送) come first, all of them on request.
  const allTasks = view.allTasks;
  const tasks =
    allTasks || d.tasks.length <= TABLE_ROWS
      ? d.tasks
      : [...d.tasks].sort((a, b) => (b.progressRed ?? 0) + b.red - ((a.progressRed ?? 0) + a.red) || a.number - b.number).slice(0, TABLE_ROWS);
  // Each link changes one part of the view and keeps the rest (overview-view.ts).
  const q = (change: Partial<OverviewView>) => overviewQuery(asOf, view, change);
  const sortLink = (col: OverviewSort) => q(sortChange(view, col));
  // Every figure links to the list behind it, as of the same day.
  const list = (f: ListFilter) => listHref(plan, asOf, f);
  const figure = (label: string, value: string | number) => t("figureLink", { label, value: String(value) });
  const duration = (hours: number) => {
    const { unit, value } = durationParts(hours);
    return t(`duration${unit}`, { value });
  };

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <>
            <PlanStatusBadge status={plan.status} className="mr-2" /> {plan.title} · {t("historyNote", { date: asOf })}
            <UpdatedAt at={d.updatedAt} className="mt-1 block" />
          </>
        }
        actions={
          <>
            <Button variant="outline" asChild>
              <a href={planWordHref(plan, reportQuery)} data-testid="tongbao-word">
                {t("exportWord")}
              </a>
            </Button>
            <Button variant="outline" asChild>
              <a href={planExportHref(plan, reportQuery)} data-testid="tongbao-excel">
                {t("exportExcel")}
              </a>
            </Button>
            <Button variant="outline" asChild>
              <a href={planPrintHref(plan, reportQuery)} data-testid="tongbao-print">
                {t("printView")}
              </a>
            </Button>
          </>
        }
      />
      <PlanEndedNotice plan={plan} className="mb-4" />
      <AsOfForm asOf={asOf} requested={raw.asOf} todayHref={planLifecycle[plan.status].opensAtEnd ? planHref(plan, "dashboard", { asOf: todayInChina() }) : planHref(plan, "dashboard")} className="mb-6" />

      <PendingClosures user={user} />
      <section aria-labelledby="by-progress" className="mb-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <h2 id="by-progress" className="col-span-full text-sm font-semibold">
          {t("progressLights")}
        </h2>
        {(["RED", "YELLOW", "GREEN"] as Light[]).map((l) => (
          <a
            key={l}
            href={list({ metric: "measures", progress: l })}
            aria-label={figure(`${t("lightProgress")} ${t(`light${l}`)}`, d.byProgressLight[l])}
            className="flex items-center gap-3 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary"
            data-testid={`progress-${l}`}
          >
            <span className={cn("size-4 rounded-sm", lightClass[l])} aria-hidden />
            <div>
              <div className="text-xs text-muted-foreground">{t(`light${l}`)}</div>
              <div className="text-2xl font-semibold tabular-nums">{d.byProgressLight[l]}</div>
            </div>
          </a>
        ))}
        {(["DEADLINE_MISSED", "FAR_BEHIND", "CLOSED"] as const).map((s) => (
          <div key={s} className="rounded-lg border border-border bg-card px-4 py-3" data-testid={`progress-state-${s}`}>
            <div className="text-xs text-muted-foreground">{t(`progress${s}`)}</div>
            <div className="text-2xl font-semibold tabular-nums">{d.byProgress[s] ?? 0}</div>
          </div>
        ))}
      </section>
      <section aria-labelledby="by-light" className="mb-3 grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <h2 id="by-light" className="col-span-full text-sm font-semibold">
          {t("reportingLights")}
        </h2>
        {(["RED", "YELLOW", "GREEN"] as Light[]).map((l) => (
          <a
            key={l}
            href={list({ metric: "measures", light: l })}
            aria-label={figure(t(`light${l}`), d.byLight[l])}
            className="flex items-center gap-3 rounded-lg border border-border bg-card px-4 py-3 hover:border-primary"
            data-testid={`light-${l}`}
          >
            <span className={cn("size-4 rounded-full", lightClass[l])} aria-hidden />
            <div>
              <div className="text-xs text-muted-foreground">{t(`light${l}`)}</div>
              <div className="text-2xl font-semibold tabular-nums">{d.byLight[l]}</div>
            </div>
          </a>
        ))}
        {STATUSES.filter((s) => d.byStatus[s]).slice(0, 3).map((s) => (
          <a
            key={s}
            href={list({ metric: "measures", status: s })}
            aria-label={figure(t(`status${s}`), d.byStatus[s])}
            className="rounded-lg border border-border bg-card px-4 py-3 hover:border-primary"
            data-testid={`status-${s}`}
          >
            <div className="text-xs text-muted-foreground">{t(`status${s}`)}</div>
            <div className={cn("text-2xl font-semibold tabular-nums", s === "OVERDUE" ? "text-red-700" : "")} data-testid={s === "OVERDUE" ? "overdue-count" : undefined}>
              {d.byStatus[s]}
            </div>
          </a>
        ))}
      </section>
      <LightsLegend thresholds={d.progressThresholds} className="mb-6" />

      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("tasks")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2">
            {tasks.length < d.tasks.length ? (
              <p className="text-xs text-muted-foreground" data-testid="tasks-worst-first">
                {t("tasksWorstFirst", { count: d.tasks.length, shown: tasks.length })}
              </p>
            ) : null}
            <TaskProgress
              tasks={tasks.map((k) => ({ number: k.number, title: k.title, progressPct: k.progressPct, periodsDue: k.periodsDue, periodsDone: k.periodsDone, red: k.red, yellow: k.yellow, green: k.green, progressRed: k.progressRed, progressYellow: k.progressYellow, progressGreen: k.progressGreen }))}
              timelineHref={`${planHref(plan)}/tasks/`}
              asOfQuery={`?${new URLSearchParams({ asOf })}`}
              dueHref={list({ metric: "due" })}
              lightHref={{ RED: list({ metric: "measures", light: "RED" }), YELLOW: list({ metric: "measures", light: "YELLOW" }), GREEN: list({ metric: "measures", light: "GREEN" }) }}
              progressHref={{ RED: list({ metric: "measures", progress: "RED" }), YELLOW: list({ metric: "measures", progress: "YELLOW" }), GREEN: list({ metric: "measures", progress: "GREEN" }) }}
            />
            {tasks.length < d.tasks.length ? (
              <Link href={q({ allTasks: true })} className="text-sm text-primary hover:underline">
                {t("showAllTasks", { count: d.tasks.length })}
              </Link>
            ) : null}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("submissions")}</CardTitle>
          </CardHeader>
          <CardContent>
            <SubmissionsChart data={d.submissions.map((s) => ({ ...s, quarterLabel: quarterKeyLabel(s.quarter, locale).text }))} label={t("submissions")} hrefPrefix={list({ metric: "submitted" })} />
            <table className="sr-only text-sm focus-within:not-sr-only" data-testid="submissions-table">
              <caption>{t("submissionsAlt")}</caption>
              <thead>
                <tr>
                  <th>{t("quarter")}</th>
                  <th>{t("count")}</th>
                </tr>
              </thead>
              <tbody>
                {d.submissions.map((s) => (
                  <tr key={s.quarter}>
                    <td>{quarterKeyLabel(s.quarter, locale).text}</td>
                    <td>
                      <a href={list({ metric: "submitted", quarter: s.quarter })}>{s.count}</a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </CardContent>
        </Card>
      </div>

      <OpenInstructionsCard user={user} planId={plan.id} />

      <Card className="mt-5">
        <CardHeader>
          <CardTitle>{t("departments")}</CardTitle>
        </CardHeader>
        <CardContent className="px-0 py-0 sm:px-2">
          <Table data-testid="department-table" className="whitespace-nowrap">
            <thead>
              <tr>
                {OVERVIEW_SORTS.map((col) => (
                  <Th key={col} aria-sort={sort === col ? (dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link href={sortLink(col)} title={t("sortBy")} className="hover:underline">
                      {t(COLUMN_LABEL[col])}
                      {sort === col ? (dir === "asc" ? " ▲" : " ▼") : ""}
                    </Link>
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {departments.map((row) => (
                <tr key={row.id}>
                  <Td>
                    <Link href={`/departments/${row.id}`} className="hover:underline">
                      {row.shortName}
                    </Link>
                  </Td>
                  <Td className="tabular-nums">
                    <FigureLink href={list({ metric: "measures", dept: row.id, role: "lead" })} label={figure(`${row.shortName} ${t("colLed")}`, row.led)}>
                      {row.led}
                    </FigureLink>
                  </Td>
                  <Td className="tabular-nums">
                    <FigureLink href={list({ metric: "measures", dept: row.id, role: "support" })} label={figure(`${row.shortName} ${t("colSupported")}`, row.supported)}>
                      {row.supported}
                    </FigureLink>
                  </Td>
                  <Td className="tabular-nums">
                    {row.onTimePct === null ? (
                      "—"
                    ) : (
                      <FigureLink href={list({ metric: "due", dept: row.id })} label={t("onTimeLink", { department: row.shortName, onTime: row.onTime, due: row.dueSoFar })}>
                        {row.onTimePct}%
                      </FigureLink>
                    )}
                  </Td>
                  <Td className="tabular-nums">
                    <FigureLink href={list({ metric: "overdue", dept: row.id })} label={figure(`${row.shortName} ${t("colOverdue")}`, row.overdue)} className={row.overdue ? "text-red-700" : ""}>
                      {row.overdue}
                    </FigureLink>
                  </Td>
                  <Td className="tabular-nums">
                    <FigureLink href={list({ metric: "returned", dept: row.id })} label={figure(`${row.shortName} ${t("colReturned")}`, row.returned)}>
                      {row.returned}
                    </FigureLink>
                  </Td>
                  <Td className="tabular-nums">
                    {row.avgReviewHours === null ? (
                      "—"
                    ) : (
                      <FigureLink href={list({ metric: "reviews", dept: row.id })} label={figure(`${row.shortName} ${t("colReview")}`, duration(row.avgReviewHours))}>
                        {duration(row.avgReviewHours)}
                      </FigureLink>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
          {!showAll && sorted.length > TABLE_ROWS ? (
            <div className="px-4 py-3">
              <Link href={q({ allDepartments: true })} className="text-sm text-primary hover:underline">
                {t("showAllDepartments", { count: sorted.length })}
              </Link>
            </div>
          ) : null}
        </CardContent>
      </Card>

      <Card className="mt-5">
        <CardHeader>
          <CardTitle>{t("heatmap")}</CardTitle>
          <p className="text-xs text-muted-foreground">{t("heatmapHint")}</p>
        </CardHeader>
        <CardContent className="overflow-x-auto">
          <HeatMap
            quarters={d.heatmap.quarters}
            rows={departments.map((row) => ({ id: row.id, name: row.shortName, cells: d.heatmap.quarters.map((qq) => d.heatmap.cells[`${row.id}:${qq}`] ?? null) }))}
            hrefPrefix={list({ metric: "quarter" })}
          />
        </CardContent>
      </Card>

      <Card className="mt-5">
        <CardHeader>
          <CardTitle>
            {t("overdueList")} <span className="text-sm font-normal text-muted-foreground">({leadOverdue.length})</span>
          </CardTitle>
          <p className="text-xs text-muted-foreground" data-testid="overdue-list-hint">
            {t("overdueListHint")}
          </p>
        </CardHeader>
        <CardContent className="px-0 py-0 sm:px-2">
          <OverdueTable items={leadOverdue.slice(0, 20)} departments={d.departments} />
          <div className="px-4 py-3">
            <Link href={list({ metric: "overdue" })} className="text-sm text-primary hover:underline">
              {t("showAll", { count: leadOverdue.length })}
            </Link>
          </div>
        </CardContent>
      </Card>
    </>
  );
}
