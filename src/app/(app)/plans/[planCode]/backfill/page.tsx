import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { BulkBackfillForm } from "@/features/backfill/components/bulk-backfill-form";
import { PlanStatusBadge } from "@/features/plan/components/plan-status-badge";
import { getPlanByCode } from "@/features/plan/queries";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { planHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";

export async function generateMetadata() {
  const t = await getTranslations("reports");
  return { title: t("backfill.bulkTitle") };
}

/** 批量补录: a plan's past reports from a spreadsheet, previewed row by row, then written at once (decision 025). */
export default async function PlanBackfillPage({ params }: { params: Promise<{ planCode: string }> }) {
  await requirePermission("report:backfill");
  const { planCode } = await params;
  const plan = await getPlanByCode(planCode);
  if (!plan) notFound();
  const t = await getTranslations("reports");
  const writable = planLifecycle[plan.status].writable;
  return (
    <>
      <Link href={planHref(plan)} className="mb-4 inline-flex items-center gap-1 text-sm text-primary hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        {plan.title}
      </Link>
      <PageHeader
        title={t("backfill.bulkTitle")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PlanStatusBadge status={plan.status} />
            <span>{t("backfill.bulkIntro")}</span>
          </span>
        }
      />
      {writable ? (
        <Card>
          <CardContent className="pt-6">
            <BulkBackfillForm planCode={plan.code} />
          </CardContent>
        </Card>
      ) : (
        <Alert tone="warning">{t("backfill.readOnlyPlan")}</Alert>
      )}
    </>
  );
}
