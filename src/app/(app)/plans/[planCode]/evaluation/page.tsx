import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { PlanStatusBadge } from "@/features/plan/components/plan-status-badge";
import { confirmVerdictAction } from "@/features/evaluation/actions";
import { VerdictForm } from "@/features/evaluation/components/verdict-form";
import { ReportTable } from "@/features/evaluation/components/report-view";
import { departmentTable, evaluationWords, indicatorTable, taskTable } from "@/features/evaluation/documents";
import { indicatorResult, verdictCounts, type MeasureRecord } from "@/features/evaluation/facts";
import { readEvaluation } from "@/features/evaluation/queries";
import { planEndDay, planLifecycle } from "@/lib/plan-lifecycle";
import { summaryYears, type Verdict } from "@/lib/evaluation";
import { can } from "@/lib/permissions";
import { planHref, planReportHref, planReportPrintHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";

const TONE: Record<Verdict, "success" | "primary" | "danger" | "neutral"> = { COMPLETED: "success", MOSTLY_COMPLETED: "primary", NOT_COMPLETED: "danger", NORMALIZED: "neutral" };

/** 评估与总结: each measure's proposed verdict with its basis, the bureau's confirmation, the 终期评估报告 and the 年度总结 of every year. */
export default async function EvaluationPage({ params }: { params: Promise<{ planCode: string }> }) {
  const user = await requirePermission("evaluation:read");
  const { planCode } = await params;
  const [t, tr, locale, data] = await Promise.all([getTranslations("evaluation"), getTranslations("reports"), getLocale(), readEvaluation(user, planCode)]);
  const words = evaluationWords(locale);
  if (!data) notFound();
  const { plan } = data;
  const measures = data.tasks.flatMap((task) => task.measures);
  const counts = verdictCounts(measures);
  const writable = data.evaluable && planLifecycle[plan.status].writable && can(user, "evaluation:write");
  const indicatorsOf = new Map<string, ReturnType<typeof indicatorResult>[]>();
  for (const i of data.indicators) {
    const list = indicatorsOf.get(i.measureLabel) ?? [];
    list.push(indicatorResult(i));
    indicatorsOf.set(i.measureLabel, list);
  }
  const facts = (m: MeasureRecord) => {
    const parts: string[] = [];
    if (m.facts.milestonesDue) parts.push(t("factsMilestones", { met: m.facts.milestonesMet, due: m.facts.milestonesDue }));
    if (m.facts.reportsDue) parts.push(t("factsReports", { accepted: m.facts.reportsAccepted, due: m.facts.reportsDue }));
    const results = indicatorsOf.get(m.label) ?? [];
    if (results.length) parts.push(t("factsIndicators", { met: results.filter((r) => r.met).length, total: results.length }));
    parts.push(m.facts.lastRating ? t("factsRating", { rating: tr(`progress${m.facts.lastRating}`) }) : t("factsNoRating"));
    return parts.join(" · ");
  };
  const years = summaryYears(plan, data.today);
  const indicators = indicatorTable(data, words);

  return (
    <>
      <PageHeader
        title={t("title")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={planHref(plan)} className="text-primary hover:underline">
              {plan.title}
            </Link>
            <PlanStatusBadge status={plan.status} />
          </span>
        }
      />

      <Card className="mb-6">
        <CardHeader>
          <CardTitle>{t("finalTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-3 text-sm">
          <p className="text-muted-foreground">{t("intro")}</p>
          {data.evaluable ? (
            <>
              <p data-testid="verdict-summary">
                {t("summary", {
                  total: measures.length,
                  completed: counts.COMPLETED,
                  mostly: counts.MOSTLY_COMPLETED,
                  notCompleted: counts.NOT_COMPLETED,
                  normalized: counts.NORMALIZED,
                  confirmed: measures.filter((m) => m.stored).length,
                })}
              </p>
              {!planLifecycle[plan.status].writable ? <p className="text-amber-800">{t("archivedNote")}</p> : !writable ? <p className="text-muted-foreground">{t("readOnlyNote")}</p> : null}
              <div className="flex flex-wrap gap-2">
                <Button asChild>
                  <a href={planReportHref(plan)} data-testid="download-final">
                    {t("downloadFinal")}
                  </a>
                </Button>
                <Button variant="outline" asChild>
                  <Link href={planReportPrintHref(plan)} data-testid="print-final">
                    {t("printFinal")}
                  </Link>
                </Button>
              </div>
            </>
          ) : (
            <p className="text-amber-800" data-testid="not-evaluable">
              {t("notEvaluable", { end: planEndDay(plan) })}
            </p>
          )}
        </CardContent>
      </Card>

      {data.evaluable ? (
        <Card className="mb-6">
          <CardHeader>
            <CardTitle>{t("recordsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="flex flex-col gap-2 text-sm" data-testid="evaluation-records">
            <h3 className="font-medium">{t("tasksTable")}</h3>
            <ReportTable block={taskTable(data, words)} />
            {indicators ? (
              <>
                <h3 className="mt-3 font-medium">{t("indicatorsTable")}</h3>
                <ReportTable block={indicators} />
              </>
            ) : null}
            <h3 className="mt-3 font-medium">{t("departmentsTable")}</h3>
            <ReportTable block={departmentTable(data, words)} />
          </CardContent>
        </Card>
      ) : null}

      {data.evaluable
        ? data.tasks.map((task) => (
            <section key={task.number} className="mb-6" data-testid={`evaluation-task-${task.number}`}>
              <h2 className="mb-2 font-semibold">
                {task.number}. {task.title}
              </h2>
              <ul className="flex flex-col divide-y rounded-md border bg-card">
                {task.measures.map((m) => (
                  <li key={m.id} className="grid gap-3 p-3 text-sm md:grid-cols-[minmax(0,1fr)_16rem]" data-testid={`evaluation-measure-${m.label}`}>
                    <div className="min-w-0">
                      <p>
                        <span className="mr-2 font-semibold tabular-nums">{m.label}</span>
                        {m.text}
                      </p>
                      <p className="mt-1 text-muted-foreground">
                        {m.lead ?? "—"} · {facts(m)}
                      </p>
                      <p className="mt-1 flex flex-wrap items-center gap-2">
                        <span className="text-muted-foreground">{t("colProposed")}：</span>
                        <Badge tone={TONE[m.proposed]} data-testid="proposed">
                          {t(`verdict${m.proposed}`)}
                        </Badge>
                        <span className="text-xs text-muted-foreground">{t(`basis_${m.basis}`)}</span>
                      </p>
                      <p className="mt-1 flex flex-wrap items-center gap-2">
                        <span className="text-muted-foreground">{t("colVerdict")}：</span>
                        {m.stored ? (
                          <>
                            <Badge tone={TONE[m.stored.verdict]} data-testid="stored-verdict">
                              {t(`verdict${m.stored.verdict}`)}
                            </Badge>
                            <span className="text-xs text-muted-foreground">
                              {t("confirmedBy", { name: m.stored.confirmedBy, date: m.stored.confirmedAt })}
                              {m.stored.verdict !== m.stored.proposed ? `；${t("changedFrom", { proposed: t(`verdict${m.stored.proposed}`), reason: m.stored.reason ?? "" })}` : ""}
                            </span>
                          </>
                        ) : (
                          <Badge tone="warning" data-testid="stored-verdict">
                            {t("pending")}
                          </Badge>
                        )}
                      </p>
                    </div>
                    {writable ? <VerdictForm measureId={m.id} label={m.label} proposed={m.proposed} current={m.stored?.verdict ?? m.proposed} version={m.stored?.version ?? 0} action={confirmVerdictAction} /> : null}
                  </li>
                ))}
              </ul>
            </section>
          ))
        : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("annualTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-2 text-sm">
          <p className="text-muted-foreground">{t("annualIntro")}</p>
          <ul className="flex flex-col divide-y">
            {years.map((year) => (
              <li key={year} className="flex flex-wrap items-center gap-3 py-2" data-testid={`annual-${year}`}>
                <span className="w-16 font-medium tabular-nums">{t("annualYear", { year })}</span>
                <a href={planReportHref(plan, year)} className="text-primary hover:underline" data-testid={`download-annual-${year}`}>
                  {t("downloadAnnual")}
                </a>
                <Link href={planReportPrintHref(plan, year)} className="text-primary hover:underline" data-testid={`print-annual-${year}`}>
                  {t("printAnnual")}
                </Link>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>
    </>
  );
}
