import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AppHeader } from "@/components/app-header";
import { StatusPage } from "@/components/status-page";
import { isDatabaseUnavailable } from "@/lib/database-errors";
import { DemoBanner } from "@/features/demo/components/demo-banner";
import { hasDemoData } from "@/features/demo/queries";
import { requireUser, type CurrentUser } from "@/server/auth";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("app");
  let user: CurrentUser;
  let demo: boolean;
  try {
    [user, demo] = await Promise.all([requireUser(), hasDemoData()]);
  } catch (error) {
    // The database is down: say so plainly; the next request tries again.
    if (!isDatabaseUnavailable(error)) throw error;
    const te = await getTranslations("errors");
    return <StatusPage noStore code="503" title={te("unavailableTitle")} message={te("unavailable")} homeLabel={te("retry")} />;
  }
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        {t("skipToContent")}
      </a>
      <AppHeader user={user} />
      {demo ? <DemoBanner user={user} /> : null}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
        {children}
      </main>
    </>
  );
}
