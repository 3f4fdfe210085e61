import Link from "next/link";
import { AwaitsConfirmationBadge } from "@/components/awaits-confirmation";
import { planHref } from "@/lib/plan-urls";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { DueLabel } from "@/components/due-label";
import { stateTone } from "@/features/reports/components/report-view";
import type { Status } from "@/lib/status";
import { PageHeader } from "@/components/page-header";
import { getMeasure, listDepartments } from "@/features/plan/queries";
import { getMeasureProgress } from "@/features/reports/queries";
import { getMeasureHistory } from "@/features/audit/queries";
import { addInstructionAction } from "@/features/reports/actions";
import { InstructionForm } from "@/features/reports/components/small-forms";
import { InstructionList } from "@/features/instructions/components/instruction-list";
import { issueNoticeAction } from "@/features/notices/actions";
import { IssueNoticeForm } from "@/features/notices/components/notice-forms";
import { NoticeTable } from "@/features/notices/components/notice-table";
import { listNotices } from "@/features/notices/queries";
import { AuditActionLabel } from "@/components/audit-action-label";
import { periodLabel } from "@/lib/periods";
import { can, canAtAll } from "@/lib/permissions";
import { chinaDateTime, todayInChina } from "@/lib/due";
import { nextDue, periodOwed, periodStatus, reportsForMeasure } from "@/lib/status";
import { requirePermission } from "@/server/auth";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { getMeasureClosure } from "@/features/closure/queries";
import { ClosureCard } from "@/features/closure/components/closure-card";
import { readMeasureLights } from "@/features/dashboard/read";
import { parseAsOf } from "@/features/dashboard/as-of";
import { LightLabel, ProgressLabel, StatusBadge } from "@/features/dashboard/components/status-label";
import { MeasureLightsPair } from "@/features/dashboard/components/measure-lights";
import { getMeasureCarryovers } from "@/features/carryover/queries";

/** How a missing report is coloured, by the period's status. */
const missingTone = { OVERDUE: "danger", DUE_SOON: "warning", ON_TRACK: "neutral", NOT_STARTED: "neutral", WAIVED: "neutral", COMPLETED: "neutral", COMPLETED_LATE: "neutral" } as const satisfies Record<Status, string>;

