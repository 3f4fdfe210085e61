import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { requestExtensionAction, reviewReportAction, saveReportAction, signoffReportAction } from "@/features/reports/actions";
import { ReportEditor } from "@/features/reports/components/report-editor";
import { ReportView } from "@/features/reports/components/report-view";
import { ExtensionRequestForm, HeadSignoffForm, ReviewForm } from "@/features/reports/components/small-forms";
import { getPeriodDetail } from "@/features/reports/queries";
import { backfillReportAction, reportOnBehalfAction } from "@/features/backfill/actions";
import { BureauReportForm } from "@/features/backfill/components/bureau-report-form";
import { ownReportInTheWay } from "@/lib/backfill";
import { todayInChina } from "@/lib/due";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { addDays, periodLabel } from "@/lib/periods";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth";
import { evidenceLimits } from "@/server/evidence-store";
import { reportsForMeasure } from "@/lib/status";

export default async function PeriodReportsPage({ params }: { params: Promise<{ periodId: string }> }) {
  const user = await requireUser();
  const { periodId } = await params;
  // Only what the caller may read comes back; a period they may read nothing on answers like one that does not exist.
  const period = await getPeriodDetail(user, periodId);
  if (!period) notFound();
  const assignments = period.measure.departments;
  const mine = assignments.find((a) => a.departmentId === user.departmentId) ?? null;
  const lead = assignments.find((a) => a.isLead) ?? null;

  const [t, tm, tc, locale] = await Promise.all([getTranslations("reports"), getTranslations("measure"), getTranslations("common"), getLocale()]);
  const limits = evidenceLimits();
  const number = `${period.measure.keyTask.number}.${period.measure.number}`;
  const label = periodLabel({ kind: period.kind, periodEnd: period.periodEnd }, locale);
  const reportOf = (departmentId: string) => period.reports.find((r) => r.departmentId === departmentId) ?? null;
  const myReport = mine ? reportOf(mine.departmentId) : null;
  const canWrite = Boolean(mine) && can(user, "report:write", { departmentId: mine?.departmentId ?? null });
  const editable = canWrite && (!myReport || myReport.state === "DRAFT" || myReport.state === "RETURNED");
  // The due date shown is the caller's department's (an extension moves only its own), else the lead's: the measure's.
  const dueDate = period.departmentDueDates[mine?.departmentId ?? lead?.departmentId ?? ""] ?? period.dueDate;
  const extensions = period.extensions;
  // 补录 / 代填报 (decision 025): what the bureau may enter here for a department without a report of its own.
  const today = todayInChina();
  const bureauModes = (
    [
      ["backfill", can(user, "report:backfill") && period.periodEnd < today],
      ["onBehalf", can(user, "report:onBehalf") && period.periodStart <= today],
    ] as const
  )
    .filter(([, allowed]) => allowed && planLifecycle[period.measure.keyTask.plan.status].writable && !period.measure.withdrawnAt)
    .map(([mode]) => mode);
  const openForBureau = (report: (typeof period.reports)[number] | null) =>
    !ownReportInTheWay(
      report && {
        ...report,
        values: report.values.length,
        attachments: report.attachments.length,
        revisions: report.revisions.length,
      },
    );
  const canRequestExtension = Boolean(mine && can(user, "extension:request", { departmentId: mine.departmentId }));

  return (
    <>
      <Link href={`/measures/${period.measure.id}`} className="mb-4 inline-block text-sm text-primary hover:underline">
        ← {tm("title", { number })}
      </Link>
      <PageHeader
        title={t("reportTitle", { measure: tm("title", { number }), period: label })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>
              {tc("labelled", { label: t("dueDate") })}<span className="tabular-nums" data-testid="period-due-date">{dueDate}</span>
            </span>
            {dueDate !== period.originalDueDate ? <Badge tone="warning">{t("delayed", { date: period.originalDueDate })}</Badge> : null}
          </span>
        }
      />
      <p className="official-text mb-6 text-sm text-muted-foreground">{period.measure.text}</p>

      <div className="flex flex-col gap-5">
        {assignments.map((a) => {
          const report = reportOf(a.departmentId);
          const isMine = a.departmentId === mine?.departmentId;
          return (
            <Card key={a.departmentId} id={report ? `report-${report.id}` : undefined}>
              <CardHeader>
                <CardTitle className="flex items-center gap-2">
                  {reportsForMeasure(a) ? t("leadReport") : t("supportFeedback")} · {a.department.shortName}
                  {a.isLead ? <Badge tone="primary">{tm("lead")}</Badge> : a.isJointLead ? <Badge tone="primary">{tm("jointLead")}</Badge> : null}
                  <span className="text-xs font-normal text-muted-foreground tabular-nums">
                    {tc("labelled", { label: t("dueDate") })}{period.departmentDueDates[a.departmentId]}
                  </span>
                </CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                {isMine && editable ? (
                  <>
                    {report?.state === "RETURNED" && report.returnReason ? <Alert tone="danger">{t("returnedNotice", { reason: report.returnReason })}</Alert> : null}
                    <ReportEditor
                      periodId={period.id}
                      report={report}
                      indicators={period.measure.indicators}
                      limits={{ maxMb: Math.round(limits.maxBytes / 1024 / 1024), maxFiles: limits.maxFiles }}
                      action={saveReportAction}
                    />
                  </>
                ) : report ? (
                  <>
                    {isMine && report.state === "SUBMITTED" ? <Alert>{t("readOnly")}</Alert> : null}
                    {isMine && report.state === "AWAITING_HEAD" ? <Alert>{t("awaitingHeadNotice")}</Alert> : null}
                    {report.state === "ACCEPTED" ? <Alert tone="success">{t("acceptedNotice")}</Alert> : null}
                    <ReportView report={report} indicators={period.measure.indicators} />
                  </>
                ) : (
                  <p className="text-sm text-muted-foreground">{t("noReportYet")}</p>
                )}
                {bureauModes.length && openForBureau(report) ? (
                  <details className="rounded-md border border-border bg-muted/40 px-3 py-2" data-testid={`bureau-entry-${a.department.shortName}`}>
                    <summary className="cursor-pointer text-sm font-medium">{t("backfill.openForm", { department: a.department.shortName })}</summary>
                    <div className="pt-3">
                      <BureauReportForm
                        periodId={period.id}
                        department={{ id: a.departmentId, shortName: a.department.shortName }}
                        modes={[...bureauModes]}
                        periodStart={period.periodStart}
                        today={today}
                        indicators={period.measure.indicators}
                        backfillAction={backfillReportAction}
                        onBehalfAction={reportOnBehalfAction}
                      />
                    </div>
                  </details>
                ) : null}
                {report && report.state === "AWAITING_HEAD" && can(user, "report:signoff", { departmentId: report.departmentId }) ? (
                  <HeadSignoffForm reportId={report.id} version={report.version} action={signoffReportAction} />
                ) : null}
                {report && report.state === "SUBMITTED" && can(user, "report:review") ? (
                  <ReviewForm reportId={report.id} version={report.version} action={reviewReportAction} />
                ) : null}
              </CardContent>
            </Card>
          );
        })}

        {/* Only when there is something to show or to do: an administrator with no requests to read gets no empty card. */}
        {extensions.length || canRequestExtension ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("extensionTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-4 text-sm">
            {extensions.length ? (
              <ul className="flex flex-col gap-2">
                {extensions.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-center gap-2">
                    <Badge tone={e.state === "APPROVED" ? "success" : e.state === "REJECTED" ? "danger" : "warning"}>{t(`extensionState${e.state}`)}</Badge>
                    <span>{e.department.shortName}</span>
                    <span className="tabular-nums">
                      {e.currentDueDate} → {e.requestedDueDate}
                    </span>
                    <span className="text-muted-foreground">{e.reason}</span>
                    {e.decisionNote ? <span className="text-muted-foreground">（{e.decisionNote}）</span> : null}
                  </li>
                ))}
              </ul>
            ) : null}
            {canRequestExtension ? <ExtensionRequestForm periodId={period.id} minDate={addDays(dueDate, 1)} action={requestExtensionAction} /> : null}
          </CardContent>
        </Card>
        ) : null}
      </div>
    </>
  );
}
