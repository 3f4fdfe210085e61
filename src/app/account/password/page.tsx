import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/language-switch";
import { SignOutButton } from "@/components/sign-out-button";
import { changePasswordAction } from "@/features/account/actions";
import { ChangePasswordForm } from "@/features/account/components/change-password-form";
import { requireUser } from "@/server/auth";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** 修改密码: the one page open to a user whose password was handed out by an administrator (see requireUser). */
export default async function ChangePasswordPage() {
  const user = await requireUser({ pendingPasswordChange: "allow" });
  const [t, ta] = await Promise.all([getTranslations("account"), getTranslations("app")]);
  return (
    <div className="flex min-h-screen flex-col bg-header">
      <div className="flex items-center justify-end gap-2 p-3 text-white">
        <LanguageSwitch />
        <SignOutButton />
      </div>
      <main className="flex flex-1 items-start justify-center px-4 pt-[6vh] pb-16">
        <div className="w-full max-w-sm">
          <div className="mb-6 text-center text-white">
            <p className="text-3xl font-bold tracking-widest">{ta("name")}</p>
          </div>
          <div className="rounded-lg bg-card p-6 shadow-xl">
            <h1 className="text-lg font-semibold">{t("title")}</h1>
            <p className="mb-1 text-sm text-muted-foreground">
              {user.displayName}（{user.loginName}）
            </p>
            <p className="mb-5 text-sm text-muted-foreground">{user.mustChangePassword ? t("forcedHint") : t("hint")}</p>
            <ChangePasswordForm action={changePasswordAction} />
            {user.mustChangePassword ? null : (
              <p className="mt-4 text-center text-sm">
                <Link href="/" className="text-primary underline-offset-2 hover:underline">
                  {t("continue")}
                </Link>
              </p>
            )}
          </div>
        </div>
      </main>
    </div>
  );
}
