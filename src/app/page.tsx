import { redirect } from "next/navigation";
import { homeDepartmentId, startView } from "@/lib/permissions";
import { requireUser } from "@/server/auth";

/** Each role's first page after sign-in (`startView` in the policy). */
export default async function Home() {
  const user = await requireUser();
  const home = homeDepartmentId(user);
  const view = startView[user.role];
  if (view === "department" && home) redirect(`/departments/${home}`);
  if (view === "dashboard") redirect("/dashboard");
  redirect("/plans");
}
