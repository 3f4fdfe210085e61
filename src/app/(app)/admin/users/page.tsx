import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { createUserAction, endSessionsAction, resetPasswordAction, setLedDepartmentsAction, setUserActiveAction, setUserEmailAction, setUserRoleAction } from "@/features/admin/actions";
import { LedDepartmentsForm } from "@/features/admin/components/led-departments-form";
import { mayBeInChargeOfDepartments } from "@/lib/permissions";
import { CreateUserForm } from "@/features/admin/components/create-user-form";
import { listDepartments } from "@/features/plan/queries";
import { UserEmailForm } from "@/features/admin/components/user-email-form";
import { UserRowControls } from "@/features/admin/components/user-row-controls";
import { listUsers } from "@/features/admin/queries";
import { requirePermission } from "@/server/auth";
import { env } from "@/server/env";

export default async function UsersPage() {
  const me = await requirePermission("user:manage");
  const [t, tr, users, departments] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listUsers(me), listDepartments()]);
  return (
    <>
      <PageHeader title={t("usersTitle")} description={env().DUBAN_SMTP_URL ? t("emailHint") : t("emailOff")} />
      <Card className="mb-6 p-4">
        <h2 className="mb-1 text-base font-semibold">{t("newUser")}</h2>
        <p className="mb-3 text-sm text-muted-foreground">{t("newUserHint")}</p>
        <CreateUserForm departments={departments} action={createUserAction} />
      </Card>
      <Card>
        {/* relative: the rows' visually hidden labels stay inside the sideways scroll on a phone, not widening the page. */}
        <Table wrapperClassName="relative">
          <thead>
            <tr>
              <Th>{t("loginName")}</Th>
              <Th>{t("displayName")}</Th>
              <Th>{t("role")}</Th>
              <Th>{t("department")}</Th>
              <Th>{t("email")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("actions")}</Th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-testid={`user-${u.loginName}`}>
                <Td className="font-mono text-xs">{u.loginName}</Td>
                <Td>
                  {u.displayName}
                  {u.mustChangePassword ? (
                    <Badge tone="warning" className="ml-2">
                      {t("mustChangePassword")}
                    </Badge>
                  ) : null}
                </Td>
                <Td>{tr(u.role)}</Td>
                <Td>
                  {mayBeInChargeOfDepartments(u.role) ? (
                    <LedDepartmentsForm user={{ id: u.id, loginName: u.loginName, ledDepartmentIds: u.ledDepartments.map((d) => d.departmentId) }} departments={departments} action={setLedDepartmentsAction} />
                  ) : (
                    (u.department?.shortName ?? "—")
                  )}
                </Td>
                <Td>
                  <UserEmailForm user={u} action={setUserEmailAction} />
                </Td>
                <Td>
                  <Badge tone={u.active ? "success" : "danger"}>{u.active ? t("active") : t("inactive")}</Badge>
                </Td>
                <Td>
                  <UserRowControls user={u} isSelf={u.id === me.id} setActive={setUserActiveAction} setRole={setUserRoleAction} endSessions={endSessionsAction} resetPassword={resetPasswordAction} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
