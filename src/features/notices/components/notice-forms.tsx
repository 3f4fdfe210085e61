"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const textarea = "min-h-24 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** The bureau issues a 督办单 about this measure to one of its departments. */
export function IssueNoticeForm({
  measureId,
  departments,
  periods,
  minDate,
  action,
}: {
  measureId: string;
  departments: { id: string; shortName: string; isLead: boolean }[];
  periods: { id: string; label: string }[];
  minDate: string;
  action: ServerAction;
}) {
  const t = useTranslations("notices");
  const lead = departments.find((d) => d.isLead)?.id ?? departments[0]?.id ?? "";
  return (
    <ActionForm action={action} className="flex flex-col gap-3" messageClassName="mt-1">
      {(state, pending) => (
        <>
          <input type="hidden" name="measureId" value={measureId} />
          <div className="grid gap-3 sm:grid-cols-2">
            <div className="flex flex-col gap-1">
              <Label htmlFor="notice-department">{t("department")}</Label>
              <Select id="notice-department" name="departmentId" defaultValue={lead} aria-describedby="notice-department-error">
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.shortName}
                  </option>
                ))}
              </Select>
              <FieldError id="notice-department-error" messages={state.fieldErrors?.departmentId} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor="notice-period">{t("period")}</Label>
              <Select id="notice-period" name="periodId" defaultValue="">
                <option value="">{t("wholeMeasure")}</option>
                {periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                  </option>
                ))}
              </Select>
            </div>
            <fieldset className="flex min-w-0 flex-col gap-1">
              <legend className="mb-1 text-sm font-medium">{t("colour")}</legend>
              <div className="flex flex-wrap gap-3 text-sm">
                {(["BLUE", "YELLOW", "RED"] as const).map((c) => (
                  <label key={c} className="inline-flex items-center gap-1.5">
                    <input type="radio" name="colour" value={c} defaultChecked={c === "YELLOW"} />
                    {t(`colourLong${c}`)}
                  </label>
                ))}
              </div>
              <FieldError id="notice-colour-error" messages={state.fieldErrors?.colour} />
            </fieldset>
            <div className="flex flex-col gap-1">
              <Label htmlFor="notice-due">{t("dueDate")}</Label>
              <DateInput id="notice-due" name="dueDate" min={minDate} aria-describedby="notice-due-error" />
              <FieldError id="notice-due-error" messages={state.fieldErrors?.dueDate} />
            </div>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="notice-text">{t("text")}</Label>
            <textarea id="notice-text" name="text" className={textarea} maxLength={2000} aria-describedby="notice-text-error" />
            <FieldError id="notice-text-error" messages={state.fieldErrors?.text} />
          </div>
          <div>
            <Button type="submit" disabled={pending}>
              {t("issue")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** 签收: one button. */
export function SignNoticeForm({ noticeId, version, action }: { noticeId: string; version: number; action: ServerAction }) {
  const t = useTranslations("notices");
  return (
    <ActionForm action={action} className="flex flex-col gap-1">
      {(_state, pending) => (
        <>
          <input type="hidden" name="noticeId" value={noticeId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <div>
            <Button type="submit" disabled={pending}>
              {t("sign")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** The department's reply (办理情况). */
export function ReplyNoticeForm({ noticeId, version, action }: { noticeId: string; version: number; action: ServerAction }) {
  const t = useTranslations("notices");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="noticeId" value={noticeId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor="notice-reply">{t("replyLabel")}</Label>
          <textarea id="notice-reply" name="reply" className={textarea} maxLength={2000} aria-describedby="notice-reply-error" />
          <FieldError id="notice-reply-error" messages={state.fieldErrors?.reply} />
          <div>
            <Button type="submit" disabled={pending}>
              {t("sendReply")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** The bureau accepts the reply (办结) or returns it with a reason. */
export function DecideNoticeForm({ noticeId, version, action }: { noticeId: string; version: number; action: ServerAction }) {
  const t = useTranslations("notices");
  return (
    <ActionForm action={action} className="flex flex-col gap-2 rounded-md border border-border bg-muted/40 p-3">
      {(state, pending) => (
        <>
          <input type="hidden" name="noticeId" value={noticeId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor="notice-return-reason">{t("returnReason")}</Label>
          <textarea id="notice-return-reason" name="reason" className={textarea} maxLength={2000} aria-describedby="notice-return-reason-error" />
          <FieldError id="notice-return-reason-error" messages={state.fieldErrors?.reason} />
          <div className="flex flex-wrap gap-2">
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
