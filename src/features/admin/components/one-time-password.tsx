"use client";

import { useTranslations } from "next-intl";

/** A password an administrator just made, shown in the action's answer only (a reload does not bring it back). */
export function OneTimePassword({ password }: { password: string }) {
  const t = useTranslations("admin");
  return (
    <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      {t("oneTimePassword")}{" "}
      <code className="select-all font-mono text-base font-semibold" data-testid="one-time-password">
        {password}
      </code>
    </p>
  );
}
