import { getTranslations } from "next-intl/server";
import { asRuleError, previewPlanImport } from "@/features/plan-import/mutations";
import { readPlanFile } from "@/features/plan-import/read";
import { PlanFileError } from "@/features/plan-import/table";
import { readCapped } from "@/features/plan-import/upload";
import { refusal } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { db } from "@/server/db";
import { answeringOutages } from "@/server/route-outage";

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

function year(value: string | null): number | null {
  return value !== null && /^\d{4}$/.test(value) && Number(value) >= 2000 && Number(value) <= 2100 ? Number(value) : null;
}

/**
 * Reads an uploaded key-task table (.xlsx, .csv, .docx) and answers its preview:
 * `{ rows, preview }`, or `{ message }` naming the row and column that could not be read.
 * The raw file is the body (Content-Type application/octet-stream), `name`, `startYear` and
 * `endYear` in the query. The caller is checked before the body is read; the body is read with
 * a 5 MB cap (a larger declared or actual size is refused without reading on). Nothing is written:
 * the administrator confirms the preview through the import action. Outside the proxy's matcher
 * (src/proxy.ts), like /api/evidence-uploads, so no layer cuts or buffers the body.
 */
async function upload(request: Request) {
  const [t, ta, actor] = await Promise.all([getTranslations("admin"), getTranslations("authz"), getActor()]);
  if (!actor) return json(401, { message: (await getTranslations("api"))("signInRequired") });
  const denied = refusal(actor, "plan:import");
  if (denied) return json(403, { message: ta(denied.key) });
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.headers.get("content-type") !== "application/octet-stream" || (origin !== null && hostOf(origin) !== host)) {
    return json(403, { message: ta("forbidden") });
  }
  const url = new URL(request.url);
  const startYear = year(url.searchParams.get("startYear"));
  const endYear = year(url.searchParams.get("endYear"));
  if (startYear === null || endYear === null || endYear < startYear || endYear - startYear > 20) return json(400, { message: t("planImport.badYears") });
  const length = request.headers.get("content-length");
  try {
    const bytes = await readCapped(request.body, length !== null && /^\d+$/.test(length) ? Number(length) : null);
    const rows = await readPlanFile(bytes, (url.searchParams.get("name") ?? "").slice(0, 255));
    const preview = await previewPlanImport(db, actor, { startYear, endYear, rows });
    return json(200, { rows, preview });
  } catch (error) {
    if (error instanceof PlanFileError) {
      const rule = asRuleError(error);
      return json(error.key === "fileTooLarge" ? 413 : error.key === "fileType" ? 415 : 400, { message: t(rule.key, rule.detail) });
    }
    throw error;
  }
}

/** While the database is down: 503 with Retry-After. */
export const POST = answeringOutages(upload);