export default async function MeasurePage({ params }: { params: Promise<{ measureId: string }> }) {
  const user = await requirePermission("plan:read");
  const { measureId } = await params;
  const measure = await getMeasure(measureId);
  if (!measure) notFound();
  const [t, tp, tr, ta, tc, td, tn, tco, locale, departments, progress, history, closure, lights, carryovers] = await Promise.all([
    getTranslations("measure"),
    getTranslations("plan"),
    getTranslations("reports"),
    getTranslations("admin"),
    getTranslations("common"),
    getTranslations("dashboard"),
    getTranslations("notices"),
    getTranslations("carryover"),
    getLocale(),
    listDepartments(),
    getMeasureProgress(user, measure.id),
    getMeasureHistory(user, measure.id),
    getMeasureClosure(user, measure.id),
    // Both lights as the overview has them on the plan's default day (an ended plan: its last day).
    readMeasureLights(user, measure.plan.id, measure.id, parseAsOf(undefined, measure.plan)),
    // 结转: where this measure came from, and the plans it was carried into (decision 028).
    getMeasureCarryovers(user, measure.id),
  ]);
  const number = `${measure.keyTask.number}.${measure.number}`;
  // 督办单 about this measure that the caller may read (a liaison: their own department's).
  const notices = canAtAll(user, "notice:read") ? await listNotices(user, { measureId: measure.id }, locale) : null;
  // 现行表述 beside 原文 when an administrator changed the wording; the issued text itself never changes.
  const reworded = measure.text !== measure.issuedText;
  const today = todayInChina();
  const lead = measure.departments.find((d) => d.isLead);
  const jointLeads = measure.departments.filter((d) => d.isJointLead);
  const support = measure.departments.filter((d) => !d.isLead && !d.isJointLead);
  const dueByYear = new Map<string, string[]>();
  for (const d of measure.dueDates) dueByYear.set(d.slice(0, 4), [...(dueByYear.get(d.slice(0, 4)) ?? []), d]);

  return (
    <>
      <Link href={planHref(measure.plan)} className="mb-4 inline-flex items-center gap-1 text-sm text-primary hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader
        actions={
          can(user, "measure:manage") && !measure.withdrawn ? (
            <Button variant="outline" asChild>
              <Link href={`/admin/measures/${measure.id}`}>{ta("editMeasure")}</Link>
            </Button>
          ) : null
        }
        title={t("title", { number })}
        description={
          <>
            {tc("labelled", { label: t("keyTask") })}{tp("taskNumber", { number: measure.keyTask.number })} {measure.keyTask.title}
          </>
        }
      />

      {measure.withdrawn ? (
        <Alert tone="warning" className="mb-5" data-testid="withdrawn-notice">
          <strong>{t("withdrawnTitle")}</strong> {t("withdrawnNotice", { date: measure.withdrawn.on, reason: measure.withdrawn.reason })}
        </Alert>
      ) : null}
      {carryovers?.from ? (
        <Alert tone="info" className="mb-5" data-testid="carried-from">
          <Link href={`/measures/${carryovers.from.measureId}`} className="font-medium text-primary hover:underline">
            {tco("carriedFrom", { plan: carryovers.from.planTitle, number: carryovers.from.number })}
          </Link>{" "}
          <span className="text-muted-foreground tabular-nums">{carryovers.from.on}</span>
        </Alert>
      ) : null}
      {carryovers?.into.map((l) => (
        <Alert key={l.measureId} tone="info" className="mb-5" data-testid="carried-into">
          <Link href={`/measures/${l.measureId}`} className="font-medium text-primary hover:underline">
            {tco("carriedInto", { plan: l.planTitle, number: l.number })}
          </Link>{" "}
          <span className="text-muted-foreground tabular-nums">{l.on}</span>
        </Alert>
      ))}
      {/* Phones: both lights right under the title; the card with them sits in the side column further down. */}
      {lights ? (
        <div className="mb-4 rounded-lg border border-border bg-card px-4 py-3 lg:hidden" data-testid="measure-lights-compact">
          <MeasureLightsPair lights={lights} className="flex-row flex-wrap gap-x-4 text-sm" />
        </div>
      ) : null}
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        <div className="flex flex-col gap-5 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{reworded ? t("wording") : t("text")}</CardTitle>
            </CardHeader>
            <CardContent>
              {reworded ? (
                <div>
                  <p className="mb-1 text-xs font-semibold text-muted-foreground">{t("currentText")}</p>
                  <p className="official-text text-base" data-testid="measure-current-text">
                    {measure.text}
                  </p>
                  <p className="mt-4 mb-1 text-xs font-semibold text-muted-foreground">{t("issuedText")}</p>
                </div>
              ) : null}
              <p className="official-text text-base" data-testid="measure-text">
                {measure.issuedText}
              </p>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("schedule")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{t("timeArrangement")}</dt>
                <dd>
                  {measure.timeArrangement}
                  {measure.awaitsConfirmation ? <AwaitsConfirmationBadge className="ml-2" /> : null}
                </dd>
                <dt className="text-muted-foreground">{t("interpretation")}</dt>
                <dd>{measure.scheduleKind ? t(`kind${measure.scheduleKind}`) : "—"}</dd>
                {measure.scheduleStart ? (
                  <>
                    <dt className="text-muted-foreground">{t("rangeFrom")}</dt>
                    <dd className="tabular-nums">{measure.scheduleStart}</dd>
                  </>
                ) : null}
                {measure.deadline ? (
                  <>
                    <dt className="text-muted-foreground">{t("deadline")}</dt>
                    <dd className="tabular-nums">{measure.deadline}</dd>
                  </>
                ) : null}
                {measure.deliverable ? (
                  <>
                    <dt className="text-muted-foreground">{t("deliverable")}</dt>
                    <dd>{measure.deliverable}</dd>
                  </>
                ) : null}
                <dt className="text-muted-foreground">{tp("colNextDue")}</dt>
                <dd>
                  <DueLabel due={nextDue(measure, today)} />
                </dd>
              </dl>
              {!measure.scheduleKind ? <Alert tone="warning">{measure.scheduleError ?? t("unscheduled")}</Alert> : null}
              {measure.scheduleFlags.map((f) => (
                <Alert key={f} tone="warning">
                  {f === "BEFORE_PLAN_START" || f === "AFTER_PLAN_END" ? t(`flag${f}`) : f}
                  {f === "BEFORE_PLAN_START" && measure.awaitsConfirmation ? <> {tp("awaitsConfirmationTitle")}</> : null}
                </Alert>
              ))}
              <div>
                <h3 className="mb-2 text-sm font-semibold">
                  {t("dueDates")} <span className="font-normal text-muted-foreground">{t("dueDateCount", { count: measure.dueDates.length })}</span>
                </h3>
                {measure.dueDates.length === 0 ? (
                  <p className="text-sm text-muted-foreground">{measure.scheduleKind === "ONGOING" ? t("noDueDates") : "—"}</p>
                ) : (
                  <ul className="flex flex-col gap-1 text-sm" data-testid="due-dates">
                    {[...dueByYear.entries()].map(([year, dates]) => (
                      <li key={year} className="flex flex-wrap gap-1.5">
                        <span className="w-12 shrink-0 font-medium tabular-nums">{year}</span>
                        {dates.map((d) => (
                          <Badge key={d} tone={d < today ? "neutral" : "primary"} className="tabular-nums">
                            {d}
                          </Badge>
                        ))}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("indicators")}</CardTitle>
            </CardHeader>
            <CardContent className="px-0 py-0 sm:px-2">
              {measure.indicators.length === 0 ? (
                <p className="px-5 py-4 text-sm text-muted-foreground">{t("noIndicators")}</p>
              ) : (
                <Table data-testid="indicators">
                  <thead>
                    <tr>
                      <Th>{t("indicatorName")}</Th>
                      <Th>{t("indicatorTarget")}</Th>
                      <Th>{t("indicatorPeriod")}</Th>
                      <Th>{t("indicatorSource")}</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {measure.indicators.map((i) => (
                      <tr key={i.id}>
                        <Td>
                          {i.name}
                          {i.confirmed ? null : (
                            <Badge tone="warning" className="ml-1.5">
                              {t("indicatorPending")}
                            </Badge>
                          )}
                        </Td>
                        <Td className="whitespace-nowrap tabular-nums">
                          {i.direction ? (
                            <>
                              {i.target === null
                                ? t("trendDirectionOnly", { direction: t(`trend${i.direction}`) })
                                : `${t(`trend${i.direction}`)} ${t(`cmp${i.comparison}`)} ${Number(i.target)}${i.unit}`}
                              <div className="text-xs text-muted-foreground">{i.baseline === null ? t("noBaseline") : t("baseline", { value: Number(i.baseline) })}</div>
                            </>
                          ) : (
                            <>
                              {t(`cmp${i.comparison}`)} {Number(i.target)}
                              {i.unit}
                            </>
                          )}
                        </Td>
                        <Td>{t(`period${i.period}`)}</Td>
                        <Td className="text-muted-foreground">{i.sourceText}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              )}
            </CardContent>
          </Card>
          {progress.periods ? (
            <Card>
              <CardHeader>
                <CardTitle>{tr("periods")}</CardTitle>
              </CardHeader>
              <CardContent className="px-0 py-0 sm:px-2">
                <Table data-testid="periods">
                  <thead>
                    <tr>
                      <Th>{tr("period")}</Th>
                      <Th>{tr("dueDate")}</Th>
                      <Th>{tr("state")}</Th>
                      <Th />
                    </tr>
                  </thead>
                  <tbody>
                    {progress.periods.map((p) => (
                      <tr key={p.id}>
                        <Td className="whitespace-nowrap">{periodLabel(p, locale)}</Td>
                        <Td className="whitespace-nowrap tabular-nums">
                          {p.dueDate}
                          {p.dueDate !== p.originalDueDate ? <div className="text-xs text-amber-700">{tr("delayed", { date: p.originalDueDate })}</div> : null}
                        </Td>
                        <Td>
                          <div className="flex flex-wrap gap-1">
                            {p.reports.map((r) => (
                              <Badge key={r.department.id} tone={stateTone[r.state]}>
                                {r.department.shortName} {tr(`state${r.state}`)}
                                {r.entry !== "OWN" ? ` · ${tr(`backfill.entry${r.entry}`)}` : ""}
                              </Badge>
                            ))}
                            {/* A department that owes the measure's report and has none: say where it stands, never a blank. */}
                            {measure.departments
                              .filter((d) => reportsForMeasure(d) && !p.reports.some((r) => r.department.id === d.id))
                              .map((d) => {
                                const status = periodOwed(p, measure, today)
                                  ? periodStatus({ periodStart: p.periodStart, dueDate: p.dueDate, reportState: null, acceptedSubmittedOn: null }, today).status
                                  : "WAIVED";
                                return (
                                  <Badge key={d.id} tone={missingTone[status]} data-testid="missing-report">
                                    {tr(`missing${status}`, { department: d.shortName })}
                                  </Badge>
                                );
                              })}
                          </div>
                        </Td>
                        <Td>
                          <Link href={`/reports/${p.id}`} className="text-sm text-primary hover:underline">
                            {tr("view")}
                          </Link>
                        </Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </CardContent>
            </Card>
          ) : null}

          {history.length ? (
            <Card>
              <CardHeader>
                <CardTitle>{tr("measureHistory")}</CardTitle>
              </CardHeader>
              <CardContent>
                <ol className="flex flex-col gap-1.5 border-l-2 border-border pl-4 text-sm" data-testid="measure-history">
                  {history.map((e) => (
                    <li key={e.id}>
                      <span className="tabular-nums text-muted-foreground">{chinaDateTime(e.at)}</span> · {e.actorLabel} ·{" "}
                      <AuditActionLabel action={e.action} />
                    </li>
                  ))}
                </ol>
              </CardContent>
            </Card>
          ) : null}
        </div>

        <div className="flex h-fit min-w-0 flex-col gap-5">
        {lights ? (
          <Card className="h-fit" data-testid="measure-lights">
            <CardHeader>
              <CardTitle>{tr("twoLights")}</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
                <dt className="text-muted-foreground">{td("lightReporting")}</dt>
                <dd className="flex flex-wrap items-center gap-2" data-testid="reporting-light" data-light={lights.light}>
                  <LightLabel light={lights.light} />
                  <StatusBadge status={lights.status} />
                </dd>
                <dt className="text-muted-foreground">{td("lightProgress")}</dt>
                <dd className="flex flex-col gap-0.5">
                  <ProgressLabel progress={lights.progress} />
                  {lights.progress?.behind ? <span className="text-xs text-muted-foreground">{td("progressBehind", { points: lights.progress.behind })}</span> : null}
                </dd>
              </dl>
            </CardContent>
          </Card>
        ) : null}
        {closure ? <ClosureCard user={user} measureId={measure.id} closure={closure} writable={planLifecycle[measure.plan.status].writable} /> : null}
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>{t("departments")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            <ul className="flex flex-col gap-2" data-testid="measure-departments">
              {lead ? (
                <li className="flex items-center gap-2">
                  <Badge tone="primary">{t("lead")}</Badge>
                  <Link href={`/departments/${lead.id}`} className="hover:underline">
                    {lead.shortName}
                  </Link>
                  {lead.startsOn ? <span className="text-xs text-muted-foreground">{t("startsOn", { date: lead.startsOn })}</span> : null}
                </li>
              ) : null}
              {jointLeads.map((d) => (
                <li key={d.id} className="flex items-center gap-2">
                  <Badge tone="primary">{t("jointLead")}</Badge>
                  <Link href={`/departments/${d.id}`} className="hover:underline">
                    {d.shortName}
                  </Link>
                  {d.startsOn ? <span className="text-xs text-muted-foreground">{t("startsOn", { date: d.startsOn })}</span> : null}
                </li>
              ))}
              {support.map((d) => (
                <li key={d.id} className="flex items-center gap-2">
                  <Badge>{t("support")}</Badge>
                  <Link href={`/departments/${d.id}`} className="hover:underline">
                    {d.shortName}
                  </Link>
                  {d.startsOn ? <span className="text-xs text-muted-foreground">{t("startsOn", { date: d.startsOn })}</span> : null}
                </li>
              ))}
            </ul>
            <p className="text-xs text-muted-foreground">{t("asIssued", { text: measure.departmentsText })}</p>
            {measure.departmentsInferred ? (
              <Alert tone="warning">{t("inferred", { text: measure.departmentsText, count: departments.length })}</Alert>
            ) : null}
            {measure.departmentsOpenList ? <Alert tone="info">{t("openList", { text: measure.departmentsText })}</Alert> : null}
          </CardContent>
        </Card>

        {notices && (notices.length || can(user, "notice:issue")) ? (
          <Card className="h-fit" data-testid="measure-notices">
            <CardHeader>
              <CardTitle>{tn("title")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4 px-0 py-0 pb-4 text-sm sm:px-2">
              {notices.length ? <NoticeTable notices={notices} showMeasure={false} /> : <p className="px-5 pt-4 text-muted-foreground">{tn("empty")}</p>}
              {can(user, "notice:issue") ? (
                <details className="px-5" data-testid="issue-notice">
                  <summary className="cursor-pointer font-medium text-primary">{tn("issueTitle")}</summary>
                  <div className="mt-3">
                    <IssueNoticeForm
                      measureId={measure.id}
                      departments={measure.departments.map((d) => ({ id: d.id, shortName: d.shortName, isLead: d.isLead }))}
                      periods={(progress.periods ?? []).map((p) => ({ id: p.id, label: periodLabel(p, locale) }))}
                      minDate={today}
                      action={issueNoticeAction}
                    />
                  </div>
                </details>
              ) : null}
            </CardContent>
          </Card>
        ) : null}

        {progress.instructions ? (
        <Card className="h-fit" data-testid="instructions-card">
          <CardHeader>
            <CardTitle>{tr("instructions")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-3 text-sm">
            {progress.instructions.length === 0 ? (
              <p className="text-muted-foreground">{tr("noInstructions")}</p>
            ) : (
              <InstructionList user={user} instructions={progress.instructions} departments={departments} today={today} />
            )}
            {can(user, "instruction:write") ? (
              <InstructionForm
                key={progress.instructions.length}
                measureId={measure.id}
                departments={measure.departments.map((d) => ({ id: d.id, shortName: d.shortName, isLead: d.isLead }))}
                minDate={today}
                action={addInstructionAction}
              />
            ) : null}
          </CardContent>
        </Card>
        ) : null}
        </div>
      </div>
    </>
  );
}
