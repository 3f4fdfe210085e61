import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LoginForm } from "@/features/auth/components/login-form";
import { LanguageSwitch } from "@/components/language-switch";
import { getCurrentUser } from "@/server/auth";
import { env } from "@/server/env";
import { safeCallbackPath } from "@/lib/safe-callback";
import { hasDemoData } from "@/features/demo/queries";

export async function generateMetadata() {
  const t = await getTranslations("login");
  return { title: t("title") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  // Only same-site paths are followed after sign-in, never another origin.
  const callbackUrl = safeCallbackPath(params.callbackUrl);
  // With the database down the form still shows; signing in then says it did not succeed.
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect(callbackUrl);
  const [t, ta, td, demo] = await Promise.all([getTranslations("login"), getTranslations("app"), getTranslations("demo"), hasDemoData().catch(() => false)]);
  return (
    <div className="flex min-h-screen flex-col bg-header">
      {demo ? (
        <div role="note" aria-label={td("label")} className="bg-amber-50 px-4 py-2 text-center text-sm text-amber-950" data-testid="demo-banner">
          <span className="mr-2 inline-block rounded bg-amber-500 px-1.5 py-0.5 text-xs font-semibold text-white">{td("label")}</span>
          {td("login")}
        </div>
      ) : null}
      <div className="flex justify-end p-3 text-white">
        <LanguageSwitch />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[8vh] pb-16">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center text-white">
            <p className="text-3xl font-bold tracking-widest">{ta("name")}</p>
            <p className="mt-1 text-sm text-white/75">{ta("tagline")}</p>
          </div>
          <div className="rounded-lg bg-card p-6 shadow-xl">
            <h1 className="text-lg font-semibold">{t("title")}</h1>
            <p className="mb-5 text-sm text-muted-foreground">{t("subtitle")}</p>
            <LoginForm callbackUrl={callbackUrl} lockMinutes={env().DUBAN_LOGIN_LOCK_MINUTES} />
          </div>
        </div>
      </main>
    </div>
  );
}
