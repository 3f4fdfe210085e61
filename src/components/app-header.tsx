import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Bell, ChevronDown, Menu } from "lucide-react";
import { unreadCount } from "@/features/notifications/queries";
import { listPlans } from "@/features/plan/queries";
import { currentPlan, planLifecycle } from "@/lib/plan-lifecycle";
import { planHref } from "@/lib/plan-urls";
import { PlanSwitcher } from "./plan-switcher";
import { can, canAtAll, homeDepartmentId } from "@/lib/permissions";
import { CHANGE_PASSWORD_PATH, type CurrentUser } from "@/server/auth";
import { LanguageSwitch } from "./language-switch";
import { SignOutButton } from "./sign-out-button";
import { cn } from "@/lib/cn";

/** The bar at the top of every signed-in page; links shown follow the permission matrix. */
export async function AppHeader({ user }: { user: CurrentUser }) {
  const [t, tr, ta, trp, tn, tp, unread, plans] = await Promise.all([
    getTranslations("nav"),
    getTranslations("roles"),
    getTranslations("app"),
    getTranslations("reports"),
    getTranslations("notifications"),
    getTranslations("plan"),
    unreadCount(user.id),
    listPlans(),
  ]);
  const current = currentPlan(plans);
  const bell = (
    <Link href="/notifications" className="relative inline-flex size-9 items-center justify-center rounded-md hover:bg-white/10" aria-label={tn("bell", { count: unread })} data-testid="bell">
      <Bell className="size-5" aria-hidden />
      {unread ? (
        <span className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-600 px-1 text-center text-[11px] font-semibold leading-5 tabular-nums" data-testid="unread-count">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
  // The overview links lead to the current plan; the switcher beside them goes to the same view of another plan.
  const links: { href: string; label: string }[] = [{ href: current ? planHref(current) : "/plans", label: t("overview") }];
  if (can(user, "dashboard:read")) links.push({ href: current ? planHref(current, "dashboard") : "/dashboard", label: t("dashboard") });
  const switcher =
    plans.length > 1 ? (
      <PlanSwitcher
        label={t("planSwitcher")}
        fallbackView={can(user, "dashboard:read") ? "dashboard" : ""}
        plans={plans.map((p) => ({
          code: p.code,
          title: p.title,
          years: `${p.startYear}—${p.endYear}`,
          statusLabel: tp(`status${p.status}`),
          ended: !planLifecycle[p.status].reminds,
        }))}
      />
    ) : null;
  const home = homeDepartmentId(user);
  if (home) links.push({ href: `/departments/${home}`, label: t("myDepartment") });
  if (can(user, "report:write", { departmentId: user.departmentId })) links.push({ href: "/reports", label: trp("nav") });
  if (can(user, "report:signoff", { departmentId: user.departmentId })) links.push({ href: "/signoff", label: t("signoff") });
  if (can(user, "report:review")) links.push({ href: "/review", label: trp("reviewQueue") });
  if (canAtAll(user, "notice:read")) links.push({ href: "/notices", label: t("notices") });
  // The bureau's housekeeping pages: under one 管理 menu on a wide screen, so the bar keeps to the daily work.
  const admin: { href: string; label: string }[] = [];
  if (can(user, "extension:decide")) admin.push({ href: "/admin/extensions", label: trp("extensions") });
  if (can(user, "department:read", { departmentId: null })) admin.push({ href: "/departments", label: t("departments") });
  if (can(user, "user:manage")) {
    admin.push({ href: "/admin/users", label: t("users") });
    admin.push({ href: "/admin/schedules", label: t("schedules") });
  }
  if (can(user, "calendar:manage")) admin.push({ href: "/admin/calendar", label: t("calendar") });
  if (can(user, "plan:import")) admin.push({ href: "/admin/plans", label: t("planImport") });
  if (can(user, "audit:read")) admin.push({ href: "/admin/audit", label: trp("audit") });
  // One entry is no menu: it sits in the bar.
  const grouped = admin.length > 1;
  const barLinks = grouped ? links : [...links, ...admin];
  const wide = barLinks.length + (grouped ? 1 : 0) > 5;
  const link = (l: { href: string; label: string }) => (
    <Link key={l.href} href={l.href} className="whitespace-nowrap rounded-md px-2.5 py-2 text-sm hover:bg-white/10">
      {l.label}
    </Link>
  );
  const who = (
    <Link
      href={CHANGE_PASSWORD_PATH}
      title={`${user.displayName} · ${tr(user.role)}${user.departmentName ? ` · ${user.departmentName}` : ""} — ${t("changePassword")}`}
      className="max-w-40 truncate whitespace-nowrap text-xs text-white/80 underline-offset-2 hover:underline"
    >
      {user.displayName}
    </Link>
  );
  return (
    <header className="bg-header text-white">
      <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2 sm:gap-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-baseline gap-2 whitespace-nowrap py-1">
          <span className="text-lg font-bold tracking-wider">{ta("name")}</span>
          <span className={cn("hidden text-xs text-white/70", wide ? "2xl:inline" : "md:inline")}>{ta("tagline")}</span>
        </Link>
        {switcher}
        <nav aria-label={t("menu")} className={cn("hidden flex-1 items-center gap-0.5", wide ? "xl:flex" : "lg:flex")}>
          {barLinks.map(link)}
          {grouped ? (
            <details className="relative" data-testid="admin-menu">
              <summary className="flex cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md px-2.5 py-2 text-sm hover:bg-white/10">
                {t("manage")}
                <ChevronDown className="size-4" aria-hidden />
              </summary>
              <div className="absolute left-0 z-20 mt-1 flex w-48 flex-col rounded-md bg-header p-2 shadow-lg">{admin.map(link)}</div>
            </details>
          ) : null}
        </nav>
        <div className={cn("ml-auto hidden items-center gap-2", wide ? "xl:flex" : "lg:flex")}>
          {bell}
          {who}
          <LanguageSwitch />
          <SignOutButton />
        </div>
        <div className={cn("ml-auto", wide ? "xl:hidden" : "lg:hidden")}>{bell}</div>
        <details className={cn("relative", wide ? "xl:hidden" : "lg:hidden")}>
          <summary className="flex h-9 cursor-pointer list-none items-center gap-1 whitespace-nowrap rounded-md px-2 hover:bg-white/10">
            <Menu className="size-5" aria-hidden />
            <span className="text-sm">{t("menu")}</span>
          </summary>
          <div className="absolute right-0 z-20 mt-2 flex w-64 flex-col gap-1 rounded-md bg-header p-3 shadow-lg">
            <div className="px-3 pb-2 text-xs text-white/80">
              {who}
              <div>
                {tr(user.role)}
                {user.departmentName ? ` · ${user.departmentName}` : ""}
              </div>
            </div>
            <nav aria-label={t("menu")} className="flex flex-col">
              {links.map(link)}
              {admin.length ? <div className="my-1 border-t border-white/20" /> : null}
              {admin.map(link)}
            </nav>
            <div className="mt-2 flex items-center justify-between border-t border-white/20 pt-2">
              <LanguageSwitch />
              <SignOutButton />
            </div>
          </div>
        </details>
      </div>
    </header>
  );
}
