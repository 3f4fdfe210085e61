import { forbidden, notFound } from "next/navigation";
import type { ReactNode } from "react";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { parseAsOf } from "@/features/dashboard/as-of";
import { readDashboardWithInput } from "@/features/dashboard/read";
import { LightLabel, ProgressLabel, StatusBadge } from "@/features/dashboard/components/status-label";
import { LIST_LIGHTS, LIST_METRICS, LIST_STATUSES, listFor, listHref, parseListFilter, type ListMetric } from "@/features/dashboard/drill";
import { getPlanByCode, getPlanTasks, type MeasureRow } from "@/features/plan/queries";
import { PlanEndedNotice } from "@/features/plan/components/plan-ended-notice";
import { planHref } from "@/lib/plan-urls";
import { pageCountOf, pageParam, slicePage } from "@/lib/paging";
import { periodLabel, quarterKeyLabel } from "@/lib/periods";
import { requirePermission } from "@/server/auth";
import { durationParts } from "@/features/dashboard/compute";
import { chinaDateTime } from "@/lib/due";
import { AsOfProblem } from "@/features/dashboard/components/as-of-form";
import { DateInput } from "@/components/ui/date-input";

/** Rows per page: a department's overdue list at province scale runs to hundreds. */
const PAGE_SIZE = 100;

const METRIC_TITLE = {
  measures: "listTitleMeasures",
  due: "listTitleDue",
  overdue: "listTitleOverdue",
  returned: "listTitleReturned",
  reviews: "listTitleReviews",
  quarter: "listTitleQuarter",
  submitted: "listTitleSubmitted",
} as const satisfies Record<ListMetric, string>;

/**
 * The list behind every figure of the leader overview: the filters come from
 * the URL (what was clicked, and the day it was shown for), and the rows are
 * the same history filtered with the same functions that computed the figure.
 */
