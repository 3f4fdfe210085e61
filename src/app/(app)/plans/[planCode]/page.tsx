import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { EmptyState } from "@/components/empty-state";
import { MeasureTable } from "@/components/measure-table";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { getPlanByCode, getPlanCounts, getPlanTasks, listDepartments, listPlans } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import { idInput } from "@/lib/input";
import { groupPages, pageParam } from "@/lib/paging";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";
import { planEvaluationHref, planHref } from "@/lib/plan-urls";
import { PlanStatusBadge } from "@/features/plan/components/plan-status-badge";
import { PlanStatusForm } from "@/features/plan/components/plan-status-form";
import { PlanEndedNotice } from "@/features/plan/components/plan-ended-notice";
import { readPlanMeasureLights } from "@/features/dashboard/read";
import { parseAsOf } from "@/features/dashboard/as-of";
import { LightsLegend } from "@/features/dashboard/components/lights-legend";
import { ProgressSettingsForm } from "@/features/closure/components/closure-forms";
import { setProgressSettingsAction } from "@/features/closure/actions";
import { getPlanProgressSettings } from "@/features/closure/queries";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { RankingWeightsForm } from "@/features/tongbao/components/ranking-weights-form";
import { setRankingWeightsAction } from "@/features/tongbao/actions";
import { getRankingWeights } from "@/features/tongbao/read";
import { DEFAULT_RANKING_LISTS, DEFAULT_RANKING_WEIGHTS } from "@/lib/ranking";
import { carriesOver } from "@/features/carryover/rules";

/** Measures per page of the overview, in whole key tasks: the shipped plan (34) fits on one page. */
const MEASURES_PER_PAGE = 50;

const filtersSchema = z.object({
  dept: idInput().optional().catch(undefined),
  task: z.coerce.number().int().min(1).max(999).optional().catch(undefined),
});

export async function generateMetadata() {
  const t = await getTranslations("plan");
  return { title: t("overviewTitle") };
}

