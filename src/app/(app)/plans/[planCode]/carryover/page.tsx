import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ArrowLeft } from "lucide-react";
import { ActionForm } from "@/components/action-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { PageHeader } from "@/components/page-header";
import { carryOverAction } from "@/features/carryover/actions";
import { getCarryoverChoices, type CarryoverCandidate } from "@/features/carryover/queries";
import { carriesOver, CARRYOVER_TASK_TITLE } from "@/features/carryover/rules";
import { targetValue } from "@/features/carryover/schemas";
import { getPlanByCode } from "@/features/plan/queries";
import { PlanStatusBadge } from "@/features/plan/components/plan-status-badge";
import { todayInChina } from "@/lib/due";
import { REPORTING_CADENCES } from "@/lib/periods";
import { planHref } from "@/lib/plan-urls";
import { requirePermission } from "@/server/auth";
import { DateInput } from "@/components/ui/date-input";

export async function generateMetadata() {
  const t = await getTranslations("carryover");
  return { title: t("title") };
}

/** 结转: an administrator picks unfinished measures of an ended plan and carries them into a draft or running plan (decision 028). */
export default async function CarryoverPage({ params }: { params: Promise<{ planCode: string }> }) {
  const user = await requirePermission("plan:carryover");
  const { planCode } = await params;
  const plan = await getPlanByCode(planCode);
  if (!plan) notFound();
  const choices = await getCarryoverChoices(user, plan.id);
  if (!choices) forbidden();
  const [t, ta] = await Promise.all([getTranslations("carryover"), getTranslations("admin")]);
  const open = choices.candidates.filter((c) => !c.closedOn);
  // After a carry-over the page comes back with more links: the form starts afresh (nothing ticked, no target chosen).
  const formKey = choices.candidates.reduce((n, c) => n + c.carriedInto.length, 0);

  return (
    <>
      <Link href={planHref(plan)} className="mb-4 inline-flex items-center gap-1 text-sm text-primary hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        {t("back")}
      </Link>
      <PageHeader
        title={t("title")}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{plan.title}</span>
            <PlanStatusBadge status={plan.status} />
          </span>
        }
      />
      {!carriesOver(plan) ? (
        <Alert tone="warning" data-testid="carryover-not-ended">
          {t("notEnded")}
        </Alert>
      ) : choices.targets.length === 0 ? (
        <Alert tone="warning" data-testid="carryover-no-target">
          {t("noTarget")}
        </Alert>
      ) : (
        <ActionForm action={carryOverAction} className="flex flex-col gap-5" messageClassName="font-medium">
          <div key={formKey} className="flex flex-col gap-5">
          <input type="hidden" name="originPlanId" value={plan.id} />
          <Card>
            <CardHeader>
              <CardTitle>{t("candidates", { open: open.length, total: choices.candidates.length })}</CardTitle>
              <p className="text-sm text-muted-foreground">{t("candidatesHint")}</p>
            </CardHeader>
            <CardContent className="px-0 py-0">
              <ul className="divide-y divide-border" data-testid="carryover-candidates">
                {choices.candidates.map((c) => (
                  <CandidateRow key={c.id} candidate={c} />
                ))}
              </ul>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>{t("where")}</CardTitle>
            </CardHeader>
            <CardContent className="grid grid-cols-1 gap-4 md:grid-cols-3">
              <div className="flex flex-col gap-1 md:col-span-3">
                <Label htmlFor="carryover-target">{t("target")}</Label>
                <Select id="carryover-target" name="target" defaultValue="" required>
                  <option value="" disabled>
                    {t("chooseTarget")}
                  </option>
                  {choices.targets.map((p) => (
                    <optgroup key={p.id} label={`${p.title}（${t(`status${p.status}`)}）`}>
                      {p.keyTasks.some((k) => k.title === CARRYOVER_TASK_TITLE) ? null : <option value={targetValue(p.id, null)}>{t("newTask", { title: CARRYOVER_TASK_TITLE })}</option>}
                      {p.keyTasks.map((k) => (
                        <option key={k.id} value={targetValue(p.id, k.id)}>
                          {t("taskOption", { number: k.number, title: k.title })}
                        </option>
                      ))}
                    </optgroup>
                  ))}
                </Select>
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="carryover-deadline">{t("deadline")}</Label>
                <DateInput id="carryover-deadline" name="deadline" min={todayInChina()} aria-describedby="carryover-deadline-hint" />
                <p id="carryover-deadline-hint" className="text-xs text-muted-foreground">
                  {t("deadlineHint")}
                </p>
              </div>
              <div className="flex flex-col gap-1">
                <Label htmlFor="carryover-cadence">{t("cadence")}</Label>
                <Select id="carryover-cadence" name="cadence" defaultValue="QUARTERLY">
                  {REPORTING_CADENCES.map((c) => (
                    <option key={c} value={c}>
                      {ta(`cadence${c}`)}
                    </option>
                  ))}
                </Select>
              </div>
              <div className="flex items-end">
                <Button type="submit" className="w-full md:w-auto" data-testid="carryover-submit">
                  {t("confirm")}
                </Button>
              </div>
            </CardContent>
          </Card>
          </div>
        </ActionForm>
      )}
    </>
  );
}

