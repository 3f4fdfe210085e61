import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { setPeriodDueDateAction, updateMeasureAction } from "@/features/plan/actions";
import { MeasureForm, PeriodDueDateForm } from "@/features/plan/components/measure-form";
import { getMeasure } from "@/features/plan/queries";
import { getMeasurePeriodsForEdit } from "@/features/reports/queries";
import { periodLabel } from "@/lib/periods";
import { confirmDeadlineAction, setMeasureReportingAction } from "@/features/schedules/actions";
import { ConfirmDeadlineForm, MeasureReportingForm } from "@/features/schedules/components/reporting-form";
import { getMeasureReporting } from "@/features/schedules/queries";
import { requirePermission } from "@/server/auth";

export default async function EditMeasurePage({ params }: { params: Promise<{ measureId: string }> }) {
  const user = await requirePermission("measure:manage");
  const { measureId } = await params;
  const measure = await getMeasure(measureId);
  if (!measure) notFound();
  const [t, tm, tr, tc, locale, periods, reporting] = await Promise.all([
    getTranslations("admin"),
    getTranslations("measure"),
    getTranslations("reports"),
    getTranslations("common"),
    getLocale(),
    getMeasurePeriodsForEdit(user, measure.id),
    getMeasureReporting(measure.id),
  ]);
  const number = `${measure.keyTask.number}.${measure.number}`;
  return (
    <>
      <Link href={`/measures/${measure.id}`} className="mb-4 inline-block text-sm text-primary hover:underline">
        ← {tm("title", { number })}
      </Link>
      <PageHeader title={`${t("editMeasure")} ${number}`} description={`${tc("labelled", { label: tm("timeArrangement") })}${measure.timeArrangement}`} />
      <div className="flex flex-col gap-5">
        <Card>
          <CardContent>
            <MeasureForm
              measure={{ id: measure.id, version: measure.version, text: measure.currentText ?? measure.text, scheduleKind: measure.scheduleKind, scheduleStart: measure.scheduleStart, deadline: measure.deadline }}
              action={updateMeasureAction}
            />
          </CardContent>
        </Card>
        {reporting && (
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
        )}
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
                    <Td>
                      <PeriodDueDateForm period={p} action={setPeriodDueDateAction} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
