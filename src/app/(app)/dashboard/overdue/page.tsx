import { redirect } from "next/navigation";
import { parseAsOf } from "@/features/dashboard/as-of";
import { listHref } from "@/features/dashboard/drill";
import { requirePermission } from "@/server/auth";

/** The overdue list is one of the lists behind the overview's figures; earlier links keep working. */
export default async function OverdueListPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboard:read");
  const raw = await searchParams;
  const dept = typeof raw.dept === "string" && raw.dept ? raw.dept : undefined;
  redirect(listHref(parseAsOf(raw.asOf), { metric: "overdue", dept }));
}
