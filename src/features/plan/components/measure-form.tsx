"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const KINDS = ["QUARTERLY", "MONTHLY", "HALF_YEARLY", "ANNUAL", "ONGOING", "DEADLINE", "RANGE"] as const;

/** An administrator corrects a measure's text or sets its schedule by hand. */
export function MeasureForm({
  measure,
  action,
}: {
  measure: { id: string; version: number; text: string; scheduleKind: string | null; scheduleStart: string | null; deadline: string | null };
  action: ServerAction;
}) {
  const t = useTranslations("admin");
  const tm = useTranslations("measure");
  return (
    <ActionForm action={action} className="flex flex-col gap-4">
      {(state, pending) => (
        <div key={measure.version} className="flex flex-col gap-4">
          <input type="hidden" name="measureId" value={measure.id} />
          <input type="hidden" name="expectedVersion" value={measure.version} />
          <div className="flex flex-col gap-1">
            <Label htmlFor="text">{t("measureText")}</Label>
            <textarea
              id="text"
              name="text"
              defaultValue={measure.text}
              className="official-text min-h-32 w-full rounded-md border border-input bg-background px-3 py-2 text-sm"
              aria-describedby="text-hint text-error"
              aria-invalid={Boolean(state.fieldErrors?.text)}
            />
            <p id="text-hint" className="text-xs text-muted-foreground">
              {t("measureTextHint")}
            </p>
            <FieldError id="text-error" messages={state.fieldErrors?.text} />
          </div>
          <div className="grid gap-3 sm:grid-cols-3">
            <div className="flex flex-col gap-1">
              <Label htmlFor="scheduleKind">{t("scheduleKind")}</Label>
              <Select id="scheduleKind" name="scheduleKind" defaultValue={measure.scheduleKind ?? "ONGOING"}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {tm(`kind${k}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="scheduleStart">{t("scheduleStart")}</Label>
              <DateInput id="scheduleStart" name="scheduleStart" defaultValue={measure.scheduleStart ?? ""} aria-describedby="scheduleStart-error" />
              <FieldError id="scheduleStart-error" messages={state.fieldErrors?.scheduleStart} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="deadline">{t("deadline")}</Label>
              <DateInput id="deadline" name="deadline" defaultValue={measure.deadline ?? ""} aria-describedby="deadline-error" />
              <FieldError id="deadline-error" messages={state.fieldErrors?.deadline} />
            </div>
          </div>
          <div>
            <Button type="submit" disabled={pending}>
              {t("save")}
            </Button>
          </div>
        </div>
      )}
    </ActionForm>
  );
}

/** One period's due date, editable in place. */
export function PeriodDueDateForm({ period, action }: { period: { id: string; version: number; dueDate: string }; action: ServerAction }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex flex-wrap items-center gap-2" messageClassName="text-xs">
      {(_state, pending) => (
        <span key={period.version} className="flex items-center gap-2">
          <input type="hidden" name="periodId" value={period.id} />
          <input type="hidden" name="expectedVersion" value={period.version} />
          <DateInput name="dueDate" defaultValue={period.dueDate} className="h-8 w-40" aria-label={t("periodDueDates")} />
          <Button type="submit" size="sm" variant="outline" disabled={pending}>
            {t("saveDueDate")}
          </Button>
        </span>
      )}
    </ActionForm>
  );
}
