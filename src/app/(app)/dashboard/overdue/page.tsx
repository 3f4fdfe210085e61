import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { parseAsOf } from "@/features/dashboard/as-of";
import { getDashboard } from "@/features/dashboard/cached";
import { OverdueTable } from "@/features/dashboard/components/overdue-table";
import { listPlans } from "@/features/plan/queries";
import { requirePermission } from "@/server/auth";

/** The list behind every overdue count: the measure's (lead) periods, or one department's share of them. */
export default async function OverdueListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboard:read");
  const raw = await searchParams;
  const asOf = parseAsOf(raw.asOf);
  const [t, plans] = await Promise.all([getTranslations("dashboard"), listPlans()]);
  if (!plans[0]) return <EmptyState title={t("noPlan")} />;
  const d = await getDashboard(plans[0].id, asOf);
  const dept = d.departments.find((x) => x.id === raw.dept);
  const items = dept ? d.overdue.filter((o) => o.departmentId === dept.id) : d.overdue.filter((o) => o.isLead);
  return (
    <>
      <Link href={`/dashboard?asOf=${asOf}`} className="mb-4 inline-block text-sm text-primary hover:underline">
        ← {t("title")}
      </Link>
      <PageHeader title={`${t("overdueTitle")}${dept ? ` · ${dept.shortName}` : ""}`} description={t("historyNote", { date: asOf })} />
      <form method="get" className="mb-4 flex items-end gap-3">
        <input type="hidden" name="asOf" value={asOf} />
        <div className="flex flex-col gap-1">
          <Label htmlFor="dept">{t("colResponsible")}</Label>
          <Select id="dept" name="dept" defaultValue={dept?.id ?? ""} className="w-48">
            <option value="">{t("allDepartments")}</option>
            {d.departments.map((x) => (
              <option key={x.id} value={x.id}>
                {x.shortName}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{t("apply")}</Button>
      </form>
      <p className="mb-2 text-sm text-muted-foreground" data-testid="overdue-total">
        {items.length}
      </p>
      <Card>
        <OverdueTable items={items} departments={d.departments} />
      </Card>
    </>
  );
}
