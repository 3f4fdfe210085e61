/**
 * The one rule for a plan's addresses: every plan-scoped page and file lives under the plan's
 * code (stable and readable, e.g. /plans/hs-gsyf-2021-2025/dashboard), never under a database id.
 */

export interface PlanRef {
  code: string;
}

/** The plan's views, relative to /plans/<code>. */
export type PlanView = "" | "dashboard" | "dashboard/list" | "dashboard/print" | "structure" | "carryover" | "backfill" | `tasks/${number}` | "evaluation" | "evaluation/print" | `evaluation/${number}/print`;

type Query = string | URLSearchParams | Record<string, string | undefined> | undefined;

function queryString(query: Query): string {
  if (query === undefined) return "";
  if (typeof query === "string") return query === "" || query === "?" ? "" : query.startsWith("?") ? query : `?${query}`;
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => e[1] !== undefined));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The address of one of a plan's views, with an optional query. */
export function planHref(plan: PlanRef, view: PlanView = "", query?: Query): string {
  const base = `/plans/${encodeURIComponent(plan.code)}`;
  return `${view ? `${base}/${view}` : base}${queryString(query)}`;
}

/** The address of a plan's quarterly status report (季度通报) as an Excel workbook. */
export function planExportHref(plan: PlanRef, query?: Query): string {
  return `/api/plans/${encodeURIComponent(plan.code)}/exports/quarterly${queryString(query)}`;
}

/** A plan's evaluation page (终期评估 and 年度总结). */
export const planEvaluationHref = (plan: PlanRef) => planHref(plan, "evaluation");

/** The print view of the 终期评估报告, or of a year's 年度总结. */
export const planReportPrintHref = (plan: PlanRef, year?: number) => planHref(plan, year === undefined ? "evaluation/print" : `evaluation/${year}/print`);

/** The Word download of the 终期评估报告, or of a year's 年度总结. */
export function planReportHref(plan: PlanRef, year?: number): string {
  const base = `/api/plans/${encodeURIComponent(plan.code)}/reports`;
  return year === undefined ? `${base}/final` : `${base}/annual/${year}`;
}

/** The address of a plan's 通报 as a Word document. */
export function planWordHref(plan: PlanRef, query?: Query): string {
  return `/api/plans/${encodeURIComponent(plan.code)}/exports/quarterly/word${queryString(query)}`;
}

/** The address of a plan's 通报 as a print page, outside the signed-in layout (the route group src/app/(print)). */
export function planPrintHref(plan: PlanRef, query?: Query): string {
  return planHref(plan, "dashboard/print", query);
}

/** The plan-scoped address that an old, plan-less one (/dashboard, /dashboard/list, /dashboard/print, /api/exports/quarterly) now means. */
export function planScopedPath(plan: PlanRef, oldPath: string, search = ""): string | null {
  const query = search.startsWith("?") ? search.slice(1) : search;
  switch (oldPath) {
    case "/dashboard":
      return planHref(plan, "dashboard", query);
    case "/dashboard/list":
      return planHref(plan, "dashboard/list", query);
    case "/dashboard/print":
      return planHref(plan, "dashboard/print", query);
    case "/api/exports/quarterly":
      return planExportHref(plan, query);
    default:
      return null;
  }
}
