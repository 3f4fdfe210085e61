import { redirect } from "next/navigation";
import { homeDepartmentId } from "@/lib/permissions";
import { requireUser } from "@/server/auth";

/** A liaison starts on their department's page; leaders and administrators on the plan overview. */
export default async function Home() {
  const user = await requireUser();
  const home = homeDepartmentId(user);
  if (home) redirect(`/departments/${home}`);
  redirect("/plans");
}
