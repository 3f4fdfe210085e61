"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { Role } from "@/generated/prisma/enums";
import { OneTimePassword } from "./one-time-password";

/** 新建账号: login, name, role and (for a liaison) department; the answer shows the one-time password once. */
export function CreateUserForm({
  departments,
  action,
}: {
  departments: { id: string; shortName: string }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("admin");
  const tr = useTranslations("roles");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div className="flex flex-col gap-1">
              <Label htmlFor="new-login">{t("loginName")}</Label>
              <Input id="new-login" name="loginName" autoComplete="off" maxLength={40} aria-invalid={Boolean(state.fieldErrors?.loginName)} aria-describedby="new-login-error" />
              <FieldError id="new-login-error" messages={state.fieldErrors?.loginName} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="new-name">{t("displayName")}</Label>
              <Input id="new-name" name="displayName" autoComplete="off" maxLength={40} aria-invalid={Boolean(state.fieldErrors?.displayName)} aria-describedby="new-name-error" />
              <FieldError id="new-name-error" messages={state.fieldErrors?.displayName} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="new-role">{t("role")}</Label>
              <Select id="new-role" name="role" defaultValue={Role.LIAISON}>
                {[Role.LIAISON, Role.DEPARTMENT_HEAD, Role.LEADER, Role.ADMIN].map((r) => (
                  <option key={r} value={r}>
                    {tr(r)}
                  </option>
                ))}
              </Select>
              <FieldError id="new-role-error" messages={state.fieldErrors?.role} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="new-department">{t("department")}</Label>
              <Select id="new-department" name="departmentId" defaultValue="">
                <option value="">{t("noDepartment")}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.shortName}
                  </option>
                ))}
              </Select>
              <FieldError id="new-department-error" messages={state.fieldErrors?.departmentId} />
            </div>
          </div>
          <div>
            <Button type="submit" disabled={pending} data-testid="create-user">
              {t("createUser")}
            </Button>
          </div>
          {state.oneTimePassword ? <OneTimePassword password={state.oneTimePassword} /> : null}
        </>
      )}
    </ActionForm>
  );
}
