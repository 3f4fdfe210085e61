import Link from "next/link";
import { planHref } from "@/lib/plan-urls";
import { getTranslations } from "next-intl/server";
import { Download, Upload } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { listPlans } from "@/features/plan/queries";
import { setPlanReportingAction } from "@/features/schedules/actions";
import { PlanReportingForm } from "@/features/schedules/components/reporting-form";
import { listPlanReporting } from "@/features/schedules/queries";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { requirePermission } from "@/server/auth";

/** Plans as administrators import and export them. */
export default async function AdminPlansPage() {
  await requirePermission("plan:import");
  const [t, ta, tp, tr, plans, reporting] = await Promise.all([
    getTranslations("admin.planImport"),
    getTranslations("admin"),
    getTranslations("plan"),
    getTranslations("reports"),
    listPlans(),
    listPlanReporting(),
  ]);
  return (
    <>
      <PageHeader
        title={t("plansTitle")}
        description={t("plansIntro")}
        actions={
          <>
            <Button asChild variant="outline">
              <a href="/api/admin/plans/template" download>
                <Download className="size-4" aria-hidden />
                {t("downloadTemplate")}
              </a>
            </Button>
            <Button asChild>
              <Link href="/admin/plans/import">
                <Upload className="size-4" aria-hidden />
                {t("startImport")}
              </Link>
            </Button>
          </>
        }
      />
      {plans.length === 0 ? (
        <EmptyState title={t("noPlans")} />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{t("planTitle")}</Th>
                <Th>{t("code")}</Th>
                <Th>{t("years")}</Th>
                <Th>
                  <span className="sr-only">{t("exportPlan")}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {plans.map((plan) => (
                <tr key={plan.id}>
                  <Td>
                    <Link href={planHref(plan)} className="text-primary hover:underline">
                      {plan.title}
                    </Link>
                  </Td>
                  <Td className="font-mono text-xs">{plan.code}</Td>
                  <Td>{tp("period", { start: plan.startYear, end: plan.endYear })}</Td>
                  <Td>
                    <span className="flex flex-wrap gap-x-3 gap-y-1">
                      <a href={`/api/admin/plans/export?plan=${encodeURIComponent(plan.code)}`} className="text-primary hover:underline" download>
                        {t("exportPlan")}
                      </a>
                      {planLifecycle[plan.status].writable ? (
                        <Link href={planHref(plan, "backfill")} className="text-primary hover:underline">
                          {tr("backfill.bulkTitle")}
                        </Link>
                      ) : null}
                    </span>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
      {plans.length > 0 && (
        <Card className="mt-5 p-4">
          <h2 className="mb-1 text-base font-semibold">{ta("planReportingTitle")}</h2>
          <p className="mb-4 text-sm text-muted-foreground">{ta("planReportingHint")}</p>
          <div className="flex flex-col gap-5">
            {plans.map((plan) => {
              const r = reporting.get(plan.id);
              return r ? (
                <div key={plan.id} className="flex flex-col gap-2">
                  <p className="text-sm font-medium">{plan.title}</p>
                  <PlanReportingForm plan={r} action={setPlanReportingAction} />
                </div>
              ) : null;
            })}
          </div>
        </Card>
      )}
    </>
  );
}
