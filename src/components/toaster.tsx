"use client";

import { useTranslations } from "next-intl";
import { Toaster as Toasts } from "sonner";

/**
 * Where the outcome of an action is announced ("报告已提交", "已退回"…): at the top of the page,
 * outside the form, so it is still seen when the form it came from is gone once the page shows
 * the new state (a reviewed report has no review form any more). Errors stay beside their form.
 */
export function Toaster() {
  const t = useTranslations("common");
  return <Toasts position="top-center" richColors closeButton duration={6000} containerAriaLabel={t("toasts")} toastOptions={{ closeButtonAriaLabel: t("closeToast") }} />;
}