const outcomeTone = { MET: "success", MISSED: "danger", NO_VALUE: "warning", NO_TARGET: "neutral" } as const;

/** One measure of the ended plan: a checkbox (none once it is closed), its state, its departments and its indicators to take along. */
async function CandidateRow({ candidate: c }: { candidate: CarryoverCandidate }) {
  const [t, td, ta] = await Promise.all([getTranslations("carryover"), getTranslations("dashboard"), getTranslations("admin")]);
  const boxId = `carry-${c.id}`;
  return (
    <li className="flex flex-col gap-2 px-4 py-3 sm:px-6" data-testid="carryover-candidate" data-number={c.number}>
      <div className="flex items-start gap-3">
        <input
          id={boxId}
          type="checkbox"
          name="measureId"
          value={c.id}
          disabled={c.closedOn !== null}
          className="mt-1 size-4 shrink-0 accent-primary"
          aria-describedby={`${boxId}-state`}
        />
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <label htmlFor={boxId} className="text-sm leading-relaxed">
            <span className="mr-2 font-semibold text-primary tabular-nums">{c.number}</span>
            {c.text}
          </label>
          <p id={`${boxId}-state`} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground">
            {c.closedOn ? (
              <Badge tone="success">{t("closedOn", { date: c.closedOn })}</Badge>
            ) : (
              <Badge tone={c.progress === "DEADLINE_MISSED" || c.progress === "FAR_BEHIND" ? "danger" : c.progress === "BEHIND" ? "warning" : "neutral"}>
                {t("openState", { progress: c.progress ? td(`progress${c.progress}`) : "—" })}
              </Badge>
            )}
            <span>{c.departments.map((d) => `${d.shortName}（${ta(`role${d.role}`)}）`).join("、")}</span>
            {c.carriedInto.map((l) => (
              <Link key={l.measureId} href={`/measures/${l.measureId}`} className="text-primary hover:underline" data-testid="carried-into">
                {t("carriedInto", { plan: l.planTitle, number: l.number })}
              </Link>
            ))}
          </p>
        </div>
      </div>
      {c.indicators.length && !c.closedOn ? (
        <fieldset className="ml-7 flex flex-col gap-1 rounded-md bg-muted/40 px-3 py-2">
          <legend className="sr-only">{t("indicatorsOf", { number: c.number })}</legend>
          {c.indicators.map((i) => (
            <label key={i.id} className="flex flex-wrap items-center gap-2 text-xs">
              <input type="checkbox" name={`indicators.${c.id}`} value={i.id} defaultChecked={i.carriedByDefault} className="size-3.5 accent-primary" />
              <span>
                {i.name}
                {i.target !== null ? t("target_", { target: i.target, unit: i.unit }) : null}
              </span>
              <Badge tone={outcomeTone[i.outcome]}>{t(`outcome${i.outcome}`)}</Badge>
            </label>
          ))}
        </fieldset>
      ) : null}
    </li>
  );
}
