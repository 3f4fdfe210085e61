import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth";

/** A liaison starts on their department's page; leaders and administrators on the plan overview. */
export default async function Home() {
  const user = await requireUser();
  if (user.role === "LIAISON" && user.departmentId) redirect(`/departments/${user.departmentId}`);
  redirect("/plans");
}
