"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const textarea = "min-h-20 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Accept or return (with a reason) a submitted report. */
export function ReviewForm({ reportId, version, action }: { reportId: string; version: number; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-2 rounded-md border border-border bg-muted/40 p-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="reportId" value={reportId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor={`reason-${reportId}`}>{t("returnReason")}</Label>
          <textarea id={`reason-${reportId}`} name="reason" className={textarea} aria-describedby={`reason-${reportId}-error`} />
          <FieldError id={`reason-${reportId}-error`} messages={state.fieldErrors?.reason} />
          <div className="flex gap-2">
            <Button type="submit" name="decision" value="ACCEPT" disabled={pending}>
              {t("accept")}
            </Button>
            <Button type="submit" name="decision" value="RETURN" variant="destructive" disabled={pending}>
              {t("return")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** 部门负责人审签 (decision 032): pass the report to the bureau, or return it to the liaisons with a reason. */
export function HeadSignoffForm({ reportId, version, action }: { reportId: string; version: number; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <div data-testid="head-signoff-form">
    <ActionForm action={action} className="flex flex-col gap-2 rounded-md border border-border bg-muted/40 p-3">
      {(state, pending) => (
        <>
          <p className="text-sm font-medium">{t("signoffFormTitle")}</p>
          <input type="hidden" name="reportId" value={reportId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor={`head-reason-${reportId}`}>{t("returnReason")}</Label>
          <textarea id={`head-reason-${reportId}`} name="reason" className={textarea} aria-describedby={`head-reason-${reportId}-error`} />
          <FieldError id={`head-reason-${reportId}-error`} messages={state.fieldErrors?.reason} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" name="decision" value="APPROVE" disabled={pending}>
              {t("headApprove")}
            </Button>
            <Button type="submit" name="decision" value="RETURN" variant="destructive" disabled={pending}>
              {t("headReturn")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
    </div>
  );
}

/** Ask for a later due date. */
export function ExtensionRequestForm({ periodId, minDate, action }: { periodId: string; minDate: string; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="periodId" value={periodId} />
          <div className="flex flex-col gap-1 sm:max-w-xs">
            <Label htmlFor="requestedDueDate">{t("newDueDate")}</Label>
            <DateInput id="requestedDueDate" name="requestedDueDate" min={minDate} aria-describedby="requestedDueDate-error" />
            <FieldError id="requestedDueDate-error" messages={state.fieldErrors?.requestedDueDate} />
          </div>
          <Label htmlFor="extension-reason">{t("reason")}</Label>
          <textarea id="extension-reason" name="reason" className={textarea} aria-describedby="extension-reason-error" />
          <FieldError id="extension-reason-error" messages={state.fieldErrors?.reason} />
          <div>
            <Button type="submit" variant="outline" disabled={pending}>
              {t("requestExtension")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** Approve or reject a pending extension request. */
export function ExtensionDecisionForm({ extensionId, action }: { extensionId: string; action: ServerAction }) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(_state, pending) => (
        <>
          <input type="hidden" name="extensionId" value={extensionId} />
          <Input name="note" placeholder={t("decisionNote")} aria-label={t("decisionNote")} maxLength={1000} />
          <div className="flex gap-2">
            <Button type="submit" size="sm" name="decision" value="APPROVE" disabled={pending}>
              {t("approve")}
            </Button>
            <Button type="submit" size="sm" name="decision" value="REJECT" variant="outline" disabled={pending}>
              {t("reject")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** A leader writes an instruction on a measure and assigns it (交办): department (the lead by default) and deadline. */
export function InstructionForm({
  measureId,
  departments,
  minDate,
  action,
}: {
  measureId: string;
  departments: { id: string; shortName: string; isLead: boolean }[];
  minDate: string;
  action: ServerAction;
}) {
  const t = useTranslations("reports");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="measureId" value={measureId} />
          <Label htmlFor="instruction-text">{t("writeInstruction")}</Label>
          <textarea id="instruction-text" name="text" className={textarea} aria-describedby="instruction-text-error" />
          <FieldError id="instruction-text-error" messages={state.fieldErrors?.text} />
          <div className="grid gap-2 sm:grid-cols-2">
            <div className="flex min-w-0 flex-col gap-1">
              <Label htmlFor="instruction-department">{t("instructionDepartment")}</Label>
              <Select id="instruction-department" className="max-w-full" name="departmentId" defaultValue={departments.find((d) => d.isLead)?.id ?? ""}>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.shortName}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <Label htmlFor="instruction-deadline">{t("instructionDeadline")}</Label>
              <DateInput id="instruction-deadline" name="deadline" min={minDate} aria-describedby="instruction-deadline-error" />
            </div>
          </div>
          <FieldError id="instruction-deadline-error" messages={state.fieldErrors?.deadline} />
          <p className="text-xs text-muted-foreground">{t("instructionDeadlineHint")}</p>
          <div>
            <Button type="submit" disabled={pending}>
              {t("saveInstruction")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
