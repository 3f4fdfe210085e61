import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { updateDepartmentAction } from "@/features/admin/actions";
import { DepartmentForm } from "@/features/admin/components/department-form";
import { listUsers } from "@/features/admin/queries";
import { getDepartment } from "@/features/plan/queries";
import { requirePermission } from "@/server/auth";

export default async function DepartmentAdminPage({ params }: { params: Promise<{ departmentId: string }> }) {
  const { departmentId } = await params;
  const user = await requirePermission("department:manage", { departmentId });
  const department = await getDepartment(departmentId);
  if (!department) notFound();
  const [t, tr, users] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listUsers(user, { departmentId })]);
  return (
    <>
      <PageHeader title={t("departmentTitle", { name: department.shortName })} />
      <div className="grid gap-5 lg:grid-cols-2">
        <Card>
          <CardContent>
            <DepartmentForm department={department} action={updateDepartmentAction} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("departmentUsers")}</CardTitle>
          </CardHeader>
          <CardContent>
            {users.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t("noUsers")}</p>
            ) : (
              <ul className="flex flex-col gap-2 text-sm">
                {users.map((u) => (
                  <li key={u.id} className="flex items-center gap-2">
                    <span className="font-mono text-xs">{u.loginName}</span>
                    <span>{u.displayName}</span>
                    <Badge>{tr(u.role)}</Badge>
                    {u.active ? null : <Badge tone="danger">{t("inactive")}</Badge>}
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}
