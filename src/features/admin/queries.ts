import "server-only";
import { db } from "@/server/db";

/** Every account with its department, for the user administration page. */
export function listUsers(filter: { departmentId?: string } = {}) {
  return db.user.findMany({
    where: filter.departmentId ? { departmentId: filter.departmentId } : {},
    orderBy: [{ role: "asc" }, { department: { sortOrder: "asc" } }, { loginName: "asc" }],
    select: { id: true, loginName: true, displayName: true, email: true, role: true, active: true, department: { select: { id: true, shortName: true } } },
  });
}