export default async function PlanOverviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("plan:read");
  const [{ planCode }, rawFilters] = await Promise.all([params, searchParams]);
  const plan = await getPlanByCode(planCode);
  if (!plan) notFound();

  const filters = filtersSchema.parse({
    dept: typeof rawFilters.dept === "string" ? rawFilters.dept : undefined,
    task: typeof rawFilters.task === "string" ? rawFilters.task : undefined,
  });
  const [t, tr, tco, te, departments, counts, allTasks, plans] = await Promise.all([
    getTranslations("plan"),
    getTranslations("reports"),
    getTranslations("carryover"),
    getTranslations("evaluation"),
    listDepartments(),
    getPlanCounts(plan.id),
    getPlanTasks(plan.id),
    listPlans(),
  ]);
  // Unknown filter values are ignored rather than producing an empty page.
  const departmentId = departments.some((d) => d.id === filters.dept) ? filters.dept : undefined;
  const taskNumber = allTasks.some((k) => k.number === filters.task) ? filters.task : undefined;
  const filtered = departmentId || taskNumber;
  const tasks = filtered ? await getPlanTasks(plan.id, { departmentId, taskNumber }) : allTasks;
  const shownMeasures = tasks.reduce((n, k) => n + k.measures.length, 0);
  // A province-scale plan is shown a few key tasks at a time.
  const pages = groupPages(
    tasks.map((k) => k.measures.length),
    MEASURES_PER_PAGE,
  );
  const page = pageParam(rawFilters.page, pages.length);
  const pageTasks = tasks.slice(pages[page - 1].start, pages[page - 1].end);
  const measuresBefore = tasks.slice(0, pages[page - 1].start).reduce((n, k) => n + k.measures.length, 0);
  const pageHref = (p: number) => {
    const q = new URLSearchParams();
    if (departmentId) q.set("dept", departmentId);
    if (taskNumber) q.set("task", String(taskNumber));
    q.set("page", String(p));
    return planHref(plan, "", q);
  };
  const today = todayInChina();
  const showTimeline = can(user, "dashboard:read");
  // Both lights of every measure, as the overview has them on the plan's default day (an ended plan: its last day).
  const [lights, settings, weights] = await Promise.all([readPlanMeasureLights(user, plan.id, parseAsOf(undefined, plan)), getPlanProgressSettings(plan.id), getRankingWeights(plan.id)]);

  return (
    <>
      <PageHeader
        title={plan.title}
        actions={
          <>
            {/* 结转: an ended plan's unfinished measures go on in a later plan (decision 028). */}
            {can(user, "plan:carryover") && carriesOver(plan) ? (
              <Button variant="outline" asChild>
                <Link href={planHref(plan, "carryover")} data-testid="carryover-link">
                  {tco("link")}
                </Link>
              </Button>
            ) : null}
            {can(user, "evaluation:read") ? (
              <Button variant="outline" asChild>
                <Link href={planEvaluationHref(plan)} data-testid="evaluation-link">
                  {te("planLink")}
                </Link>
              </Button>
            ) : null}
            {can(user, "measure:manage") ? (
              <Button variant="outline" asChild>
                <Link href={planHref(plan, "structure")} data-testid="edit-structure">
                  {t("editStructure")}
                </Link>
              </Button>
            ) : null}
            {/* 补录: the departments' past reports entered with their real days (decision 025). */}
            {can(user, "report:backfill") && planLifecycle[plan.status].writable ? (
              <Button variant="outline" asChild>
                <Link href={planHref(plan, "backfill")} data-testid="plan-backfill">
                  {tr("backfill.bulkLink")}
                </Link>
              </Button>
            ) : null}
          </>
        }
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PlanStatusBadge status={plan.status} />
            <span>{t("period", { start: plan.startYear, end: plan.endYear })}</span>
            <span>{t("issuer", { issuer: plan.issuer })}</span>
          </span>
        }
      />

      <PlanEndedNotice plan={plan} className="mb-4" />
      {can(user, "plan:manage") ? <PlanStatusForm planId={plan.id} status={plan.status} className="mb-6" /> : null}
      {can(user, "plan:manage") && planLifecycle[plan.status].writable ? (
        <details className="mb-6 rounded-lg border border-border bg-card p-4" data-testid="progress-settings">
          <summary className="cursor-pointer text-sm font-medium">{tr("progressSettings")}</summary>
          <div className="mt-3">
            <ProgressSettingsForm planId={plan.id} yellowPoints={settings.progressYellowPoints} redPoints={settings.progressRedPoints} closureSignoff={settings.closureSignoff} headSignoff={settings.headSignoff} action={setProgressSettingsAction} />
          </div>
        </details>
      ) : null}
      {can(user, "plan:manage") && planLifecycle[plan.status].writable ? (
        <details className="mb-6 rounded-lg border border-border bg-card p-4" data-testid="ranking-weights">
          <summary className="cursor-pointer text-sm font-medium">{tr("rankingWeightsSettings")}</summary>
          <div className="mt-3">
            <RankingWeightsForm planId={plan.id} weights={weights ?? DEFAULT_RANKING_WEIGHTS} lists={weights?.lists ?? DEFAULT_RANKING_LISTS} action={setRankingWeightsAction} />
          </div>
        </details>
      ) : null}
      <LightsLegend thresholds={{ yellowPoints: settings.progressYellowPoints, redPoints: settings.progressRedPoints }} className="mb-6" />

      <dl className="mb-6 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          { label: t("keyTasks"), value: counts.keyTasks, id: "count-tasks" },
          { label: t("measures"), value: counts.measures, id: "count-measures" },
          { label: t("departments"), value: counts.departments, id: "count-departments" },
          { label: t("unscheduled"), value: counts.unscheduled, id: "count-unscheduled" },
        ].map((c) => (
          <div key={c.id} className="rounded-lg border border-border bg-card px-4 py-3">
            <dt className="text-xs text-muted-foreground">{c.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={c.id}>
              {c.value}
            </dd>
          </div>
        ))}
      </dl>

      <form method="get" className="mb-6 flex flex-col gap-3 rounded-lg border border-border bg-card p-4 sm:flex-row sm:items-end" role="search">
        <div className="flex flex-1 flex-col gap-1">
          <Label htmlFor="filter-dept">{t("filterDepartment")}</Label>
          <Select id="filter-dept" name="dept" defaultValue={departmentId ?? ""}>
            <option value="">{t("allDepartments")}</option>
            {departments.map((d) => (
              <option key={d.id} value={d.id}>
                {d.shortName}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-[2] flex-col gap-1">
          <Label htmlFor="filter-task">{t("filterTask")}</Label>
          <Select id="filter-task" name="task" defaultValue={taskNumber ? String(taskNumber) : ""}>
            <option value="">{t("allTasks")}</option>
            {allTasks.map((k) => (
              <option key={k.id} value={k.number}>
                {k.number}. {k.title}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex gap-2">
          <Button type="submit">{t("applyFilters")}</Button>
          {filtered ? (
            <Button variant="outline" asChild>
              <Link href={planHref(plan)}>{t("clearFilters")}</Link>
            </Button>
          ) : null}
        </div>
      </form>

      <p className="mb-3 text-sm text-muted-foreground" data-testid="showing">
        {t("showing", { tasks: tasks.length, measures: shownMeasures })}
      </p>

      {tasks.length === 0 ? (
        <EmptyState
          title={t("noMatches")}
          hint={t("noMatchesHint")}
          action={
            <Button variant="outline" asChild>
              <Link href={planHref(plan)}>{t("clearFilters")}</Link>
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-5">
          {pageTasks.map((task) => (
            <Card key={task.id} data-testid="key-task">
              <CardHeader className="sm:flex-row sm:items-start sm:justify-between sm:gap-4">
                <CardTitle>
                  <span className="mr-2 text-primary">{t("taskNumber", { number: task.number })}</span>
                  {task.title}
                </CardTitle>
                {showTimeline ? (
                  <Link href={planHref(plan, `tasks/${task.number}`)} className="shrink-0 text-sm text-primary hover:underline" data-testid="task-timeline-link">
                    {t("timelineLink", { number: task.number })}
                  </Link>
                ) : null}
              </CardHeader>
              <CardContent className="px-0 py-0 sm:px-2">
                <MeasureTable taskNumber={task.number} measures={task.measures} today={today} highlightDepartmentId={departmentId} lights={lights} />
              </CardContent>
            </Card>
          ))}
          <Pager
            total={shownMeasures}
            page={page}
            pageSize={MEASURES_PER_PAGE}
            shown={pageTasks.reduce((n, k) => n + k.measures.length, 0)}
            from={measuresBefore}
            pageCount={pages.length}
            href={pageHref}
          />
        </div>
      )}

      {plans.length > 1 ? (
        <nav className="mt-8 text-sm" aria-label={t("otherPlans")}>
          <h2 className="mb-2 font-medium">{t("otherPlans")}</h2>
          <ul className="flex flex-col gap-1">
            {plans
              .filter((p) => p.id !== plan.id)
              .map((p) => (
                <li key={p.id}>
                  <Link className="text-primary hover:underline" href={planHref(p)}>
                    {p.title}
                  </Link>
                </li>
              ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
