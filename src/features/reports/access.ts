import { can, type Actor } from "@/lib/permissions";

/**
 * Whether `actor` may read a department's report on a measure: administrators
 * and leaders read all; a liaison reads their own department's, and the lead
 * department's liaison also reads the supporting departments' feedback.
 */
export function canReadReport(actor: Actor | null, report: { departmentId: string }, leadDepartmentId: string | null): boolean {
  if (can(actor, "report:read", { departmentId: report.departmentId })) return true;
  return leadDepartmentId !== null && can(actor, "report:read", { departmentId: leadDepartmentId });
}
