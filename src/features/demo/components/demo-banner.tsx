import { getTranslations } from "next-intl/server";
import { can, type Principal } from "@/lib/permissions";
import { RemoveDemoButton } from "./remove-demo-button";

/**
 * 演示数据: shown above every page while the embedded mode's demonstration history is in the
 * database (decision 030), with the administrator's button to remove it.
 */
export async function DemoBanner({ user }: { user: Principal }) {
  const t = await getTranslations("demo");
  return (
    <div role="note" aria-label={t("label")} className="border-b border-amber-300 bg-amber-50 text-amber-950" data-testid="demo-banner">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-2 text-sm sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>
          <span className="mr-2 inline-block rounded bg-amber-500 px-1.5 py-0.5 text-xs font-semibold text-white">{t("label")}</span>
          {can(user, "demo:remove") ? t("textAdmin") : t("text")}
        </p>
        {can(user, "demo:remove") ? (
          <RemoveDemoButton
            labels={{ remove: t("remove"), confirmQuestion: t("confirmQuestion"), confirm: t("confirm"), cancel: t("cancel"), removing: t("removing") }}
          />
        ) : null}
      </div>
    </div>
  );
}
