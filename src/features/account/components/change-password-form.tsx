"use client";

import { useEffect } from "react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";

/** After a successful change, the user goes on to their start page. */
function ContinueWhenDone({ ok }: { ok: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (ok) router.replace("/");
  }, [ok, router]);
  return null;
}

/** 修改密码: the current password, the new one twice. */
export function ChangePasswordForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("account");
  const fields = [
    { name: "currentPassword", label: t("currentPassword"), autoComplete: "current-password", hint: null },
    { name: "newPassword", label: t("newPassword"), autoComplete: "new-password", hint: t("newPasswordHint") },
    { name: "confirmPassword", label: t("confirmPassword"), autoComplete: "new-password", hint: null },
  ] as const;
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      {(state, pending) => (
        <>
          {fields.map((f) => (
            <div key={f.name} className="flex flex-col gap-1">
              <Label htmlFor={f.name}>{f.label}</Label>
              <Input
                id={f.name}
                name={f.name}
                type="password"
                autoComplete={f.autoComplete}
                maxLength={200}
                aria-invalid={Boolean(state.fieldErrors?.[f.name])}
                aria-describedby={`${f.name}-error`}
              />
              {f.hint ? <p className="text-xs text-muted-foreground">{f.hint}</p> : null}
              <FieldError id={`${f.name}-error`} messages={state.fieldErrors?.[f.name]} />
            </div>
          ))}
          <Button type="submit" disabled={pending || state.ok}>
            {t("submit")}
          </Button>
          <ContinueWhenDone ok={state.ok} />
        </>
      )}
    </ActionForm>
  );
}
