"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { Role } from "@/generated/prisma/enums";
import { OneTimePassword } from "./one-time-password";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Role, active and end-sessions controls for one account row. */
export function UserRowControls({
  user,
  isSelf,
  setActive,
  setRole,
  endSessions,
  resetPassword,
}: {
  user: { id: string; loginName: string; role: Role; active: boolean };
  isSelf: boolean;
  setActive: ServerAction;
  setRole: ServerAction;
  endSessions: ServerAction;
  resetPassword: ServerAction;
}) {
  const t = useTranslations("admin");
  const tr = useTranslations("roles");
  if (isSelf) return null;
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm action={setRole} className="flex items-center gap-2" messageClassName="min-w-0">
        {(_s, pending) => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <label className="sr-only" htmlFor={`role-${user.id}`}>
              {t("changeRole")}
            </label>
            <Select id={`role-${user.id}`} name="role" defaultValue={user.role} className="h-8 w-32 text-xs">
              {[Role.ADMIN, Role.LEADER, Role.LIAISON, Role.DEPARTMENT_HEAD].map((r) => (
                <option key={r} value={r}>
                  {tr(r)}
                </option>
              ))}
            </Select>
            <Button size="sm" variant="outline" type="submit" disabled={pending}>
              {t("save")}
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={setActive} className="flex items-center gap-2">
        {(_s, pending) => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <input type="hidden" name="active" value={user.active ? "false" : "true"} />
            <Button size="sm" variant={user.active ? "destructive" : "default"} type="submit" disabled={pending} data-testid={`toggle-${user.loginName}`}>
              {user.active ? t("deactivate") : t("activate")}
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={endSessions} className="flex items-center gap-2">
        {(_s, pending) => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <Button size="sm" variant="outline" type="submit" disabled={pending} title={t("endSessionsHint")} data-testid={`end-sessions-${user.loginName}`}>
              {t("endSessions")}
            </Button>
          </>
        )}
      </ActionForm>
      <ActionForm action={resetPassword} className="flex flex-col gap-2">
        {(state, pending) => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <Button size="sm" variant="outline" type="submit" disabled={pending} title={t("resetPasswordHint")} data-testid={`reset-password-${user.loginName}`}>
              {t("resetPassword")}
            </Button>
            {state.oneTimePassword ? <OneTimePassword password={state.oneTimePassword} /> : null}
          </>
        )}
      </ActionForm>
    </div>
  );
}
