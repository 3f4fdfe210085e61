import { getTranslations } from "next-intl/server";
import { parseAsOf } from "@/features/dashboard/as-of";
import { getDashboard } from "@/features/dashboard/cached";
import { quarterlyReportRows } from "@/features/dashboard/quarterly-report";
import { listPlans } from "@/features/plan/queries";
import { EmptyState } from "@/components/empty-state";
import { requirePermission } from "@/server/auth";

const cell = "border border-gray-400 px-2 py-1";

/** The quarterly status report as a print-ready page (the same rows as the Excel workbook). */
export default async function PrintReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePermission("dashboard:read");
  const asOf = parseAsOf((await searchParams).asOf);
  const [t, plans] = await Promise.all([getTranslations("dashboard"), listPlans()]);
  if (!plans[0]) return <EmptyState title={t("noPlan")} />;
  const rows = quarterlyReportRows(await getDashboard(plans[0].id, asOf), { departmentId: null });
  return (
    <article className="mx-auto max-w-4xl bg-white p-8 text-sm text-black print:p-0">
      <h1 className="mb-1 text-center text-xl font-bold">{plans[0].title} 落实情况通报</h1>
      <p className="mb-6 text-center">{t("historyNote", { date: asOf })}</p>
      <h2 className="mb-2 mt-4 font-bold">一、{t("tasks")}</h2>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            {["序号", "重点任务", "措施数", "红灯", "黄灯", "绿灯", "完成率"].map((h) => (
              <th key={h} className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.tasks.map((r) => (
            <tr key={r.number}>
              <td className={cell}>{r.number}</td>
              <td className={cell}>{r.title}</td>
              <td className={cell}>{r.measures}</td>
              <td className={cell}>{r.red}</td>
              <td className={cell}>{r.yellow}</td>
              <td className={cell}>{r.green}</td>
              <td className={cell}>{r.progressPct === null ? "—" : `${r.progressPct}%`}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 mt-6 font-bold">二、{t("departments")}</h2>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            {["部门", "牵头措施", "配合措施", "按时完成率", "当前逾期", "被退回", "平均审核时长（小时）"].map((h) => (
              <th key={h} className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.departments.map((r) => (
            <tr key={r.id}>
              <td className={cell}>{r.shortName}</td>
              <td className={cell}>{r.led}</td>
              <td className={cell}>{r.supported}</td>
              <td className={cell}>{r.onTimePct === null ? "—" : `${r.onTimePct}%`}</td>
              <td className={cell}>{r.overdue}</td>
              <td className={cell}>{r.returned}</td>
              <td className={cell}>{r.avgReviewHours ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="mb-2 mt-6 font-bold">三、{t("overdueList")}（{rows.overdue.length}）</h2>
      <table className="w-full border-collapse">
        <thead>
          <tr>
            {["措施", "期次", "截止日期", "逾期天数", "责任部门"].map((h) => (
              <th key={h} className={cell}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.overdue.map((r) => (
            <tr key={`${r.periodId}:${r.departmentId}`}>
              <td className={cell}>{r.number}</td>
              <td className={cell}>{r.period}</td>
              <td className={cell}>{r.dueDate}</td>
              <td className={cell}>{r.daysOverdue}</td>
              <td className={cell}>{r.department}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}
