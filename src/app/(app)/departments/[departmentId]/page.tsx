import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { getDepartmentInstructions, getWorklist, type WorklistItem } from "@/features/reports/queries";
import { readDepartmentRecord, readPlanMeasureLights } from "@/features/dashboard/read";
import { UpdatedAt } from "@/features/dashboard/components/updated-at";
import { addDays } from "@/lib/periods";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/empty-state";
import { MeasureTable } from "@/components/measure-table";
import { PageHeader } from "@/components/page-header";
import { getDepartment, getDepartmentMeasures, listDepartments, listPlans, type DepartmentMeasure } from "@/features/plan/queries";
import { InstructionList } from "@/features/instructions/components/instruction-list";
import { NoticeTable } from "@/features/notices/components/notice-table";
import { listNotices } from "@/features/notices/queries";
import { todayInChina } from "@/lib/due";
import { defaultAsOf, planLifecycle } from "@/lib/plan-lifecycle";
import { planHref } from "@/lib/plan-urls";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";

export default async function DepartmentPage({ params }: { params: Promise<{ departmentId: string }> }) {
  const { departmentId } = await params;
  const user = await requirePermission("department:read", { departmentId });
  const department = await getDepartment(departmentId);
  if (!department) notFound();
  const today = todayInChina();
  const locale = await getLocale();
  const [t, tr, tc, tn, measures, instructions, worklist, plans, notices, allDepartments] = await Promise.all([
    getTranslations("department"),
    getTranslations("reports"),
    getTranslations("common"),
    getTranslations("notices"),
    getDepartmentMeasures(department.id),
    getDepartmentInstructions(user, department.id),
    getWorklist(user, department.id, today, locale),
    listPlans(),
    listNotices(user, { departmentId: department.id, state: "open" }, locale),
    listDepartments(),
  ]);
  // The department's record in each live plan (running, and ended while it is evaluated: as of its last day),
  // from the same computation as the leader overview; a plan the department has no part in is left out.
  const records = (
    await Promise.all(
      plans
        .filter((p) => planLifecycle[p.status].live)
        .map(async (plan) => {
          const asOf = defaultAsOf(plan, today);
          return { plan, asOf, record: await readDepartmentRecord(user, plan.id, department.id, asOf) };
        }),
    )
  ).filter((r) => r.record);
  // Both lights of the department's measures, per plan as the overview has them on its default day.
  const lights = new Map(
    (
      await Promise.all(
        plans.filter((p) => measures.some((m) => m.plan.id === p.id)).map(async (plan) => [...(await readPlanMeasureLights(user, plan.id, defaultAsOf(plan, today), department.id)).entries()]),
      )
    ).flat(),
  );
  const in30 = addDays(today, 30);
  const returned = worklist.filter((w) => w.urgency === "RETURNED");
  const dueSoon = worklist.filter((w) => w.urgency !== "RETURNED" && w.dueDate >= today && w.dueDate <= in30);
  const isLead = (m: DepartmentMeasure) => m.departments.some((d) => d.id === department.id && d.isLead);
  const leads = measures.filter(isLead);
  const supports = measures.filter((m) => !isLead(m));
  const taskNumberOf = new Map(measures.map((m) => [m.id, m.keyTask.number]));
  const section = (title: string, rows: DepartmentMeasure[], empty: string, testId: string) => (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>
          {title} <span className="ml-1 text-sm font-normal text-muted-foreground">({rows.length})</span>
        </CardTitle>
      </CardHeader>
      <CardContent className="px-0 py-0 sm:px-2">
        {rows.length === 0 ? (
          <div className="p-4">
            <EmptyState title={empty} />
          </div>
        ) : (
          <MeasureTable
            taskNumber={(m) => taskNumberOf.get(m.id)!}
            measures={rows}
            today={today}
            highlightDepartmentId={department.id}
            lights={lights}
          />
        )}
      </CardContent>
    </Card>
  );

  return (
    <>
      <PageHeader
        title={department.shortName}
        description={
          <>
            {department.fullName}
            {department.aliases.length ? ` · ${tc("labelled", { label: t("aliases") })}${department.aliases.join("、")}` : ""}
          </>
        }
        actions={
          can(user, "department:manage", { departmentId: department.id }) ? (
            <Button variant="outline" asChild>
              <Link href={`/admin/departments/${department.id}`}>{t("manage")}</Link>
            </Button>
          ) : null
        }
      />
      <div className="flex flex-col gap-5">
        <div className="grid gap-5 lg:grid-cols-3">
          {(records.length ? records : [null]).map((r) => (
            <Card key={r?.plan.id ?? "none"} data-testid="department-record" data-plan={r?.plan.code}>
              <CardHeader>
                <CardTitle>{t("record")}</CardTitle>
                {r ? (
                  <p className="text-xs text-muted-foreground">
                    <Link href={planHref(r.plan, "")} className="hover:underline">
                      {r.plan.title}
                    </Link>
                    {planLifecycle[r.plan.status].opensAtEnd ? (
                      <Badge tone="neutral" className="ml-1.5" data-testid="plan-status">
                        {t("planEndedLabel")}
                      </Badge>
                    ) : null}
                    <span className="block">{t("recordAsOf", { date: r.asOf })}</span>
                    {r.record ? <UpdatedAt at={r.record.updatedAt} className="block" /> : null}
                  </p>
                ) : null}
              </CardHeader>
              <CardContent>
                <dl className="grid grid-cols-2 gap-3 text-sm">
                  <dt className="text-muted-foreground">{t("onTime")}</dt>
                  <dd className="text-right font-semibold tabular-nums">{r?.record?.onTimePct == null ? "—" : `${r.record.onTimePct}%`}</dd>
                  <dt className="text-muted-foreground">{t("dueSoFar")}</dt>
                  <dd className="text-right tabular-nums">{r?.record?.dueSoFar ?? 0}</dd>
                  <dt className="text-muted-foreground">{t("overdueNow")}</dt>
                  <dd className="text-right tabular-nums text-red-700">{r?.record?.overdue ?? 0}</dd>
                  <dt className="text-muted-foreground">{t("returnedNow")}</dt>
                  <dd className="text-right tabular-nums">{r?.record?.returned ?? 0}</dd>
                </dl>
              </CardContent>
            </Card>
          ))}
          <WorkCard title={t("returnedList")} items={returned} empty={t("noReturned")} testId="department-returned" />
          <WorkCard title={t("due30")} items={dueSoon} empty={t("nothingDue30")} testId="department-due30" />
        </div>
        {notices.length ? (
          <Card data-testid="department-notices">
            <CardHeader>
              <CardTitle>
                {tn("title")} <span className="ml-1 text-sm font-normal text-muted-foreground">({tn("stateOpen")} {notices.length})</span>
              </CardTitle>
            </CardHeader>
            <CardContent className="px-0 py-0 sm:px-2">
              <NoticeTable notices={notices} showDepartment={false} />
              <p className="px-4 pb-3 text-sm">
                <Link href="/notices" className="text-primary hover:underline">
                  {tn("title")} →
                </Link>
              </p>
            </CardContent>
          </Card>
        ) : null}
        {instructions.length ? (
          <Card data-testid="department-instructions">
            <CardHeader>
              <CardTitle>{tr("instructions")}</CardTitle>
            </CardHeader>
            <CardContent>
              <InstructionList user={user} instructions={instructions} departments={allDepartments} today={today} showMeasure testId="department-instruction-list" />
            </CardContent>
          </Card>
        ) : null}
        {section(t("leads"), leads, t("noLeads"), "department-leads")}
        {section(t("supports"), supports, t("noSupports"), "department-supports")}
      </div>
    </>
  );
}

/** A short list of worklist items, each linking to its report page. */
async function WorkCard({ title, items, empty, testId }: { title: string; items: WorklistItem[]; empty: string; testId: string }) {
  const tr = await getTranslations("reports");
  return (
    <Card data-testid={testId}>
      <CardHeader>
        <CardTitle>
          {title} <span className="text-sm font-normal text-muted-foreground">({items.length})</span>
        </CardTitle>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-muted-foreground">{empty}</p>
        ) : (
          <ul className="flex flex-col gap-1.5 text-sm">
            {items.slice(0, 8).map((w) => (
              <li key={w.periodId} className="flex items-center gap-2">
                <Badge tone={w.urgency === "RETURNED" ? "danger" : "warning"}>{w.dueDate}</Badge>
                <Link href={`/reports/${w.periodId}`} className="truncate hover:text-primary hover:underline">
                  {w.number} · {w.period}
                </Link>
              </li>
            ))}
            {items.length > 8 ? (
              <li>
                <Link href="/reports" className="text-primary hover:underline">
                  {tr("nav")} →
                </Link>
              </li>
            ) : null}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
