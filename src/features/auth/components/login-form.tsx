"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/form";
import { safeCallbackPath } from "@/lib/safe-callback";
import { parseSignInError } from "../sign-in-error";

/** The sign-in form. The server answers an unknown user and a wrong password alike. */
export function LoginForm({ callbackUrl, lockMinutes }: { callbackUrl: string; lockMinutes: number }) {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const loginName = String(form.get("loginName") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!loginName || !password) {
      setError(t("required"));
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { loginName, password, redirect: false });
      if (result?.ok && !result.error) {
        // A full navigation, so every server component renders with the new session.
        window.location.assign(safeCallbackPath(callbackUrl));
        return;
      }
      const refusal = parseSignInError(result?.error);
      setError(
        refusal.code === "INVALID"
          ? t("invalid")
          : refusal.code === "THROTTLED"
            ? t("throttled", { minutes: lockMinutes })
            : t("unavailable") + (refusal.reference ? t("reference", { reference: refusal.reference }) : ""),
      );
    } catch {
      setError(t("failed"));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div className="flex flex-col gap-1">
        <Label htmlFor="loginName">{t("loginName")}</Label>
        <Input id="loginName" name="loginName" autoComplete="username" autoFocus required maxLength={100} aria-describedby="login-error" />
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor="password">{t("password")}</Label>
        <Input id="password" name="password" type="password" autoComplete="current-password" required maxLength={200} aria-describedby="login-error" />
      </div>
      <p id="login-error" role="alert" aria-live="assertive" className="min-h-5 text-sm text-destructive">
        {error}
      </p>
      <Button type="submit" size="lg" disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
