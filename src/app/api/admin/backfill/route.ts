import { getTranslations } from "next-intl/server";
import { BackfillRowError, importBackfill, previewBackfill } from "@/features/backfill/mutations";
import type { ResolvedRow } from "@/features/backfill/resolve";
import { backfillTemplate, BACKFILL_COLUMNS, readBackfillFile } from "@/features/backfill/sheet";
import { refreshChangedDashboards } from "@/features/dashboard/cached";
import { getPlanByCode } from "@/features/plan/queries";
import { PlanFileError } from "@/features/plan-import/table";
import { readCapped } from "@/features/plan-import/upload";
import { refusal } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import { getActor } from "@/server/auth";
import { db } from "@/server/db";
import { answeringOutages } from "@/server/route-outage";

const json = (status: number, body: Record<string, unknown>) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}

/** The empty bulk 补录 template (.xlsx), for administrators. */
async function template() {
  const [actor, t, ta] = await Promise.all([getActor(), getTranslations("api"), getTranslations("authz")]);
  if (!actor) return text(t("signInRequired"), 401);
  const denied = refusal(actor, "report:backfill");
  if (denied) return text(ta(denied.key), 403);
  return new Response(new Uint8Array(await backfillTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="backfill-template.xlsx"; filename*=UTF-8''${encodeURIComponent("补录模板.xlsx")}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/**
 * Bulk 补录 from a spreadsheet (`?plan=<code>&mode=preview|import`, the .xlsx as the body,
 * Content-Type application/octet-stream, read with a 5 MB cap after the caller is checked).
 * `preview` answers every row matched or with its problems (row and column named) and writes
 * nothing; `import` reads the same file again, checks every row again and writes them all in one
 * transaction with one audit event, or nothing.
 */
async function upload(request: Request) {
  const [t, ta, actor] = await Promise.all([getTranslations("reports"), getTranslations("authz"), getActor()]);
  if (!actor) return json(401, { message: (await getTranslations("api"))("signInRequired") });
  const denied = refusal(actor, "report:backfill");
  if (denied) return json(403, { message: ta(denied.key) });
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (request.headers.get("content-type") !== "application/octet-stream" || (origin !== null && hostOf(origin) !== host)) {
    return json(403, { message: ta("forbidden") });
  }
  const url = new URL(request.url);
  const mode = url.searchParams.get("mode");
  const plan = await getPlanByCode((url.searchParams.get("plan") ?? "").slice(0, 100));
  if (!plan) return json(404, { message: (await getTranslations("api"))("planNotFound") });
  if (mode !== "preview" && mode !== "import") return json(400, { message: t("backfill.badMode") });
  const length = request.headers.get("content-length");
  const problemText = (p: { line: number; column: keyof typeof BACKFILL_COLUMNS; key: string; detail?: Record<string, string> }) =>
    t("backfill.rowProblem", { row: p.line, column: BACKFILL_COLUMNS[p.column], problem: t(`backfill.row.${p.key}`, p.detail ?? {}) });
  try {
    const bytes = await readCapped(request.body, length !== null && /^\d+$/.test(length) ? Number(length) : null);
    const rows = await readBackfillFile(bytes);
    if (mode === "preview") {
      const resolved = await previewBackfill(db, actor, { planId: plan.id, rows });
      const show = (r: ResolvedRow) => ({ ...r, write: undefined, ok: r.problems.length === 0, problems: r.problems.map(problemText) });
      return json(200, { rows: resolved.map(show), ready: resolved.filter((r) => r.problems.length === 0).length });
    }
    const { count } = await importBackfill(db, actor, { planId: plan.id, rows });
    refreshChangedDashboards();
    return json(200, { message: t("backfill.imported", { count }), count });
  } catch (error) {
    if (error instanceof PlanFileError) {
      const detail: Record<string, string | number> = {};
      for (const [k, v] of Object.entries(error.detail)) if (v !== undefined) detail[k] = v;
      return json(error.key === "fileTooLarge" ? 413 : 400, { message: t(`backfill.file.${error.key}`, detail) });
    }
    if (error instanceof BackfillRowError) return json(400, { message: problemText(error.problem) });
    if (error instanceof RuleError) {
      const tr = await getTranslations(error.namespace);
      return json(error.namespace === "authz" ? 403 : 400, { message: tr(error.key, error.detail) });
    }
    throw error;
  }
}

export const GET = answeringOutages(template);
/** While the database is down: 503 with Retry-After. */
export const POST = answeringOutages(upload);
