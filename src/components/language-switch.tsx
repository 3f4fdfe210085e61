import { getLocale, getTranslations } from "next-intl/server";
import { Languages } from "lucide-react";

/** A one-click switch to the other interface language (a plain GET: it works before sign-in too). */
export async function LanguageSwitch({ className }: { className?: string }) {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("nav")]);
  return (
    <form method="get" action="/api/locale" className={className}>
      <input type="hidden" name="to" value={locale === "zh-CN" ? "en" : "zh-CN"} />
      <button type="submit" className="inline-flex h-8 items-center gap-1.5 whitespace-nowrap rounded-md px-3 text-xs hover:bg-white/10">
        <Languages className="size-4" aria-hidden />
        {t("language")}
      </button>
    </form>
  );
}
