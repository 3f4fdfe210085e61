"use client";

import { useState, type MouseEvent } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { cleanFileName } from "@/lib/file-name";
import { MAX_TEXT } from "../schemas";
import { EvidenceUploads, isUploading, type UploadItem } from "./evidence-uploads";

const PROGRESS = ["NOT_STARTED", "IN_PROGRESS", "COMPLETED", "DIFFICULT"] as const;

export interface EditableReport {
  version: number;
  progress: string | null;
  workDone: string;
  problems: string;
  nextSteps: string;
  values: { indicatorId: string; value: string }[];
  attachments: { id: string; originalName: string; size: number }[];
}

const textarea =
  "min-h-28 w-full rounded-md border border-input bg-background px-3 py-2 text-sm leading-relaxed focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-[invalid=true]:border-destructive";

/**
 * A report's text field with a count of its characters against the limit, shown while typing, so a
 * long text is shortened before it is sent rather than refused after. Nothing is cut: a paste over
 * the limit stays whole and the count turns red.
 */
function CountedTextarea({ field, defaultValue, invalid }: { field: string; defaultValue: string; invalid: boolean }) {
  const t = useTranslations("reports");
  const [length, setLength] = useState(defaultValue.length);
  const over = length > MAX_TEXT;
  return (
    <>
      <textarea
        id={field}
        name={field}
        defaultValue={defaultValue}
        onChange={(e) => setLength(e.currentTarget.value.length)}
        className={textarea}
        aria-invalid={invalid || over}
        aria-describedby={`${field}-error ${field}-count`}
      />
      <p id={`${field}-count`} className={over ? "text-right text-xs font-medium text-destructive" : "text-right text-xs text-muted-foreground"} data-testid={`${field}-count`}>
        {t(over ? "charCountOver" : "charCount", { count: length, max: MAX_TEXT })}
      </p>
    </>
  );
}

