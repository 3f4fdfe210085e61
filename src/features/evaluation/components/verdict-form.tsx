"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { VERDICTS, type Verdict } from "@/lib/evaluation";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const textarea = "min-h-16 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Confirm a measure's proposed verdict, or choose another with a reason (required when it differs). */
export function VerdictForm({ measureId, label, proposed, current, version, action }: { measureId: string; label: string; proposed: Verdict; current: Verdict; version: number; action: ServerAction }) {
  const t = useTranslations("evaluation");
  const id = `verdict-${measureId}`;
  return (
    <ActionForm action={action} className="flex flex-col gap-1.5" messageClassName="text-xs">
      {(state, pending) => (
        <>
          <input type="hidden" name="measureId" value={measureId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor={`${id}-verdict`} className="sr-only">
            {t("verdictLabel")} {label}
          </Label>
          <Select id={`${id}-verdict`} name="verdict" defaultValue={current} className="h-9" data-testid={`verdict-select-${label}`}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`verdict${v}`)}
                {v === proposed ? ` · ${t("colProposed")}` : ""}
              </option>
            ))}
          </Select>
          <Label htmlFor={`${id}-reason`} className="text-xs text-muted-foreground">
            {t("reasonLabel")}（{t("reasonHint")}）
          </Label>
          <textarea id={`${id}-reason`} name="reason" className={textarea} aria-describedby={`${id}-reason-error`} data-testid={`verdict-reason-${label}`} />
          <FieldError id={`${id}-reason-error`} messages={state.fieldErrors?.reason} />
          <div>
            <Button type="submit" size="sm" disabled={pending} data-testid={`verdict-confirm-${label}`}>
              {t("confirm")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
