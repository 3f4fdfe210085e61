import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { EmptyState } from "@/components/empty-state";
import { parseAsOf } from "@/features/dashboard/as-of";
import { listHref } from "@/features/dashboard/drill";
import { getCurrentPlan } from "@/features/plan/queries";
import { requirePermission } from "@/server/auth";

/** The overdue list is one of the lists behind the overview's figures; earlier links keep working (on the current plan). */
export default async function OverdueListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboard:read");
  const raw = await searchParams;
  const plan = await getCurrentPlan();
  if (!plan) return <EmptyState title={(await getTranslations("dashboard"))("noPlan")} />;
  const dept = typeof raw.dept === "string" && raw.dept ? raw.dept : undefined;
  redirect(listHref(plan, parseAsOf(raw.asOf, plan), { metric: "overdue", dept }));
}
