import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { getInstructionsForLead } from "@/features/reports/queries";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/empty-state";
import { MeasureTable } from "@/components/measure-table";
import { PageHeader } from "@/components/page-header";
import { getDepartment, getDepartmentMeasures, type DepartmentMeasure } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";

export default async function DepartmentPage({ params }: { params: Promise<{ departmentId: string }> }) {
  const { departmentId } = await params;
  const user = await requirePermission("department:read", { departmentId });
  const department = await getDepartment(departmentId);
  if (!department) notFound();
  const [t, tr, format, measures, instructions] = await Promise.all([
    getTranslations("department"),
    getTranslations("reports"),
    getFormatter(),
    getDepartmentMeasures(department.id),
    getInstructionsForLead(department.id),
  ]);
  const isLead = (m: DepartmentMeasure) => m.departments.some((d) => d.id === department.id && d.isLead);
  const leads = measures.filter(isLead);
  const supports = measures.filter((m) => !isLead(m));
  const today = todayInChina();
  const section = (title: string, rows: DepartmentMeasure[], empty: string, testId: string) => (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>
          {title} <span className="ml-1 text-sm font-normal text-muted-foreground">({rows.length})</span>
        </CardTitle>
      </CardHeader>
      <CardContent className="px-0 py-0 sm:px-2">
        {rows.length === 0 ? (
          <div className="p-4">
            <EmptyState title={empty} />
          </div>
        ) : (
          <MeasureTable
            taskNumber={(m) => rows.find((r) => r.id === m.id)!.keyTask.number}
            measures={rows}
            plan={rows[0].plan}
            today={today}
            highlightDepartmentId={department.id}
          />
        )}
      </CardContent>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={department.shortName}
        description={
          <>
            {department.fullName}
            {department.aliases.length ? ` · ${t("aliases")}：${department.aliases.join("、")}` : ""}
          </>
        }
        actions={
          can(user, "department:manage", { departmentId: department.id }) ? (
            <Button variant="outline" asChild>
              <Link href={`/admin/departments/${department.id}`}>{t("manage")}</Link>
            </Button>
          ) : null
        }
      />
      <div className="flex flex-col gap-5">
        {instructions.length ? (
          <Card data-testid="department-instructions">
            <CardHeader>
              <CardTitle>{tr("instructions")}</CardTitle>
            </CardHeader>
            <CardContent>
              <ul className="flex flex-col gap-2 text-sm">
                {instructions.map((i) => (
                  <li key={i.id} className="rounded-md bg-amber-50 px-3 py-2">
                    <Link href={`/measures/${i.measure.id}`} className="mr-2 font-medium text-primary hover:underline">
                      {i.measure.keyTask.number}.{i.measure.number}
                    </Link>
                    <span className="whitespace-pre-wrap">{i.text}</span>
                    <span className="ml-2 text-xs text-muted-foreground">
                      {i.author.displayName} · {format.dateTime(i.createdAt, { dateStyle: "short", timeStyle: "short" })}
                    </span>
                  </li>
                ))}
              </ul>
            </CardContent>
          </Card>
        ) : null}
        {section(t("leads"), leads, t("noLeads"), "department-leads")}
        {section(t("supports"), supports, t("noSupports"), "department-supports")}
      </div>
    </>
  );
}
