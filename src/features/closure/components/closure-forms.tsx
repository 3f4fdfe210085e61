"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label } from "@/components/ui/form";
import { EvidenceUploads, isUploading, type UploadItem } from "@/features/reports/components/evidence-uploads";
import type { ActionState } from "@/lib/action-state";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const textarea = "min-h-24 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** The lead department's application to close a measure: a summary and evidence files (uploaded one by one, as a report's). */
export function ApplyClosureForm({ measureId, limits, action }: { measureId: string; limits: { maxMb: number; maxFiles: number }; action: ServerAction }) {
  const t = useTranslations("reports");
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const uploading = isUploading(uploads);
  return (
    <ActionForm action={action} className="flex flex-col gap-2" messageClassName="mt-1">
      {(state, pending) => (
        <>
          <input type="hidden" name="measureId" value={measureId} />
          <Label htmlFor="closure-summary">{t("closureSummary")}</Label>
          <textarea id="closure-summary" name="summary" className={textarea} aria-describedby="closure-summary-error" />
          <FieldError id="closure-summary-error" messages={state.fieldErrors?.summary} />
          <span className="text-sm font-medium">{t("closureEvidence")}</span>
          <EvidenceUploads measureId={measureId} items={uploads} setItems={setUploads} limits={limits} existingCount={0} />
          <div>
            <Button type="submit" disabled={pending || uploading}>
              {t("closureSubmit")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Accept or return (with a reason) a closure application: the bureau's review, or a leader's sign-off. */
export function ClosureDecisionForm({ closureId, version, action, acceptLabel }: { closureId: string; version: number; action: ServerAction; acceptLabel: "closureAccept" | "closureSignoff" }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-2 rounded-md border border-border bg-muted/40 p-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="closureId" value={closureId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor={`closure-reason-${closureId}`}>{t("closureReturnReason")}</Label>
          <textarea id={`closure-reason-${closureId}`} name="reason" className={textarea} aria-describedby={`closure-reason-${closureId}-error`} />
          <FieldError id={`closure-reason-${closureId}-error`} messages={state.fieldErrors?.reason} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="ACCEPT" disabled={pending}>
              {t(acceptLabel)}
            </Button>
            <Button type="submit" name="decision" value="RETURN" variant="destructive" disabled={pending}>
              {t("closureReturn")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** The bureau reopens a closed measure, with a reason. */
export function ReopenForm({ measureId, action }: { measureId: string; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="measureId" value={measureId} />
          <Label htmlFor="reopen-reason">{t("closureReopenReason")}</Label>
          <textarea id="reopen-reason" name="reason" className={textarea} aria-describedby="reopen-reason-error" />
          <FieldError id="reopen-reason-error" messages={state.fieldErrors?.reason} />
          <div>
            <Button type="submit" variant="outline" disabled={pending}>
              {t("closureReopen")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** The bureau declares an ongoing measure 常态化 (yearly reporting), or withdraws it. */
export function NormalizeForm({ measureId, normalized, action }: { measureId: string; normalized: boolean; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-1">
      {(_state, pending) => (
        <>
          <input type="hidden" name="measureId" value={measureId} />
          <input type="hidden" name="normalized" value={normalized ? "false" : "true"} />
          <div>
            <Button type="submit" variant="outline" size="sm" disabled={pending}>
              {t(normalized ? "normalizeClear" : "normalizeSet")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** An administrator's 进度 thresholds and close-out sign-off setting for a plan. */
export function ProgressSettingsForm({
  planId,
  yellowPoints,
  redPoints,
  closureSignoff,
  headSignoff,
  action,
}: {
  planId: string;
  yellowPoints: number;
  redPoints: number;
  closureSignoff: boolean;
  headSignoff: boolean;
  action: ServerAction;
}) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="planId" value={planId} />
          <div className="flex flex-wrap gap-4">
            <div className="flex flex-col gap-1">
              <Label htmlFor="yellowPoints">{t("progressYellow")}</Label>
              <Input id="yellowPoints" name="yellowPoints" type="number" min={0} max={100} defaultValue={yellowPoints} className="w-28" aria-describedby="yellowPoints-error" />
              <FieldError id="yellowPoints-error" messages={state.fieldErrors?.yellowPoints} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="redPoints">{t("progressRed")}</Label>
              <Input id="redPoints" name="redPoints" type="number" min={0} max={100} defaultValue={redPoints} className="w-28" aria-describedby="redPoints-error" />
              <FieldError id="redPoints-error" messages={state.fieldErrors?.redPoints} />
            </div>
          </div>
          <input type="hidden" name="closureSignoff" value="off" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="closureSignoff" value="on" defaultChecked={closureSignoff} />
            {t("closureSignoffSetting")}
          </label>
          <input type="hidden" name="headSignoff" value="off" />
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="headSignoff" value="on" defaultChecked={headSignoff} />
            {t("headSignoffSetting")}
          </label>
          <div>
            <Button type="submit" variant="outline" disabled={pending}>
              {t("save")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
