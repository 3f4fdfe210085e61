import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportView } from "@/features/evaluation/components/report-view";
import { PrintFrame } from "@/features/evaluation/components/print-frame";
import { finalReport } from "@/features/evaluation/documents";
import { readEvaluation } from "@/features/evaluation/queries";
import { planEvaluationHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";

/** 终期评估报告 as a print page: the same blocks as the Word download, outside the signed-in layout. */
export default async function FinalReportPrintPage({ params }: { params: Promise<{ planCode: string }> }) {
  const user = await requirePermission("evaluation:read");
  const { planCode } = await params;
  const [t, locale, data] = await Promise.all([getTranslations("evaluation"), getLocale(), readEvaluation(user, planCode)]);
  if (!data || !data.evaluable) notFound();
  return (
    <PrintFrame backHref={planEvaluationHref(data.plan)} backLabel={t("back")} printLabel={t("print")}>
      <ReportView doc={finalReport(data, locale)} />
    </PrintFrame>
  );
}
