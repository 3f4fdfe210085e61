import "server-only";
import { db } from "@/server/db";

/** Departments with how many measures each leads and supports, counted in SQL. */
export async function listDepartmentsWithCounts() {
  const [departments, counts] = await Promise.all([
    db.department.findMany({
      orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }],
      select: { id: true, shortName: true, fullName: true, kind: true },
    }),
    db.measureDepartment.groupBy({ by: ["departmentId", "isLead"], _count: { _all: true } }),
  ]);
  const count = (id: string, lead: boolean) => counts.find((c) => c.departmentId === id && c.isLead === lead)?._count._all ?? 0;
  return departments.map((d) => ({ ...d, leads: count(d.id, true), supports: count(d.id, false) }));
}
