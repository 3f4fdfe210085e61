import "server-only";
import { db } from "@/server/db";
import { can, type Principal } from "@/lib/permissions";

/** Every account with its department, for the user administration page; empty for a caller who may not manage accounts. */
export async function listUsers(actor: Principal | null, filter: { departmentId?: string } = {}) {
  if (!can(actor, "user:manage")) return [];
  return db.user.findMany({
    where: filter.departmentId ? { departmentId: filter.departmentId } : {},
    orderBy: [{ role: "asc" }, { department: { sortOrder: "asc" } }, { loginName: "asc" }],
    select: { id: true, loginName: true, displayName: true, email: true, role: true, active: true, mustChangePassword: true, department: { select: { id: true, shortName: true } }, ledDepartments: { select: { departmentId: true } } },
  });
}
