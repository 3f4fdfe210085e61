import { getTranslations } from "next-intl/server";
import { parseAsOf } from "@/features/dashboard/as-of";
import { getDashboard } from "@/features/dashboard/cached";
import { quarterlyWorkbook } from "@/features/dashboard/quarterly-report";
import { listPlans } from "@/features/plan/queries";
import { can } from "@/lib/permissions";
import { getActor } from "@/server/auth";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The quarterly status report as an Excel workbook; a caller whose export is limited to their department gets only its share. */
export async function GET(request: Request) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  const full = can(actor, "export:read");
  if (!full && !can(actor, "export:read", { departmentId: actor.departmentId })) return text(t("exportForbidden"), 403);
  const plans = await listPlans();
  if (!plans[0]) return text(t("noPlan"), 404);
  const asOf = parseAsOf(new URL(request.url).searchParams.get("asOf") ?? undefined);
  const dashboard = await getDashboard(plans[0].id, asOf);
  const body = await quarterlyWorkbook(dashboard, { departmentId: full ? null : actor.departmentId }, plans[0].title);
  const name = `季度通报-${asOf}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="quarterly-${asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
