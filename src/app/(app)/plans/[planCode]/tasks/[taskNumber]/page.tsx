import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Card, CardContent } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { parseAsOf } from "@/features/dashboard/as-of";
import { AsOfForm } from "@/features/dashboard/components/as-of-form";
import { quarterOf } from "@/features/dashboard/compute";
import { readDashboardWithInput } from "@/features/dashboard/read";
import { LightLabel, ProgressLabel, StatusBadge } from "@/features/dashboard/components/status-label";
import { listHref, taskTimeline, type TimelineCell } from "@/features/dashboard/drill";
import { getPlanByCode, getPlanTasks } from "@/features/plan/queries";
import { cn } from "@/lib/cn";
import { periodLabel } from "@/lib/periods";
import { planHref } from "@/lib/plan-urls";
import { PlanEndedNotice } from "@/features/plan/components/plan-ended-notice";
import { requirePermission } from "@/server/auth";

const taskNumberSchema = z.coerce.number().int().min(1).max(999);

/** The legend: each swatch as a cell draws it, and what it means. */
const LEGEND = [
  ["bg-red-600", "legendRed"],
  ["bg-amber-400", "legendYellow"],
  ["bg-emerald-600", "legendDone"],
  ["bg-emerald-200", "legendOnTrack"],
  ["border border-dashed border-emerald-600", "legendNotStarted"],
  ["bg-emerald-600 ring-2 ring-inset ring-amber-400", "legendLate"],
  ["border border-dashed border-border bg-muted", "legendWaived"],
] as const;

/** The mark inside a cell: what the lead department's report was that day. */
const REPORT_MARK = { ACCEPTED: "✓", SUBMITTED: "…", RETURNED: "↩" } as const;

function cellClass(c: TimelineCell): string {
  if (!c.status || !c.light) return "border border-dashed border-border bg-background text-muted-foreground";
  if (c.status === "NOT_STARTED") return "border border-dashed border-emerald-600 bg-background text-emerald-800";
  // Not owed (the measure closed, or a 常态化 measure's off-year quarter): nothing to colour.
  if (c.status === "WAIVED") return "border border-dashed border-border bg-muted text-muted-foreground";
  const fill = { RED: "bg-red-600 text-white", YELLOW: "bg-amber-400 text-black", GREEN: c.status === "ON_TRACK" ? "bg-emerald-200 text-emerald-950" : "bg-emerald-600 text-white" }[c.light];
  return cn(fill, c.status === "COMPLETED_LATE" && "ring-2 ring-inset ring-amber-400");
}

/** A short column heading: "21Q1" for a quarter, "22-12-31" for a deadline; the full name is read out instead. */
function shortLabel(c: { kind: "QUARTER" | "MILESTONE"; periodEnd: string }): string {
  return c.kind === "QUARTER" ? quarterOf(c.periodEnd).slice(2).replace("-", "") : c.periodEnd.slice(2);
}

/**
 * A key task's timeline: a row per measure, a cell per reporting period with
 * the due date in force, the lead department's report state and the period's
 * light as of the day asked about (src/lib/status.ts through the overview's
 * own functions).
 */
