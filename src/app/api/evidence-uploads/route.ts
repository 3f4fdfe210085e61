import { getTranslations } from "next-intl/server";
import { canAtAll, refusal } from "@/lib/permissions";
import { receiveClosureUpload } from "@/features/closure/mutations";
import { RuleError } from "@/lib/rule-error";
import { receiveUpload } from "@/features/reports/uploads";
import { getActor } from "@/server/auth";
import { db } from "@/server/db";
import { evidenceLimits, evidenceStore } from "@/server/evidence-store";
import { answeringOutages } from "@/server/route-outage";

/** HTTP status of each refusal of an upload. */
const STATUS: Record<string, number> = { notFound: 404, forbidden: 403, notYours: 403, locked: 409, fileSize: 413, fileType: 415, fileEmpty: 400 };

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/**
 * Receives one evidence file for the caller's report on a period: the raw file as the body
 * (Content-Type application/octet-stream), `periodId` and `name` in the query. Answers
 * `{ reference, name, size }`, which the report form then sends with its save.
 * The caller and their right to write that report are checked before the body is read;
 * the body is streamed to disk with a hard size cap, never held in memory whole.
 * This route is outside the proxy's matcher (src/proxy.ts), so no layer buffers the body.
 */
async function upload(request: Request) {
  const [t, te, ta, actor] = await Promise.all([getTranslations("reports"), getTranslations("errors"), getTranslations("authz"), getActor()]);
  if (!actor) return json(401, { message: (await getTranslations("api"))("signInRequired") });
  const url = new URL(request.url);
  // With `measureId` instead of `periodId`: evidence of a closure application (办结销号) by the measure's lead department.
  const measureId = url.searchParams.get("measureId");
  const denied = measureId !== null ? (canAtAll(actor, "closure:apply") ? null : refusal(actor, "closure:apply")) : refusal(actor, "report:write", { departmentId: actor.departmentId });
  if (denied) return json(403, { message: ta(denied.key) });
  // Not a form a foreign page could send: a cross-site request needs a preflight for this type, and an Origin must be ours.
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.headers.get("content-type") !== "application/octet-stream" || (origin !== null && hostOf(origin) !== host)) {
    return json(403, { message: ta("forbidden") });
  }
  const length = request.headers.get("content-length");
  const limits = evidenceLimits();
  try {
    const file = {
      name: (url.searchParams.get("name") ?? "").slice(0, 500),
      declaredLength: length !== null && /^\d+$/.test(length) ? Number(length) : null,
      body: request.body,
    };
    const received =
      measureId !== null
        ? await receiveClosureUpload(db, evidenceStore(), limits, actor, { ...file, measureId: measureId.slice(0, 40) })
        : await receiveUpload(db, evidenceStore(), limits, actor, { ...file, periodId: (url.searchParams.get("periodId") ?? "").slice(0, 40) });
    return json(201, { ...received });
  } catch (error) {
    if (error instanceof RuleError) {
      const tr = error.namespace === "reports" ? t : await getTranslations(error.namespace);
      return json(STATUS[error.key] ?? 400, { message: tr(error.key, error.detail) });
    }
    const reference = crypto.randomUUID().slice(0, 8);
    console.error(`[upload ${reference}]`, error);
    return json(500, { message: `${te("generic")} ${te("reference", { digest: reference })}` });
  }
}

/** While the database is down: 503 with Retry-After. */
export const POST = answeringOutages(upload);
