"use client";

import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { StatusPage } from "@/components/status-page";

/** Shown when a page fails: a message and a reference, never the error itself. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <StatusPage
      noStore
      title={t("title")}
      message={`${t("generic")}${error.digest ? ` ${t("reference", { digest: error.digest })}` : ""}`}
      homeLabel={t("home")}
      actions={<Button onClick={reset}>{t("retry")}</Button>}
    />
  );
}
