import "server-only";
import { getTranslations } from "next-intl/server";
import { getPlanByCode } from "@/features/plan/queries";
import { canAtAll } from "@/lib/permissions";
import { getActor } from "@/server/auth";
import { wordDownloadHeaders } from "@/server/documents/word";
import { readTongbao } from "./read";
import { tongbaoWord } from "./word";
import { tongbaoWorkbook } from "./workbook";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * A plan's 通报 as a file (Excel or Word), for the quarter the address names (?quarter=2025-Q4, or
 * the quarter of ?asOf=), in the caller's share: who → may (export:read) → plan → content → file.
 */
export async function tongbaoDownload(request: Request, planCode: string, format: "xlsx" | "docx"): Promise<Response> {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  if (!canAtAll(actor, "export:read")) return text(t("exportForbidden"), 403);
  const plan = await getPlanByCode(planCode);
  if (!plan) return text(t("noPlan"), 404);
  const search = new URL(request.url).searchParams;
  const report = await readTongbao(actor, plan, { quarter: search.get("quarter") ?? undefined, asOf: search.get("asOf") ?? undefined });
  if (!report) return text(t("exportForbidden"), 403);
  const { tongbao } = report;
  if (format === "docx") {
    return new Response(new Uint8Array(await tongbaoWord(tongbao)), { headers: wordDownloadHeaders(`${tongbao.fileName}.docx`, `${tongbao.asciiName}.docx`) });
  }
  return new Response(new Uint8Array(await tongbaoWorkbook(tongbao)), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${tongbao.asciiName}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${tongbao.fileName}.xlsx`)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