/** The department's report form: save a draft, or submit for review. */
export function ReportEditor({
  periodId,
  report,
  indicators,
  limits,
  action,
}: {
  periodId: string;
  report: EditableReport | null;
  indicators: { id: string; name: string; unit: string }[];
  limits: { maxMb: number; maxFiles: number };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("reports");
  // Kept outside the keyed part of the form: a save refused as a conflict keeps the uploaded files too.
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const uploading = isUploading(uploads);
  // Once a save succeeds, the files it attached are the report's and leave the upload list.
  async function save(previous: ActionState, formData: FormData): Promise<ActionState> {
    const result = await action(previous, formData);
    if (result.ok) {
      const attached = new Set(formData.getAll("upload"));
      setUploads((list) => list.filter((i) => !i.reference || !attached.has(i.reference)));
    }
    return result;
  }
  return (
    <ActionForm action={save} className="flex flex-col gap-4">
      {(state, pending) => (
        // Keyed by version: after a save, or a refused save of an older version, the form shows the stored content.
        <div key={report?.version ?? 0} className="flex flex-col gap-4" data-testid="report-editor">
          <input type="hidden" name="periodId" value={periodId} />
          <input type="hidden" name="expectedVersion" value={report?.version ?? 0} />
          {state.unsaved ? <UnsavedText unsaved={state.unsaved} indicators={indicators} /> : null}
          <div className="flex flex-col gap-1 sm:max-w-xs">
            <Label htmlFor="progress">{t("progress")}</Label>
            <Select id="progress" name="progress" defaultValue={report?.progress ?? ""} aria-describedby="progress-error" aria-invalid={Boolean(state.fieldErrors?.progress)}>
              <option value="">{t("chooseProgress")}</option>
              {PROGRESS.map((p) => (
                <option key={p} value={p}>
                  {t(`progress${p}`)}
                </option>
              ))}
            </Select>
            <FieldError id="progress-error" messages={state.fieldErrors?.progress} />
          </div>
          {(["workDone", "problems", "nextSteps"] as const).map((field) => (
            <div key={field} className="flex flex-col gap-1">
              <Label htmlFor={field}>{t(field)}</Label>
              <CountedTextarea field={field} defaultValue={report?.[field] ?? ""} invalid={Boolean(state.fieldErrors?.[field])} />
              <FieldError id={`${field}-error`} messages={state.fieldErrors?.[field]} />
            </div>
          ))}
          {indicators.length ? (
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-1 text-sm font-medium">{t("indicatorValues")}</legend>
              {indicators.map((i) => (
                <div key={i.id} className="flex items-center gap-2">
                  <Label htmlFor={`value-${i.id}`} className="min-w-40 font-normal">
                    {i.name}
                  </Label>
                  <Input
                    id={`value-${i.id}`}
                    name={`value:${i.id}`}
                    inputMode="decimal"
                    className="w-36"
                    defaultValue={report?.values.find((v) => v.indicatorId === i.id)?.value ?? ""}
                  />
                  <span className="text-sm text-muted-foreground">{i.unit}</span>
                </div>
              ))}
              <FieldError id="values-error" messages={state.fieldErrors?.values} />
            </fieldset>
          ) : null}
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">{t("evidence")}</legend>
            {report?.attachments.length ? (
              <ul className="flex flex-col gap-1 text-sm">
                {report.attachments.map((a) => (
                  <li key={a.id} className="flex items-center gap-3">
                    <a href={`/api/attachments/${a.id}`} className="text-primary hover:underline">
                      {cleanFileName(a.originalName)}
                    </a>
                    <span className="text-xs text-muted-foreground">{Math.ceil(a.size / 1024)} KB</span>
                    <label className="flex items-center gap-1 text-xs">
                      <input type="checkbox" name="removeAttachment" value={a.id} />
                      {t("removeFile")}
                    </label>
                  </li>
                ))}
              </ul>
            ) : null}
            <EvidenceUploads
              periodId={periodId}
              items={uploads}
              setItems={setUploads}
              limits={limits}
              existingCount={report?.attachments.length ?? 0}
            />
            <p id="files-hint" className="text-xs text-muted-foreground">
              {t("evidenceHint", limits)}
            </p>
          </fieldset>
          <div className="flex flex-wrap items-center gap-2">
            <Button type="submit" name="intent" value="save" variant="outline" disabled={pending || uploading}>
              {t("saveDraft")}
            </Button>
            <Button type="submit" name="intent" value="submit" disabled={pending || uploading}>
              {t("submit")}
            </Button>
            {uploading ? <span className="text-xs text-muted-foreground">{t("uploadsPending")}</span> : null}
          </div>
        </div>
      )}
    </ActionForm>
  );
}

/**
 * After a save refused because someone saved first: what this user typed, shown beside the
 * stored version the form now holds, and put back into the form on request.
 */
function UnsavedText({ unsaved, indicators }: { unsaved: Record<string, string>; indicators: { id: string; name: string }[] }) {
  const t = useTranslations("reports");
  const label = (name: string) =>
    name === "progress"
      ? t("progress")
      : name.startsWith("value:")
        ? (indicators.find((i) => `value:${i.id}` === name)?.name ?? name)
        : t(name as "workDone" | "problems" | "nextSteps");
  const shown = Object.entries(unsaved).filter(([, v]) => v !== "");
  function useMine(event: MouseEvent<HTMLButtonElement>) {
    const form = event.currentTarget.form;
    if (!form) return;
    for (const [name, value] of Object.entries(unsaved)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
  }
  return (
    <section aria-labelledby="unsaved-title" data-testid="unsaved-text" className="flex flex-col gap-2 rounded-md border border-amber-300 bg-amber-50 p-3">
      <h3 id="unsaved-title" className="text-sm font-semibold">
        {t("unsavedTitle")}
      </h3>
      <p className="text-xs text-muted-foreground">{t("unsavedHint")}</p>
      <dl className="flex flex-col gap-2 text-sm">
        {shown.map(([name, value]) => (
          <div key={name}>
            <dt className="text-xs font-medium text-muted-foreground">{label(name)}</dt>
            <dd className="whitespace-pre-wrap">{name === "progress" ? t(`progress${value}` as "progressIN_PROGRESS") : value}</dd>
          </div>
        ))}
      </dl>
      <div>
        <Button type="button" variant="outline" onClick={useMine}>
          {t("useMine")}
        </Button>
      </div>
    </section>
  );
}
