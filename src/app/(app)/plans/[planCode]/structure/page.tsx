import Link from "next/link";
import { AwaitsConfirmationBadge } from "@/components/awaits-confirmation";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { PlanStatusBadge } from "@/features/plan/components/plan-status-badge";
import { getPlanByCode, getPlanTasks } from "@/features/plan/queries";
import { AddMeasureForm, KeyTaskTitleForm, WithdrawForm } from "@/features/structure/components/structure-forms";
import { planLifecycle } from "@/lib/plan-lifecycle";
import { planHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";

export async function generateMetadata() {
  const t = await getTranslations("admin");
  return { title: t("structureTitle") };
}

/**
 * The administrators' list of a plan's key tasks and measures, withdrawn ones included (marked
 * 已撤销 with the day and the reason): add, rename and withdraw key tasks, add and withdraw measures.
 */
export default async function PlanStructurePage({ params }: { params: Promise<{ planCode: string }> }) {
  await requirePermission("measure:manage");
  const { planCode } = await params;
  const plan = await getPlanByCode(planCode);
  if (!plan) notFound();
  const [t, tp, tasks] = await Promise.all([getTranslations("admin"), getTranslations("plan"), getPlanTasks(plan.id, { includeWithdrawn: true })]);
  const writable = planLifecycle[plan.status].writable;
  const withdrawnLabel = (w: { on: string; reason: string }) => t("withdrawnOn", { date: w.on, reason: w.reason });
  return (
    <>
      <Link href={planHref(plan)} className="mb-4 inline-flex items-center gap-1 text-sm text-primary hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        {plan.title}
      </Link>
      <PageHeader
        title={t("structureTitle")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <PlanStatusBadge status={plan.status} />
            <span>{t("structureHint")}</span>
          </span>
        }
      />
      {writable ? null : (
        <Alert tone="warning" className="mb-5">
          {t("planReadOnly", { title: plan.title })}
        </Alert>
      )}
      <div className="flex flex-col gap-5">
        {tasks.map((task) => (
          <Card key={task.id} data-testid={`structure-task-${task.number}`} className={task.withdrawn ? "opacity-80" : undefined}>
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center gap-2">
                <span>
                  {tp("taskNumber", { number: task.number })} {task.title}
                </span>
                {task.withdrawn ? <Badge tone="danger">{t("withdrawnBadge")}</Badge> : null}
              </CardTitle>
              {task.withdrawn ? <p className="text-sm text-muted-foreground">{withdrawnLabel(task.withdrawn)}</p> : null}
            </CardHeader>
            <CardContent className="flex flex-col gap-4">
              <ul className="flex flex-col divide-y divide-border rounded-md border border-border">
                {task.measures.map((m) => {
                  const lead = m.departments.find((d) => d.isLead);
                  const joint = m.departments.filter((d) => d.isJointLead);
                  return (
                    <li key={m.id} className="flex flex-col gap-1 px-3 py-2 sm:flex-row sm:items-start sm:gap-3" data-testid={`structure-measure-${task.number}.${m.number}`}>
                      <span className="w-10 shrink-0 font-medium tabular-nums text-muted-foreground">
                        {task.number}.{m.number}
                      </span>
                      <div className="flex min-w-0 flex-1 flex-col gap-1">
                        <Link href={`/measures/${m.id}`} className={`official-text line-clamp-2 text-sm hover:text-primary hover:underline ${m.withdrawn ? "text-muted-foreground line-through" : ""}`}>
                          {m.text}
                        </Link>
                        <div className="flex flex-wrap items-center gap-1 text-xs text-muted-foreground">
                          {lead ? <Badge tone="primary">{lead.shortName} · {t("roleLEAD")}</Badge> : null}
                          {joint.map((d) => (
                            <Badge key={d.id} tone="primary">
                              {d.shortName} · {t("roleJOINT_LEAD")}
                            </Badge>
                          ))}
                          <span>{m.timeArrangement}</span>
                          {m.awaitsConfirmation && !m.withdrawn ? <AwaitsConfirmationBadge /> : null}
                          {m.withdrawn ? (
                            <>
                              <Badge tone="danger">{t("withdrawnBadge")}</Badge>
                              <span>{withdrawnLabel(m.withdrawn)}</span>
                            </>
                          ) : null}
                        </div>
                      </div>
                      {writable && !m.withdrawn ? (
                        <Link href={`/admin/measures/${m.id}`} className="shrink-0 text-sm text-primary hover:underline">
                          {t("openMeasure")}
                        </Link>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              {writable && !task.withdrawn ? (
                <div className="grid gap-5 lg:grid-cols-2">
                  <details className="rounded-md border border-border p-3">
                    <summary className="cursor-pointer text-sm font-medium">{t("addMeasureTo", { number: task.number })}</summary>
                    <div className="mt-3">
                      <AddMeasureForm keyTaskId={task.id} />
                    </div>
                  </details>
                  <details className="rounded-md border border-border p-3">
                    <summary className="cursor-pointer text-sm font-medium">
                      {t("renameKeyTask")} / {t("withdrawKeyTask")}
                    </summary>
                    <div className="mt-3 flex flex-col gap-4">
                      <KeyTaskTitleForm planId={plan.id} task={task} />
                      <WithdrawForm target={{ kind: "keyTask", id: task.id, version: task.version }} />
                    </div>
                  </details>
                </div>
              ) : null}
            </CardContent>
          </Card>
        ))}
        {writable ? (
          <Card>
            <CardHeader>
              <CardTitle>{t("addKeyTask")}</CardTitle>
            </CardHeader>
            <CardContent>
              <KeyTaskTitleForm planId={plan.id} />
            </CardContent>
          </Card>
        ) : null}
      </div>
    </>
  );
}