export default async function DashboardListPage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("dashboard:read");
  const [{ planCode }, raw] = await Promise.all([params, searchParams]);
  const [t, tp, tm, locale, plan] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("plan"),
    getTranslations("measure"),
    getLocale(),
    getPlanByCode(planCode),
  ]);
  if (!plan) notFound();
  const asOf = parseAsOf(raw.asOf, plan);
  const [overview, tasks] = await Promise.all([readDashboardWithInput(user, plan.id, asOf), getPlanTasks(plan.id)]);
  if (!overview) forbidden();
  const { dashboard: d, input } = overview;
  const result = listFor(input, d, asOf, parseListFilter(raw));
  const filter = result.filter;

  const measures = new Map<string, MeasureRow>(tasks.flatMap((k) => k.measures.map((m) => [m.id, m] as const)));
  const deptName = new Map(d.departments.map((x) => [x.id, x.shortName]));
  const dept = filter.dept ? d.departments.find((x) => x.id === filter.dept) : undefined;
  const roleText = (isLead: boolean) => (isLead ? t("roleLead") : t("roleSupport"));

  const titleParts: string[] = [t(METRIC_TITLE[filter.metric])];
  if (filter.status) titleParts.push(t(`status${filter.status}`));
  if (filter.light) titleParts.push(`${t("lightReporting")}${t(`light${filter.light}`)}`);
  if (filter.progress) titleParts.push(`${t("lightProgress")}${t(`light${filter.progress}`)}`);
  if (filter.task !== undefined) titleParts.push(t("taskLabel", { number: filter.task }));
  if (filter.quarter) titleParts.push(quarterKeyLabel(filter.quarter, locale).text);
  if (dept) titleParts.push(filter.role ? t("departmentRole", { department: dept.shortName, role: roleText(filter.role === "lead") }) : dept.shortName);
  const title = titleParts.join(" · ");

  // A measure list shows each measure's text; a period list, where a measure recurs, its number (the text on hover).
  const measureCell = (m: { measureId: string; keyTaskNumber: number; measureNumber: number }) => (
    <Link prefetch={false} href={`/measures/${m.measureId}`} className="official-text hover:text-primary hover:underline">
      <span className="mr-1.5 font-medium tabular-nums">{`${m.keyTaskNumber}.${m.measureNumber}`}</span>
      <span className="line-clamp-2 text-muted-foreground">{measures.get(m.measureId)?.text}</span>
    </Link>
  );
  const measureLink = (m: { measureId: string; keyTaskNumber: number; measureNumber: number }) => (
    <Link prefetch={false} href={`/measures/${m.measureId}`} title={measures.get(m.measureId)?.text} className="whitespace-nowrap text-primary hover:underline">
      {tm("title", { number: `${m.keyTaskNumber}.${m.measureNumber}` })}
    </Link>
  );
  const periodLink = (r: { periodId: string; kind: "QUARTER" | "MILESTONE"; periodEnd: string }) => (
    <Link prefetch={false} href={`/reports/${r.periodId}`} className="text-primary hover:underline">
      {periodLabel(r, locale)}
    </Link>
  );
  const departmentCell = (id: string, isLead: boolean) => (
    <span className="inline-flex flex-wrap items-center gap-1">
      {deptName.get(id)}
      <Badge tone={isLead ? "primary" : "neutral"}>{roleText(isLead)}</Badge>
    </span>
  );
  const pct = (v: number | null) => (v === null ? "—" : `${v}%`);
  const dateTime = (ms: number) => chinaDateTime(new Date(ms));

  let summary: string;
  const total = result.rows.length;
  const page = pageParam(raw.page, pageCountOf(total, PAGE_SIZE));
  const onPage = <T,>(rows: readonly T[]) => slicePage(rows, page, PAGE_SIZE);
  /** A list's table: its column headers (null: not shown), and a row of cells per item on this page. */
  const listTable = <T,>(headers: (string | null)[], rows: readonly T[], key: (r: T, i: number) => string, cells: (r: T) => ReactNode) => {
    const shown = headers.filter((h): h is string => h !== null);
    return (
      <Table data-testid="list-table">
        <caption className="sr-only">{t("listCaption", { title, date: asOf, count: rows.length })}</caption>
        <thead>
          <tr>
            {shown.map((h) => (
              <Th key={h} scope="col">
                {h}
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <Td colSpan={shown.length} className="text-center text-muted-foreground">
                {t("listEmpty")}
              </Td>
            </tr>
          ) : (
            onPage(rows).map((r, i) => (
              <tr key={key(r, i)} data-testid="list-row">
                {cells(r)}
              </tr>
            ))
          )}
        </tbody>
      </Table>
    );
  };
  const refCells = (r: { measureId: string; keyTaskNumber: number; measureNumber: number; periodId: string; kind: "QUARTER" | "MILESTONE"; periodEnd: string }) => (
    <>
      <Td>{measureLink(r)}</Td>
      <Td className="whitespace-nowrap">{periodLink(r)}</Td>
    </>
  );

  let table: ReactNode;
  if (result.metric === "measures") {
    summary = t("listCount", { count: result.rows.length });
    table = listTable(
      [t("colMeasure"), t("colLead"), dept ? t("colRole") : null, t("colStatus"), t("colReportingLight"), t("colProgress")],
      result.rows,
      (r) => r.measureId,
      (r) => (
        <>
          <Td className="max-w-xl">{measureCell(r)}</Td>
          <Td className="whitespace-nowrap">{measures.get(r.measureId)?.departments.find((x) => x.isLead)?.shortName ?? t("noLead")}</Td>
          {dept ? <Td className="whitespace-nowrap">{r.isLead === null ? "—" : roleText(r.isLead)}</Td> : null}
          <Td>
            <StatusBadge status={r.status} />
          </Td>
          <Td>
            <LightLabel light={r.light} />
          </Td>
          <Td>
            <ProgressLabel progress={r.progress} />
          </Td>
        </>
      ),
    );
  } else if (result.metric === "submitted") {
    summary = t("listCount", { count: result.rows.length });
    table = listTable(
      [t("colMeasure"), t("colPeriod"), t("colResponsible"), t("colSubmittedOn")],
      result.rows,
      (r, i) => `${r.periodId}:${r.departmentId}:${r.submittedOn}:${i}`,
      (r) => (
        <>
          {refCells(r)}
          <Td>{departmentCell(r.departmentId, r.isLead)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{r.submittedOn}</Td>
        </>
      ),
    );
  } else if (result.metric === "reviews") {
    const { rows, averageHours } = result;
    summary = [t("listCount", { count: rows.length }), averageHours === null ? null : t("listAverage", { duration: t(`duration${durationParts(averageHours).unit}`, { value: durationParts(averageHours).value }) })].filter(Boolean).join(t("listSeparator"));
    table = listTable(
      [t("colMeasure"), t("colPeriod"), t("colResponsible"), t("colSubmittedAt"), t("colDecidedAt"), t("colOutcome"), t("colHours")],
      rows,
      (r) => `${r.periodId}:${r.departmentId}:${r.submittedAt}`,
      (r) => (
        <>
          {refCells(r)}
          <Td>{departmentCell(r.departmentId, r.isLead)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{dateTime(r.submittedAt)}</Td>
          <Td className="whitespace-nowrap tabular-nums">{dateTime(r.decidedAt)}</Td>
          <Td>
            <Badge tone={r.outcome === "ACCEPTED" ? "success" : "danger"}>{t(`outcome${r.outcome}`)}</Badge>
          </Td>
          <Td className="tabular-nums">{Math.round(r.hours * 10) / 10}</Td>
        </>
      ),
    );
  } else {
    const { rows, summary: s } = result;
    summary =
      result.metric === "due" || result.metric === "quarter"
        ? [t("listCount", { count: s.count }), t("listDone", { done: s.done, pct: pct(s.donePct), onTime: s.onTime, onTimePct: pct(s.onTimePct) })].join(t("listSeparator"))
        : t("listCount", { count: s.count });
    const overdue = result.metric === "overdue";
    table = listTable(
      [t("colMeasure"), t("colPeriod"), t("colDue"), overdue ? t("colDays") : null, t("colResponsible"), t("colReport"), overdue ? null : t("colStatus")],
      rows,
      (r) => `${r.periodId}:${r.departmentId}`,
      (r) => (
        <>
          {refCells(r)}
          <Td className="whitespace-nowrap tabular-nums">{r.facts.dueDate}</Td>
          {overdue ? (
            <Td className="tabular-nums">
              <Badge tone="danger">{r.daysOverdue}</Badge>
            </Td>
          ) : null}
          <Td>{departmentCell(r.departmentId, r.isLead)}</Td>
          <Td className="whitespace-nowrap">{t(`report${r.facts.reportState ?? "NONE"}`)}</Td>
          {/* Every row of the overdue list is overdue (red); the days column says how far. */}
          {overdue ? null : (
            <Td>
              <StatusBadge status={r.facts.status} />
            </Td>
          )}
        </>
      ),
    );
  }

  return (
    <>
      <AsOfProblem requested={raw.asOf} shown={asOf} />
      <Link href={planHref(plan, "dashboard", { asOf })} className="mb-4 inline-block text-sm text-primary hover:underline">
        ← {t("title")}
      </Link>
      <PlanEndedNotice plan={plan} className="mb-4" />
      <PageHeader
        title={title}
        description={
          <>
            {t("historyNote", { date: asOf })}
            {filter.metric !== "measures" && !dept ? <span className="block">{t("leadScopeHint")}</span> : null}
          </>
        }
      />
      <form method="get" action={planHref(plan, "dashboard/list")} className="mb-4 flex flex-wrap items-end gap-3 rounded-lg border border-border bg-card p-4" role="search">
        <div className="flex flex-col gap-1">
          <Label htmlFor="list-metric">{t("filterList")}</Label>
          <Select id="list-metric" name="metric" defaultValue={filter.metric} className="w-40">
            {LIST_METRICS.map((m) => (
              <option key={m} value={m}>
                {t(METRIC_TITLE[m])}
              </option>
            ))}
          </Select>
        </div>
        {filter.metric === "measures" ? (
          <>
            <div className="flex flex-col gap-1">
              <Label htmlFor="list-status">{t("filterStatus")}</Label>
              <Select id="list-status" name="status" defaultValue={filter.status ?? ""} className="w-36">
                <option value="">{t("anyStatus")}</option>
                {LIST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`status${s}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="list-light">{t("filterLight")}</Label>
              <Select id="list-light" name="light" defaultValue={filter.light ?? ""} className="w-32">
                <option value="">{t("anyLight")}</option>
                {LIST_LIGHTS.map((l) => (
                  <option key={l} value={l}>
                    {t(`light${l}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="list-progress">{t("filterProgress")}</Label>
              <Select id="list-progress" name="progress" defaultValue={filter.progress ?? ""} className="w-32">
                <option value="">{t("anyProgress")}</option>
                {LIST_LIGHTS.map((l) => (
                  <option key={l} value={l}>
                    {t(`light${l}`)}
                  </option>
                ))}
              </Select>
            </div>
          </>
        ) : null}
        <div className="flex flex-col gap-1">
          <Label htmlFor="list-task">{t("filterTask")}</Label>
          <Select id="list-task" name="task" defaultValue={filter.task === undefined ? "" : String(filter.task)} className="w-56">
            <option value="">{tp("allTasks")}</option>
            {d.tasks.map((k) => (
              <option key={k.number} value={k.number}>
                {k.number}. {k.title}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="list-dept">{t("colResponsible")}</Label>
          <Select id="list-dept" name="dept" defaultValue={dept?.id ?? ""} className="w-40">
            <option value="">{t("allDepartments")}</option>
            {d.departments.map((x) => (
              <option key={x.id} value={x.id}>
                {x.shortName}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="list-role">{t("filterRole")}</Label>
          <Select id="list-role" name="role" defaultValue={filter.role ?? ""} className="w-32">
            <option value="">{t("anyRole")}</option>
            <option value="lead">{t("roleLead")}</option>
            <option value="support">{t("roleSupport")}</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="list-asof">{t("asOf")}</Label>
          <DateInput id="list-asof" name="asOf" defaultValue={asOf} className="w-44" />
          {filter.quarter ? <input type="hidden" name="quarter" value={filter.quarter} /> : null}
        </div>
        <Button type="submit">{t("apply")}</Button>
      </form>
      <p className="mb-2 text-sm text-muted-foreground" data-testid="list-total">
        {summary}
      </p>
      <Card>{table}</Card>
      <Pager total={total} page={page} pageSize={PAGE_SIZE} shown={Math.min(PAGE_SIZE, total - (page - 1) * PAGE_SIZE)} href={(p) => `${listHref(plan, asOf, filter)}&page=${p}`} />
    </>
  );
}
