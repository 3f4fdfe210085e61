import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { setPeriodDueDateAction, updateMeasureAction } from "@/features/plan/actions";
import { MeasureForm, PeriodDueDateForm } from "@/features/plan/components/measure-form";
import { getMeasure, listDepartments } from "@/features/plan/queries";
import { getMeasurePeriodsForEdit } from "@/features/reports/queries";
import { ConfirmIndicatorForm, IndicatorForm, MeasureDepartmentsForm } from "@/features/structure/components/measure-structure-forms";
import { WithdrawForm } from "@/features/structure/components/structure-forms";
import { roleOf } from "@/features/structure/rules";
import { periodLabel } from "@/lib/periods";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { confirmDeadlineAction, setMeasureReportingAction } from "@/features/schedules/actions";
import { ConfirmDeadlineForm, MeasureReportingForm } from "@/features/schedules/components/reporting-form";
import { getMeasureReporting } from "@/features/schedules/queries";
import { requirePermission } from "@/server/auth";

export default async function EditMeasurePage({ params }: { params: Promise<{ measureId: string }> }) {
  const user = await requirePermission("measure:manage");
  const { measureId } = await params;
  const measure = await getMeasure(measureId);
  if (!measure) notFound();
  const [t, tm, tr, tc, locale, periods, departments, reporting] = await Promise.all([
    getTranslations("admin"),
    getTranslations("measure"),
    getTranslations("reports"),
    getTranslations("common"),
    getLocale(),
    getMeasurePeriodsForEdit(user, measure.id),
    listDepartments(),
    getMeasureReporting(measure.id),
  ]);
  const number = `${measure.keyTask.number}.${measure.number}`;
  // A withdrawn measure, or one of an archived plan, is shown but no longer edited.
  const editable = !measure.withdrawn && planLifecycle[measure.plan.status].writable;
  return (
    <>
      <Link href={`/measures/${measure.id}`} className="mb-4 inline-block text-sm text-primary hover:underline">
        ← {tm("title", { number })}
      </Link>
      <PageHeader title={`${t("editMeasure")} ${number}`} description={`${tc("labelled", { label: tm("timeArrangement") })}${measure.timeArrangement}`} />
      {measure.withdrawn ? (
        <Alert tone="warning" className="mb-5" data-testid="withdrawn-notice">
          <strong>{tm("withdrawnTitle")}</strong> {tm("withdrawnNotice", { date: measure.withdrawn.on, reason: measure.withdrawn.reason })}
        </Alert>
      ) : null}
      <div className="grid gap-5 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-5 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{tm("currentText")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              {editable ? (
                <MeasureForm
                  measure={{ id: measure.id, version: measure.version, text: measure.text, scheduleKind: measure.scheduleKind, scheduleStart: measure.scheduleStart, deadline: measure.deadline }}
                  action={updateMeasureAction}
                />
              ) : (
                <p className="official-text text-base">{measure.text}</p>
              )}
              <div className="rounded-md bg-muted px-3 py-2" data-testid="issued-text">
                <p className="mb-1 text-xs font-semibold text-muted-foreground">{t("issuedWording")}</p>
                <p className="official-text text-sm">{measure.issuedText}</p>
              </div>
            </CardContent>
          </Card>
          {editable && reporting ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("reportingTitle")}</CardTitle>
              </CardHeader>
              <CardContent className="flex flex-col gap-4">
                <p className="text-sm text-muted-foreground">{t("reportingHint", { start: reporting.planTrackingStart })}</p>
                {reporting.awaitsConfirmation && (
                  <div className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
                    <p>
                      <span className="mr-2 font-medium">{t("awaitsConfirmation")}</span>
                      {t("awaitsConfirmationHint")}
                    </p>
                    <ConfirmDeadlineForm measure={reporting} action={confirmDeadlineAction} />
                  </div>
                )}
                <MeasureReportingForm measure={reporting} planDefault={reporting.planDefaultCadence} action={setMeasureReportingAction} />
              </CardContent>
            </Card>
          ) : null}
          <Card>
            <CardHeader>
              <CardTitle>{t("indicatorsTitle")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-5">
              <p className="text-xs text-muted-foreground">{t("indicatorsHint")}</p>
              {measure.indicators.map((i) =>
                editable ? (
                  <div key={i.id} className="flex flex-col gap-2 border-b border-border pb-4">
                    <IndicatorForm measureId={measure.id} indicator={i} />
                    {i.confirmed ? null : <ConfirmIndicatorForm indicator={i} />}
                  </div>
                ) : (
                  <p key={i.id} className="text-sm">
                    {i.name}
                  </p>
                ),
              )}
              {editable ? <IndicatorForm measureId={measure.id} /> : null}
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("periodDueDates")}</CardTitle>
            </CardHeader>
            <CardContent className="px-0 py-0 sm:px-2">
              <Table>
                <thead>
                  <tr>
                    <Th>{tr("period")}</Th>
                    <Th>{tr("originalDueDate")}</Th>
                    <Th>{tr("dueDate")}</Th>
                  </tr>
                </thead>
                <tbody>
                  {periods.map((p) => (
                    <tr key={p.id}>
                      <Td className="whitespace-nowrap">{periodLabel(p, locale)}</Td>
                      <Td className="tabular-nums">{p.originalDueDate}</Td>
                      <Td>{editable ? <PeriodDueDateForm period={p} action={setPeriodDueDateAction} /> : <span className="tabular-nums">{p.dueDate}</span>}</Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </CardContent>
          </Card>
        </div>
        <div className="flex h-fit min-w-0 flex-col gap-5">
          <Card>
            <CardHeader>
              <CardTitle>{t("measureDepartments")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3">
              {editable ? (
                <MeasureDepartmentsForm
                  measure={{
                    id: measure.id,
                    version: measure.version,
                    departments: measure.departments.map((d) => ({ id: d.id, shortName: d.shortName, role: roleOf(d), startsOn: d.startsOn })),
                    // A department added to a measure of a plan that has started owes only what falls from its start (decision 031).
                    startsOnApplies: measure.plan.status !== "DRAFT",
                  }}
                  departments={departments}
                />
              ) : (
                <ul className="flex flex-col gap-1 text-sm">
                  {measure.departments.map((d) => (
                    <li key={d.id}>
                      {d.shortName}（{t(`role${roleOf(d)}`)}）
                    </li>
                  ))}
                </ul>
              )}
              <p className="text-xs text-muted-foreground">{tm("asIssued", { text: measure.departmentsText })}</p>
            </CardContent>
          </Card>
          {editable ? (
            <Card>
              <CardHeader>
                <CardTitle>{t("withdrawMeasure")}</CardTitle>
              </CardHeader>
              <CardContent>
                <WithdrawForm target={{ kind: "measure", id: measure.id, version: measure.version }} />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
