"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";

/** The e-mail address of one account; empty means notifications stay in the app. */
export function UserEmailForm({
  user,
  action,
}: {
  user: { id: string; loginName: string; email: string | null };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("admin");
  const inputId = `email-${user.id}`;
  return (
    <ActionForm action={action} className="flex flex-col gap-1" messageClassName="min-w-0 text-xs">
      {(state, pending) => (
        <>
          <input type="hidden" name="userId" value={user.id} />
          <div className="flex items-center gap-2">
            <label className="sr-only" htmlFor={inputId}>
              {t("email")}
            </label>
            <Input
              id={inputId}
              name="email"
              type="email"
              defaultValue={user.email ?? ""}
              placeholder={t("emailPlaceholder")}
              maxLength={254}
              autoComplete="off"
              className="h-8 w-56 text-xs"
              aria-invalid={Boolean(state.fieldErrors?.email)}
              aria-describedby={`${inputId}-error`}
              data-testid={`email-${user.loginName}`}
            />
            <Button size="sm" variant="outline" type="submit" disabled={pending}>
              {t("saveEmail")}
            </Button>
          </div>
          <FieldError id={`${inputId}-error`} messages={state.fieldErrors?.email} />
        </>
      )}
    </ActionForm>
  );
}
