import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { PageHeader } from "@/components/page-header";
import { endSessionsAction, setUserActiveAction, setUserEmailAction, setUserRoleAction } from "@/features/admin/actions";
import { UserEmailForm } from "@/features/admin/components/user-email-form";
import { UserRowControls } from "@/features/admin/components/user-row-controls";
import { listUsers } from "@/features/admin/queries";
import { requirePermission } from "@/server/auth";
import { env } from "@/server/env";

export default async function UsersPage() {
  const me = await requirePermission("user:manage");
  const [t, tr, users] = await Promise.all([getTranslations("admin"), getTranslations("roles"), listUsers(me)]);
  return (
    <>
      <PageHeader title={t("usersTitle")} description={env().DUBAN_SMTP_URL ? t("emailHint") : t("emailOff")} />
      <Card>
        <Table>
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
                <Td>{u.displayName}</Td>
                <Td>{tr(u.role)}</Td>
                <Td>{u.department?.shortName ?? "—"}</Td>
                <Td>
                  <UserEmailForm user={u} action={setUserEmailAction} />
                </Td>
                <Td>
                  <Badge tone={u.active ? "success" : "danger"}>{u.active ? t("active") : t("inactive")}</Badge>
                </Td>
                <Td>
                  <UserRowControls user={u} isSelf={u.id === me.id} setActive={setUserActiveAction} setRole={setUserRoleAction} endSessions={endSessionsAction} />
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </>
  );
}
