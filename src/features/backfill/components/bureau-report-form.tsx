"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const textarea = "min-h-20 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/**
 * The bureau's entry of a department's report on the period page: 补录 (a past period, with the
 * day it was really submitted and, optionally, accepted) or 代填报 (now, on its behalf). Only the
 * modes the period allows are offered; the server checks everything again.
 */
export function BureauReportForm({
  periodId,
  department,
  modes,
  periodStart,
  today,
  indicators,
  backfillAction,
  onBehalfAction,
}: {
  periodId: string;
  department: { id: string; shortName: string };
  modes: ("backfill" | "onBehalf")[];
  periodStart: string;
  today: string;
  indicators: { id: string; name: string; unit: string }[];
  backfillAction: ServerAction;
  onBehalfAction: ServerAction;
}) {
  const t = useTranslations("reports");
  const [mode, setMode] = useState(modes[0]);
  const id = (name: string) => `bureau-${department.id}-${name}`;
  return (
    <div className="flex flex-col gap-3" data-testid={`bureau-form-${department.shortName}`}>
      {modes.length > 1 ? (
        <div role="radiogroup" aria-label={t("backfill.mode")} className="flex flex-wrap gap-4 text-sm">
          {modes.map((m) => (
            <label key={m} className="flex items-center gap-2">
              <input type="radio" name={id("mode")} value={m} checked={mode === m} onChange={() => setMode(m)} />
              {t(m === "backfill" ? "backfill.modeBackfill" : "backfill.modeOnBehalf")}
            </label>
          ))}
        </div>
      ) : null}
      <p className="text-xs text-muted-foreground">{t(mode === "backfill" ? "backfill.backfillHint" : "backfill.onBehalfHint", { department: department.shortName })}</p>
      <ActionForm key={mode} action={mode === "backfill" ? backfillAction : onBehalfAction} className="flex flex-col gap-3">
        {(state, pending) => (
          <>
            <input type="hidden" name="periodId" value={periodId} />
            <input type="hidden" name="departmentId" value={department.id} />
            {mode === "backfill" ? (
              <div className="grid gap-3 sm:grid-cols-2">
                <div className="flex min-w-0 flex-col gap-1">
                  <Label htmlFor={id("submittedOn")}>{t("backfill.submittedOn")}</Label>
                  <DateInput id={id("submittedOn")} name="submittedOn" min={periodStart} max={today} aria-describedby={id("submittedOn-error")} />
                  <FieldError id={id("submittedOn-error")} messages={state.fieldErrors?.submittedOn} />
                </div>
                <div className="flex min-w-0 flex-col gap-1">
                  <Label htmlFor={id("acceptedOn")}>{t("backfill.acceptedOn")}</Label>
                  <DateInput id={id("acceptedOn")} name="acceptedOn" min={periodStart} max={today} aria-describedby={id("acceptedOn-error")} />
                  <FieldError id={id("acceptedOn-error")} messages={state.fieldErrors?.acceptedOn} />
                </div>
              </div>
            ) : null}
            <div className="flex min-w-0 flex-col gap-1 sm:max-w-xs">
              <Label htmlFor={id("progress")}>{t("progress")}</Label>
              <Select id={id("progress")} name="progress" defaultValue="" aria-describedby={id("progress-error")}>
                <option value="" disabled>
                  {t("backfill.choose")}
                </option>
                {(["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DIFFICULT"] as const).map((p) => (
                  <option key={p} value={p}>
                    {t(`progress${p}`)}
                  </option>
                ))}
              </Select>
              <FieldError id={id("progress-error")} messages={state.fieldErrors?.progress} />
            </div>
            {(["workDone", "problems", "nextSteps"] as const).map((f) => (
              <div key={f} className="flex flex-col gap-1">
                <Label htmlFor={id(f)}>{t(f)}</Label>
                <textarea id={id(f)} name={f} className={textarea} aria-describedby={id(`${f}-error`)} />
                <FieldError id={id(`${f}-error`)} messages={state.fieldErrors?.[f]} />
              </div>
            ))}
            {indicators.length ? (
              <div className="grid gap-3 sm:grid-cols-2">
                {indicators.map((i) => (
                  <div key={i.id} className="flex min-w-0 flex-col gap-1">
                    <Label htmlFor={id(`value-${i.id}`)}>
                      {i.name}（{i.unit}）
                    </Label>
                    <Input id={id(`value-${i.id}`)} name={`value:${i.id}`} inputMode="decimal" />
                  </div>
                ))}
                <FieldError id={id("values-error")} messages={state.fieldErrors?.values} />
              </div>
            ) : null}
            <div>
              <Button type="submit" disabled={pending}>
                {t(mode === "backfill" ? "backfill.submitBackfill" : "backfill.submitOnBehalf")}
              </Button>
            </div>
          </>
        )}
      </ActionForm>
    </div>
  );
}
