import { getTranslations } from "next-intl/server";
import { parseAsOf } from "@/features/dashboard/as-of";
import { quarterlyWorkbook } from "@/features/dashboard/quarterly-report";
import { readQuarterlyReport } from "@/features/dashboard/read";
import { getPlanByCode } from "@/features/plan/queries";
import { canAtAll } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * One plan's quarterly status report (季度通报) as an Excel workbook; a caller whose export is
 * limited to their department gets only its share. An ended plan's report is as of its last day
 * unless the address names a day.
 */
async function exportQuarterly(request: Request, { params }: { params: Promise<{ planCode: string }> }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  if (!canAtAll(actor, "export:read")) return text(t("exportForbidden"), 403);
  const plan = await getPlanByCode((await params).planCode);
  if (!plan) return text(t("noPlan"), 404);
  const asOf = parseAsOf(new URL(request.url).searchParams.get("asOf") ?? undefined, plan);
  const report = await readQuarterlyReport(actor, plan.id, asOf);
  if (!report) return text(t("exportForbidden"), 403);
  const body = await quarterlyWorkbook(report.dashboard, report.scope, plan.title);
  const name = `季度通报-${plan.code}-${asOf}.xlsx`;
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="quarterly-${plan.code}-${asOf}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(exportQuarterly);
