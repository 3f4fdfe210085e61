import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { parseAsOf } from "@/features/dashboard/as-of";
import { readDashboard } from "@/features/dashboard/read";
import { QUARTERLY_SHEETS, quarterlyReportRows } from "@/features/dashboard/quarterly-report";
import { getPlanByCode } from "@/features/plan/queries";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { requirePermission } from "@/server/auth";

const cell = "border border-gray-400 px-2 py-1";
const ORDINALS = ["一", "二", "三"];

/** The quarterly status report as a print-ready page: the same sheets, columns and rows as the Excel workbook. */
export default async function PrintReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePermission("dashboard:read");
  const [{ planCode }, raw] = await Promise.all([params, searchParams]);
  const [t, tp, plan] = await Promise.all([getTranslations("dashboard"), getTranslations("plan"), getPlanByCode(planCode)]);
  if (!plan) notFound();
  const asOf = parseAsOf(raw.asOf, plan);
  const dashboard = await readDashboard(user, plan.id, asOf);
  if (!dashboard) forbidden();
  const rows = quarterlyReportRows(dashboard, { departmentId: null });
  return (
    <article className="mx-auto max-w-4xl bg-white p-8 text-sm text-black print:p-0">
      <h1 className="mb-1 text-center text-xl font-bold">{plan.title} 落实情况通报</h1>
      <p className="mb-6 text-center">
        {planLifecycle[plan.status].opensAtEnd ? <span data-testid="plan-status">（{tp(`status${plan.status}`)}）</span> : null}
        {t("historyNote", { date: asOf })}
      </p>
      {QUARTERLY_SHEETS.map((sheet, i) => {
        const data = sheet.rows(rows);
        return (
          <section key={sheet.name}>
            <h2 className="mb-2 mt-6 font-bold">
              {ORDINALS[i]}、{sheet.name}（{data.length}）
            </h2>
            <table className="w-full border-collapse">
              <thead>
                <tr>
                  {sheet.columns.map((c) => (
                    <th key={c.header} className={cell}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.map((row, r) => (
                  <tr key={r}>
                    {sheet.columns.map((c) => (
                      <td key={c.header} className={cell}>
                        {c.value(row as never) ?? "—"}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </article>
  );
}
