import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { can } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { wordDownloadHeaders } from "@/server/documents/word";
import type { ReportDocument } from "./documents";
import type { EvaluationData } from "./facts";
import { readEvaluation } from "./queries";
import { reportToWord } from "./word";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A report's Word download, for the final evaluation and the annual summaries alike: the caller
 * (evaluation:read) first, then the plan, then `build` picks the report, in the reader's language, or answers why not.
 */
export async function reportDownload(planCode: string, build: (data: EvaluationData, locale: string) => ReportDocument | "notEvaluable" | "noYear"): Promise<Response> {
  const [actor, t, locale] = await Promise.all([getActor(), getTranslations("api"), getLocale()]);
  if (!actor) return text(t("signInRequired"), 401);
  if (!can(actor, "evaluation:read")) return text(t("exportForbidden"), 403);
  const data = await readEvaluation(actor, planCode);
  if (!data) return text(t("planNotFound"), 404);
  const doc = build(data, locale);
  if (doc === "notEvaluable") return text(t("notEvaluable"), 409);
  if (doc === "noYear") return text(t("noYear"), 404);
  const body = await reportToWord(doc);
  return new Response(new Uint8Array(body), { headers: wordDownloadHeaders(doc.fileName, doc.asciiName) });
}
