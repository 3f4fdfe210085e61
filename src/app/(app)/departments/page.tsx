import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { listDepartmentsWithCounts } from "@/features/plan/department-queries";
import { requirePermission } from "@/server/auth";
import { can } from "@/lib/permissions";
import { createDepartmentAction } from "@/features/admin/actions";
import { CreateDepartmentForm } from "@/features/admin/components/create-department-form";

export default async function DepartmentsPage() {
  // Listing every department is a cross-department read.
  const me = await requirePermission("department:read", { departmentId: null });
  const [t, ta, tk, departments] = await Promise.all([
    getTranslations("department"),
    getTranslations("admin"),
    getTranslations("departmentKinds"),
    listDepartmentsWithCounts(),
  ]);
  return (
    <>
      <PageHeader title={t("listTitle")} />
      {can(me, "department:manage") ? (
        <Card className="mb-6 p-4">
          <h2 className="mb-1 text-base font-semibold">{ta("newDepartment")}</h2>
          <p className="mb-3 text-sm text-muted-foreground">{ta("newDepartmentHint")}</p>
          <CreateDepartmentForm action={createDepartmentAction} />
        </Card>
      ) : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {departments.map((d) => (
          <li key={d.id}>
            <Card className="h-full">
              <Link href={`/departments/${d.id}`} className="flex h-full flex-col gap-1 px-5 py-4 hover:bg-muted/40">
                <span className="text-lg font-semibold">{d.shortName}</span>
                <span className="text-xs text-muted-foreground">
                  {d.fullName} · {tk(d.kind)}
                </span>
                <span className="mt-2 text-sm">
                  {t("leadCount", { count: d.leads })} · {t("supportCount", { count: d.supports })}
                </span>
              </Link>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
