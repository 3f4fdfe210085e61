import { getTranslations } from "next-intl/server";
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/page-header";
import { PlanImportForm } from "@/features/plan-import/components/import-form";
import { requirePermission } from "@/server/auth";

/** Upload (or paste) a plan's key-task table, check the preview, confirm. */
export default async function PlanImportPage() {
  await requirePermission("plan:import");
  const t = await getTranslations("admin.planImport");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("plansIntro")}
        actions={
          <Button asChild variant="outline">
            <a href="/api/admin/plans/template" download data-testid="template-link">
              <Download className="size-4" aria-hidden />
              {t("downloadTemplate")}
            </a>
          </Button>
        }
      />
      <PlanImportForm defaultYear={new Date().getFullYear()} />
    </>
  );
}
