"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { REPORTING_CADENCES } from "@/lib/periods";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** An administrator sets a measure's reporting cadence (or the plan's default), tracking start and checkpoints. */
export function MeasureReportingForm({
  measure,
  planDefault,
  action,
}: {
  measure: { id: string; version: number; cadence: string | null; trackingStart: string | null; checkpoints: string[] };
  planDefault: string;
  action: ServerAction;
}) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      {(state, pending) => (
        <div key={measure.version} className="flex flex-col gap-4">
          <input type="hidden" name="measureId" value={measure.id} />
          <input type="hidden" name="expectedVersion" value={measure.version} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <Label htmlFor="cadence">{t("cadence")}</Label>
              <Select id="cadence" name="cadence" defaultValue={measure.cadence ?? "PLAN"}>
                <option value="PLAN">{t("cadencePlan", { cadence: t(`cadence${planDefault}`) })}</option>
                {REPORTING_CADENCES.map((c) => (
                  <option key={c} value={c}>
                    {t(`cadence${c}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="trackingStart">{t("trackingStart")}</Label>
              <DateInput id="trackingStart" name="trackingStart" defaultValue={measure.trackingStart ?? ""} aria-describedby="trackingStart-hint trackingStart-error" />
              <p id="trackingStart-hint" className="text-xs text-muted-foreground">
                {t("trackingStartHint")}
              </p>
              <FieldError id="trackingStart-error" messages={state.fieldErrors?.trackingStart} />
            </div>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="checkpoints">{t("checkpoints")}</Label>
            <textarea
              id="checkpoints"
              name="checkpoints"
              defaultValue={measure.checkpoints.join("\n")}
              rows={Math.min(6, Math.max(2, measure.checkpoints.length))}
              className="w-full rounded-md border border-input bg-background px-3 py-2 font-mono text-sm"
              aria-describedby="checkpoints-hint checkpoints-error"
              aria-invalid={Boolean(state.fieldErrors?.checkpoints)}
            />
            <p id="checkpoints-hint" className="text-xs text-muted-foreground">
              {t("checkpointsHint")}
            </p>
            <FieldError id="checkpoints-error" messages={state.fieldErrors?.checkpoints} />
          </div>
          <div>
            <Button type="submit" disabled={pending}>
              {t("saveReporting")}
            </Button>
          </div>
        </div>
      )}
    </ActionForm>
  );
}

/** Confirms a deadline before the plan start, which owes nothing until then (待确认). */
export function ConfirmDeadlineForm({ measure, action }: { measure: { id: string; version: number }; action: ServerAction }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex flex-wrap items-center gap-3">
      {(_state, pending) => (
        <span key={measure.version} className="flex items-center gap-3">
          <input type="hidden" name="measureId" value={measure.id} />
          <input type="hidden" name="expectedVersion" value={measure.version} />
          <Button type="submit" variant="outline" disabled={pending}>
            {t("confirmDeadline")}
          </Button>
        </span>
      )}
    </ActionForm>
  );
}

/** An administrator sets a plan's default cadence and tracking start (its issue date). */
export function PlanReportingForm({ plan, action }: { plan: { id: string; defaultCadence: string; trackingStart: string | null }; action: ServerAction }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {(state, pending) => (
        <div className="flex flex-wrap items-end gap-3">
          <input type="hidden" name="planId" value={plan.id} />
          <div className="flex flex-col gap-1">
            <Label htmlFor={`defaultCadence-${plan.id}`}>{t("defaultCadence")}</Label>
            <Select id={`defaultCadence-${plan.id}`} name="defaultCadence" defaultValue={plan.defaultCadence}>
              {REPORTING_CADENCES.map((c) => (
                <option key={c} value={c}>
                  {t(`cadence${c}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor={`planTrackingStart-${plan.id}`}>{t("planTrackingStart")}</Label>
            <DateInput id={`planTrackingStart-${plan.id}`} name="trackingStart" defaultValue={plan.trackingStart ?? ""} className="w-44" />
            <FieldError id={`planTrackingStart-${plan.id}-error`} messages={state.fieldErrors?.trackingStart} />
          </div>
          <Button type="submit" variant="outline" disabled={pending}>
            {t("saveReporting")}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
