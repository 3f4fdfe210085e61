import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { getPlanByCode } from "@/features/plan/queries";
import { TongbaoView } from "@/features/tongbao/components/tongbao-view";
import { readTongbao } from "@/features/tongbao/read";
import { can } from "@/lib/permissions";
import { planExportHref, planHref, planPrintHref, planWordHref } from "@/lib/plan-urls";
import { quarterTitle } from "@/lib/report-quarter";
import { requireUser } from "@/server/auth";

/** Paper: A4 with its own margins, whatever the browser's defaults; table headers repeat on every page. Inline styles are allowed by the CSP. */
const PAGE_CSS = `@page tongbao { size: A4; margin: 16mm 15mm 16mm 15mm; }
.tongbao-sheet { page: tongbao; }
.tongbao-sheet thead { display: table-header-group; }
@media print { html, body { background: #fff !important; } }`;

export async function generateMetadata() {
  const t = await getTranslations("tongbao");
  return { title: t("title") };
}

/**
 * The quarterly 通报 as a print page (/plans/<code>/dashboard/print), outside the signed-in layout (no navigation of the app): a
 * quarter chooser, the downloads and a print button on screen only. Same share as the downloads:
 * export:read, a liaison their department's part.
 */
export default async function TongbaoPrintPage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  const [{ planCode }, raw] = await Promise.all([params, searchParams]);
  const [t, locale, plan] = await Promise.all([getTranslations("tongbao"), getLocale(), getPlanByCode(planCode)]);
  if (!plan) notFound();
  const report = await readTongbao(user, plan, { quarter: raw.quarter, asOf: raw.asOf });
  if (!report) forbidden();
  const { tongbao, quarters } = report;
  const query = { quarter: tongbao.quarter.key };
  const back = can(user, "dashboard:read") ? planHref(plan, "dashboard") : user.departmentId ? `/departments/${user.departmentId}` : "/";
  return (
    <div className="min-h-screen bg-gray-200 py-6 print:bg-white print:py-0">
      <style>{PAGE_CSS}</style>
      <div className="mx-auto mb-4 flex max-w-[210mm] flex-wrap items-center justify-between gap-3 px-4 print:hidden" data-testid="print-toolbar">
        <Link href={back} className="text-sm text-primary hover:underline">
          ← {t("back")}
        </Link>
        <form method="get" action={planPrintHref(plan)} className="flex items-center gap-2 text-sm">
          <label htmlFor="tongbao-quarter">{t("quarter")}</label>
          <select id="tongbao-quarter" name="quarter" defaultValue={tongbao.quarter.key} className="rounded border border-gray-400 bg-white px-2 py-1">
            {[...quarters].reverse().map((q) => (
              <option key={q.key} value={q.key}>
                {quarterTitle(q, locale)}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded border border-gray-400 bg-white px-2 py-1 hover:bg-gray-50">
            {t("show")}
          </button>
        </form>
        <div className="flex items-center gap-3 text-sm">
          <a href={planWordHref(plan, query)} className="text-primary hover:underline" data-testid="download-word">
            {t("downloadWord")}
          </a>
          <a href={planExportHref(plan, query)} className="text-primary hover:underline" data-testid="download-excel">
            {t("downloadExcel")}
          </a>
          <PrintButton label={t("print")} />
        </div>
      </div>
      <TongbaoView tongbao={tongbao} />
    </div>
  );
}
