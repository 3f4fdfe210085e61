import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can, type Principal } from "@/lib/permissions";
import { todayInChina } from "@/lib/due";
import { evidenceLimits } from "@/server/evidence-store";
import { applyClosureAction, reopenMeasureAction, reviewClosureAction, setNormalizedAction, signoffClosureAction } from "../actions";
import type { getMeasureClosure } from "../queries";
import { ApplyClosureForm, ClosureDecisionForm, NormalizeForm, ReopenForm } from "./closure-forms";

type Closure = NonNullable<Awaited<ReturnType<typeof getMeasureClosure>>>;

const tone = { SUBMITTED: "primary", AWAITING_SIGNOFF: "warning", RETURNED: "danger", CLOSED: "success", REOPENED: "neutral" } as const;

/**
 * 办结销号 on the measure page: whether the measure is closed (and since when), each application with its
 * summary, evidence and outcome, and the one step the caller may take now (apply, review, sign off, reopen);
 * for an ongoing measure, its 常态化 mark.
 */
export async function ClosureCard({ user, measureId, closure, writable }: { user: Principal; measureId: string; closure: Closure; writable: boolean }) {
  const [t, format] = await Promise.all([getTranslations("reports"), getFormatter()]);
  const open = closure.closures.find((c) => c.state === "SUBMITTED" || c.state === "AWAITING_SIGNOFF");
  const day = (d: Date | null) => (d ? todayInChina(d) : "");
  const limits = evidenceLimits();
  const mayApply = writable && !closure.closedOn && !open && can(user, "closure:apply", { measure: { departments: closure.departments } });
  return (
    <Card className="h-fit" data-testid="closure-card">
      <CardHeader>
        <CardTitle>{t("closureTitle")}</CardTitle>
      </CardHeader>
      <CardContent className="flex flex-col gap-3 text-sm">
        <p data-testid="closure-status" className={closure.closedOn ? "font-medium text-emerald-700" : "text-muted-foreground"}>
          {closure.closedOn ? t("closureClosedOn", { date: closure.closedOn }) : t("closureOpen")}
        </p>
        {closure.normalizedOn ? <p className="rounded-md bg-sky-50 px-3 py-2" data-testid="normalized">{t("normalizedSince", { date: closure.normalizedOn })}</p> : null}
        {closure.signoff ? <p className="text-xs text-muted-foreground">{t("closureSignoffHint")}</p> : null}
        {closure.closures.length === 0 ? <p className="text-muted-foreground">{t("closureNoApplication")}</p> : null}
        <ul className="flex flex-col gap-3" data-testid="closures">
          {closure.closures.map((c) => (
            <li key={c.id} className="flex flex-col gap-1.5 rounded-md border border-border p-3">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={tone[c.state]}>{t(`closureState${c.state}`)}</Badge>
                <span className="text-xs text-muted-foreground">{t("closureAppliedBy", { department: c.department.shortName, date: day(c.createdAt) })}</span>
              </div>
              <p className="whitespace-pre-wrap">{c.summary}</p>
              {c.evidence.length ? (
                <ul className="flex flex-col gap-0.5">
                  {c.evidence.map((e) => (
                    <li key={e.id}>
                      <a href={`/api/closure-evidence/${e.id}`} className="break-all text-primary hover:underline">
                        {e.originalName}
                      </a>{" "}
                      <span className="text-xs text-muted-foreground">{format.number(Math.max(1, Math.round(e.size / 1024)))} KB</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              {c.returnReason ? <p className="text-destructive">{t("closureReturnedWith", { reason: c.returnReason })}</p> : null}
              {c.reopenReason ? <p className="text-muted-foreground">{t("closureReopenedWith", { date: day(c.reopenedAt), reason: c.reopenReason })}</p> : null}
              {writable && c.state === "SUBMITTED" && can(user, "closure:review") ? (
                <ClosureDecisionForm closureId={c.id} version={c.version} action={reviewClosureAction} acceptLabel="closureAccept" />
              ) : null}
              {writable && c.state === "AWAITING_SIGNOFF" && can(user, "closure:signoff") ? (
                <ClosureDecisionForm closureId={c.id} version={c.version} action={signoffClosureAction} acceptLabel="closureSignoff" />
              ) : null}
            </li>
          ))}
        </ul>
        {mayApply ? (
          <div className="flex flex-col gap-2 border-t border-border pt-3">
            <h3 className="font-semibold">{t("closureApply")}</h3>
            <ApplyClosureForm key={closure.closures.length} measureId={measureId} limits={{ maxMb: Math.round(limits.maxBytes / 1024 / 1024), maxFiles: limits.maxFiles }} action={applyClosureAction} />
          </div>
        ) : null}
        {writable && closure.closedOn && can(user, "closure:review") ? <ReopenForm measureId={measureId} action={reopenMeasureAction} /> : null}
        {writable && closure.ongoing && !closure.closedOn && can(user, "closure:review") ? (
          <NormalizeForm measureId={measureId} normalized={Boolean(closure.normalizedOn)} action={setNormalizedAction} />
        ) : null}
      </CardContent>
    </Card>
  );
}
