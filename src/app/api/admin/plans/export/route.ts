import { getTranslations } from "next-intl/server";
import { planWorkbook } from "@/features/plan-import/export";
import { refusal } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { db } from "@/server/db";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A plan (`?plan=<code>`) as a filled key-task template (.xlsx), which the import reads back. */
async function exportPlan(request: Request) {
  const [actor, t, ta] = await Promise.all([getActor(), getTranslations("api"), getTranslations("authz")]);
  if (!actor) return text(t("signInRequired"), 401);
  const denied = refusal(actor, "plan:import");
  if (denied) return text(ta(denied.key), 403);
  const code = (new URL(request.url).searchParams.get("plan") ?? "").slice(0, 100);
  const plan = code ? await planWorkbook(db, code) : null;
  if (!plan) return text(t("planNotFound"), 404);
  return new Response(new Uint8Array(plan.body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${code}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${plan.title}.xlsx`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const GET = answeringOutages(exportPlan);