export default async function TaskTimelinePage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string; taskNumber: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("dashboard:read");
  const [{ planCode, taskNumber }, raw] = await Promise.all([params, searchParams]);
  const parsed = taskNumberSchema.safeParse(taskNumber);
  if (!parsed.success) notFound();
  const number = parsed.data;
  const plan = await getPlanByCode(planCode);
  if (!plan) notFound();
  const asOf = parseAsOf(raw.asOf, plan);
  const [tasks, overview, t, td, tp, locale] = await Promise.all([
    getPlanTasks(plan.id, { taskNumber: number }),
    readDashboardWithInput(user, plan.id, asOf),
    getTranslations("timeline"),
    getTranslations("dashboard"),
    getTranslations("plan"),
    getLocale(),
  ]);
  const task = tasks[0];
  if (!task) notFound();
  if (!overview) forbidden();
  const { dashboard, input } = overview;
  const timeline = taskTimeline(input, dashboard, number, asOf);
  const texts = new Map(task.measures.map((m) => [m.id, m.text]));
  const figures = dashboard.tasks.find((k) => k.number === number);
  const list = (light: "RED" | "YELLOW" | "GREEN") => listHref(plan, asOf, { metric: "measures", task: number, light });
  const report = (c: TimelineCell) => td(`report${c.reportState ?? "NONE"}`);
  const cellText = (c: TimelineCell) =>
    c.status && c.light
      ? t("cell", { period: periodLabel(c, locale), due: c.dueDate, report: report(c), status: td(`status${c.status}`), light: td(`light${c.light}`) })
      : t("cellNoLead", { period: periodLabel(c, locale), due: c.dueDate });

  return (
    <>
      <nav className="mb-4 flex flex-wrap gap-4 text-sm" aria-label={t("backLinks")}>
        <Link href={planHref(plan, "dashboard", { asOf })} className="text-primary hover:underline">
          ← {td("title")}
        </Link>
        <Link href={planHref(plan, "", { task: String(number) })} className="text-primary hover:underline">
          ← {tp("overviewTitle")}
        </Link>
      </nav>
      <PageHeader
        title={t("title", { number })}
        description={
          <>
            <span className="block">{task.title}</span>
            {td("historyNote", { date: asOf })}
          </>
        }
      />
      <PlanEndedNotice plan={plan} className="mb-4" />
      <AsOfForm asOf={asOf} requested={raw.asOf} className="mb-4" />

      {figures ? (
        <p className="mb-4 flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="timeline-summary">
          <span>{t("measureCount", { count: figures.measures })}</span>
          {(["RED", "YELLOW", "GREEN"] as const).map((l) => (
            <Link key={l} prefetch={false} href={list(l)} className="inline-flex items-center gap-1 hover:underline">
              <LightLabel light={l} />
              <span className="tabular-nums">{figures[l === "RED" ? "red" : l === "YELLOW" ? "yellow" : "green"]}</span>
            </Link>
          ))}
          <span className="text-muted-foreground">
            {figures.progressPct === null ? (
              t("progressNone", { label: td("taskProgress"), none: td("noneDue") })
            ) : (
              <Link prefetch={false} href={listHref(plan, asOf, { metric: "due", task: number })} className="tabular-nums text-primary hover:underline">
                {t("progress", { label: td("taskProgress"), pct: figures.progressPct, done: figures.periodsDone, due: figures.periodsDue })}
              </Link>
            )}
          </span>
        </p>
      ) : null}

      <Card>
        <CardContent className="px-0 py-0 sm:px-2">
          <Table data-testid="timeline" className="w-auto">
            <caption className="sr-only">{t("caption", { number, date: asOf })}</caption>
            <thead>
              <tr>
                <Th scope="col" className="sticky left-0 z-10 min-w-48">
                  {t("colMeasure")}
                </Th>
                <Th scope="col">{t("colNow")}</Th>
                {timeline.columns.map((c) => (
                  <Th key={c.key} scope="col" className="px-1 text-center font-normal tabular-nums" title={periodLabel(c, locale)}>
                    <span aria-hidden>{shortLabel(c)}</span>
                    <span className="sr-only">{periodLabel(c, locale)}</span>
                  </Th>
                ))}
              </tr>
            </thead>
            <tbody>
              {timeline.rows.length === 0 ? (
                <tr>
                  <Td colSpan={2} className="text-muted-foreground">
                    {t("noMeasures")}
                  </Td>
                </tr>
              ) : (
                timeline.rows.map((r) => (
                  <tr key={r.measureId} data-testid="timeline-row">
                    <th scope="row" className="sticky left-0 z-10 border-b border-border bg-card px-3 py-2 text-left align-top text-sm font-normal">
                      <Link prefetch={false} href={`/measures/${r.measureId}`} className="hover:text-primary hover:underline">
                        <span className="mr-1.5 font-medium tabular-nums">
                          {`${number}.${r.measureNumber}`}
                        </span>
                        <span className="official-text line-clamp-2 max-w-64 text-xs text-muted-foreground">{texts.get(r.measureId)}</span>
                      </Link>
                    </th>
                    <Td className="whitespace-nowrap">
                      <div className="flex flex-col items-start gap-1">
                        <LightLabel light={r.light} />
                        <StatusBadge status={r.status} />
                        <ProgressLabel progress={r.progress} className="text-xs" />
                      </div>
                    </Td>
                    {r.cells.map((c, i) => (
                      <Td key={timeline.columns[i].key} className="px-1 py-2 text-center">
                        {c ? (
                          <span
                            className={cn("inline-flex size-7 items-center justify-center rounded text-xs font-semibold", cellClass(c))}
                            title={cellText(c)}
                            data-light={c.light ?? undefined}
                          >
                            <span aria-hidden>{c.reportState ? REPORT_MARK[c.reportState] : ""}</span>
                            <span className="sr-only">{cellText(c)}</span>
                          </span>
                        ) : (
                          <span className="sr-only">{t("noPeriod")}</span>
                        )}
                      </Td>
                    ))}
                  </tr>
                ))
              )}
            </tbody>
          </Table>
        </CardContent>
      </Card>

      <section aria-labelledby="timeline-legend" className="mt-4 text-xs text-muted-foreground">
        <h2 id="timeline-legend" className="mb-1 font-medium text-foreground">
          {t("legend")}
        </h2>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          {LEGEND.map(([swatch, key]) => (
            <li key={key} className="inline-flex items-center gap-1.5">
              <span className={cn("inline-block size-4 rounded", swatch)} aria-hidden />
              {t(key)}
            </li>
          ))}
          <li>{t("legendMarks")}</li>
        </ul>
      </section>
    </>
  );
}
