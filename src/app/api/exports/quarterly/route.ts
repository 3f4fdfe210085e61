import { parseAsOf } from "@/features/dashboard/as-of";
import { getDashboard } from "@/features/dashboard/cached";
import { quarterlyWorkbook } from "@/features/dashboard/quarterly-report";
import { listPlans } from "@/features/plan/queries";
import { can } from "@/lib/permissions";
import { getCurrentUser } from "@/server/auth";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The quarterly status report as an Excel workbook; a liaison gets only their department's share. */
async function exportQuarterly(request: Request) {
  const user = await getCurrentUser();
  if (!user) return text("请先登录", 401);
  const full = can(user, "dashboard:read");
  if (!full && !can(user, "report:read", { departmentId: user.departmentId })) return text("无权导出", 403);
  const plans = await listPlans();
  if (!plans[0]) return text("尚未导入计划", 404);
  const asOf = parseAsOf(new URL(request.url).searchParams.get("asOf") ?? undefined);
  const dashboard = await getDashboard(plans[0].id, asOf);
  const body = await quarterlyWorkbook(dashboard, { departmentId: full ? null : user.departmentId }, plans[0].title);
  const name = `季度通报-${asOf}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="quarterly-${asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(exportQuarterly);
