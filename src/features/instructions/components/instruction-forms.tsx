"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
const textarea = "min-h-20 w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** 交办 (or reassign): department and deadline. */
export function AssignInstructionForm({
  instructionId,
  version,
  departments,
  departmentId,
  minDate,
  reassign,
  action,
}: {
  instructionId: string;
  version: number;
  departments: { id: string; shortName: string }[];
  departmentId: string | null;
  minDate: string;
  reassign: boolean;
  action: ServerAction;
}) {
  const t = useTranslations("instructions");
  const id = (f: string) => `${f}-${instructionId}`;
  return (
    <ActionForm action={action} className="flex max-w-full flex-wrap items-end gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="instructionId" value={instructionId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <div className="flex min-w-0 max-w-full flex-col gap-1">
            <Label htmlFor={id("dept")}>{t("department")}</Label>
            <Select id={id("dept")} className="max-w-full" name="departmentId" defaultValue={departmentId ?? ""} aria-describedby={id("dept-error")}>
              <option value="" disabled>
                —
              </option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.shortName}
                </option>
              ))}
            </Select>
            <FieldError id={id("dept-error")} messages={state.fieldErrors?.departmentId} />
          </div>
          <div className="flex min-w-0 max-w-full flex-col gap-1">
            <Label htmlFor={id("deadline")}>{t("deadline")}</Label>
            <DateInput id={id("deadline")} name="deadline" min={minDate} aria-describedby={id("deadline-error")} />
            <FieldError id={id("deadline-error")} messages={state.fieldErrors?.deadline} />
          </div>
          <Button type="submit" size="sm" variant={reassign ? "outline" : "default"} disabled={pending}>
            {reassign ? t("reassign") : t("assign")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** 落实情况, by the assigned department. */
export function ReplyInstructionForm({ instructionId, version, action }: { instructionId: string; version: number; action: ServerAction }) {
  const t = useTranslations("instructions");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="instructionId" value={instructionId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor={`reply-${instructionId}`}>{t("replyLabel")}</Label>
          <textarea id={`reply-${instructionId}`} name="reply" className={textarea} maxLength={2000} aria-describedby={`reply-${instructionId}-error`} />
          <FieldError id={`reply-${instructionId}-error`} messages={state.fieldErrors?.reply} />
          <div>
            <Button type="submit" size="sm" disabled={pending}>
              {t("sendReply")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}

/** 办结, or send back with a reason. */
export function DecideInstructionForm({ instructionId, version, action }: { instructionId: string; version: number; action: ServerAction }) {
  const t = useTranslations("instructions");
  return (
    <ActionForm action={action} className="flex flex-col gap-2">
      {(state, pending) => (
        <>
          <input type="hidden" name="instructionId" value={instructionId} />
          <input type="hidden" name="expectedVersion" value={version} />
          <Label htmlFor={`decide-${instructionId}`}>{t("returnReason")}</Label>
          <textarea id={`decide-${instructionId}`} name="reason" className={textarea} maxLength={2000} aria-describedby={`decide-${instructionId}-error`} />
          <FieldError id={`decide-${instructionId}-error`} messages={state.fieldErrors?.reason} />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" size="sm" name="decision" value="CLOSE" disabled={pending}>
              {t("close")}
            </Button>
            <Button type="submit" size="sm" name="decision" value="RETURN" variant="outline" disabled={pending}>
              {t("return")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
