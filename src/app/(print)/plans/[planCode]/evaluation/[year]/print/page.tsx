import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportView } from "@/features/evaluation/components/report-view";
import { PrintFrame } from "@/features/evaluation/components/print-frame";
import { annualReport } from "@/features/evaluation/documents";
import { readEvaluation } from "@/features/evaluation/queries";
import { summaryYears } from "@/lib/evaluation";
import { planEvaluationHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";

/** A year's 年度总结 as a print page: the same blocks as the Word download, outside the signed-in layout. */
export default async function AnnualSummaryPrintPage({ params }: { params: Promise<{ planCode: string; year: string }> }) {
  const user = await requirePermission("evaluation:read");
  const { planCode, year } = await params;
  const [t, locale, data] = await Promise.all([getTranslations("evaluation"), getLocale(), readEvaluation(user, planCode)]);
  if (!data || !summaryYears(data.plan, data.today).includes(Number(year))) notFound();
  return (
    <PrintFrame backHref={planEvaluationHref(data.plan)} backLabel={t("back")} printLabel={t("print")}>
      <ReportView doc={annualReport(data, Number(year), locale)} />
    </PrintFrame>
  );
}
