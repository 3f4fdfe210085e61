"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/form";
import { addKeyTaskAction, addMeasureAction, updateKeyTaskAction, withdrawKeyTaskAction, withdrawMeasureAction } from "../actions";

const textareaClass = "official-text min-h-24 w-full rounded-md border border-input bg-background px-3 py-2 text-sm";

/** Adds a key task to a plan, or renames one (`task` given). */
export function KeyTaskTitleForm({ planId, task }: { planId: string; task?: { id: string; version: number; title: string } }) {
  const t = useTranslations("admin");
  const id = useId();
  return (
    <ActionForm action={task ? updateKeyTaskAction : addKeyTaskAction} className="flex flex-col gap-1" messageClassName="text-xs">
      {(state, pending) => (
        <div key={task?.version} className="flex flex-col gap-1">
          {task ? (
            <>
              <input type="hidden" name="keyTaskId" value={task.id} />
              <input type="hidden" name="expectedVersion" value={task.version} />
            </>
          ) : (
            <input type="hidden" name="planId" value={planId} />
          )}
          <Label htmlFor={`${id}-title`}>{t("keyTaskTitle")}</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id={`${id}-title`}
              name="title"
              defaultValue={task?.title ?? ""}
              maxLength={200}
              className="min-w-0 flex-1 basis-64"
              aria-invalid={Boolean(state.fieldErrors?.title)}
              aria-describedby={`${id}-title-error`}
            />
            <Button type="submit" variant={task ? "outline" : "default"} disabled={pending}>
              {task ? t("renameKeyTask") : t("addKeyTask")}
            </Button>
          </div>
          <FieldError id={`${id}-title-error`} messages={state.fieldErrors?.title} />
        </div>
      )}
    </ActionForm>
  );
}

/** Withdraws (撤销) a key task or a measure, with the reason; final, so the hint says what follows. */
export function WithdrawForm({ target }: { target: { kind: "keyTask" | "measure"; id: string; version: number } }) {
  const t = useTranslations("admin");
  const id = useId();
  const isTask = target.kind === "keyTask";
  return (
    <ActionForm action={isTask ? withdrawKeyTaskAction : withdrawMeasureAction} className="flex flex-col gap-2" messageClassName="text-xs">
      {(state, pending) => (
        <>
          <input type="hidden" name={isTask ? "keyTaskId" : "measureId"} value={target.id} />
          <input type="hidden" name="expectedVersion" value={target.version} />
          <Label htmlFor={`${id}-reason`}>{t("withdrawReason")}</Label>
          <div className="flex flex-wrap gap-2">
            <Input
              id={`${id}-reason`}
              name="reason"
              maxLength={500}
              className="min-w-0 flex-1 basis-64"
              aria-invalid={Boolean(state.fieldErrors?.reason)}
              aria-describedby={`${id}-hint ${id}-reason-error`}
            />
            <Button type="submit" variant="destructive" disabled={pending}>
              {isTask ? t("withdrawKeyTask") : t("withdrawMeasure")}
            </Button>
          </div>
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {isTask ? t("withdrawKeyTaskHint") : t("withdrawMeasureHint")}
          </p>
          <FieldError id={`${id}-reason-error`} messages={state.fieldErrors?.reason} />
        </>
      )}
    </ActionForm>
  );
}

/** Adds a measure to a key task: its text, department cell and time arrangement as issued. */
export function AddMeasureForm({ keyTaskId }: { keyTaskId: string }) {
  const t = useTranslations("admin");
  const id = useId();
  const fields = [
    { name: "text", label: t("measureTextIssued"), hint: null, multiline: true, max: 2000 },
    { name: "departmentsText", label: t("departmentsTextLabel"), hint: t("departmentsTextHint"), multiline: false, max: 300 },
    { name: "timeArrangement", label: t("timeArrangementLabel"), hint: t("timeArrangementHint"), multiline: false, max: 200 },
  ] as const;
  return (
    <ActionForm action={addMeasureAction} className="flex flex-col gap-3" messageClassName="text-xs">
      {(state, pending) => (
        <>
          <input type="hidden" name="keyTaskId" value={keyTaskId} />
          {fields.map((f) => (
            <div key={f.name} className="flex flex-col gap-1">
              <Label htmlFor={`${id}-${f.name}`}>{f.label}</Label>
              {f.multiline ? (
                <textarea
                  id={`${id}-${f.name}`}
                  name={f.name}
                  maxLength={f.max}
                  className={textareaClass}
                  aria-invalid={Boolean(state.fieldErrors?.[f.name])}
                  aria-describedby={`${id}-${f.name}-error`}
                />
              ) : (
                <Input
                  id={`${id}-${f.name}`}
                  name={f.name}
                  maxLength={f.max}
                  aria-invalid={Boolean(state.fieldErrors?.[f.name])}
                  aria-describedby={`${id}-${f.name}-hint ${id}-${f.name}-error`}
                />
              )}
              {f.hint ? (
                <p id={`${id}-${f.name}-hint`} className="text-xs text-muted-foreground">
                  {f.hint}
                </p>
              ) : null}
              <FieldError id={`${id}-${f.name}-error`} messages={state.fieldErrors?.[f.name]} />
            </div>
          ))}
          <div>
            <Button type="submit" disabled={pending}>
              {t("addMeasure")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
