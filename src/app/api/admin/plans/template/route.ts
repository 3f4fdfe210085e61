import { getTranslations } from "next-intl/server";
import { templateWorkbook } from "@/features/plan-import/export";
import { refusal } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The empty key-task template (.xlsx) administrators fill and upload. */
async function template() {
  const [actor, t, ta] = await Promise.all([getActor(), getTranslations("api"), getTranslations("authz")]);
  if (!actor) return text(t("signInRequired"), 401);
  const denied = refusal(actor, "plan:import");
  if (denied) return text(ta(denied.key), 403);
  const body = await templateWorkbook();
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="plan-template.xlsx"; filename*=UTF-8''${encodeURIComponent("重点工作任务清单模板.xlsx")}`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const GET = answeringOutages(template);
