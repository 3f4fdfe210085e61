"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DepartmentKind } from "@/generated/prisma/enums";

/** Edits a department's short name, full name, aliases and kind (市直部门 or 县市区). */
export function DepartmentForm({
  department,
  action,
}: {
  department: { id: string; shortName: string; fullName: string; aliases: string[]; kind: DepartmentKind };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("admin");
  const td = useTranslations("department");
  const tk = useTranslations("departmentKinds");
  return (
    <ActionForm action={action} className="flex max-w-xl flex-col gap-4">
      {(state, pending) => (
        <>
          <input type="hidden" name="departmentId" value={department.id} />
          <div className="flex flex-col gap-1">
            <Label htmlFor="shortName">{t("shortName")}</Label>
            <Input
              id="shortName"
              name="shortName"
              defaultValue={department.shortName}
              maxLength={30}
              aria-invalid={Boolean(state.fieldErrors?.shortName)}
              aria-describedby="shortName-hint shortName-error"
            />
            <p id="shortName-hint" className="text-xs text-muted-foreground">
              {t("shortNameHint")}
            </p>
            <FieldError id="shortName-error" messages={state.fieldErrors?.shortName} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="fullName">{td("fullName")}</Label>
            <Input
              id="fullName"
              name="fullName"
              defaultValue={department.fullName}
              maxLength={60}
              aria-invalid={Boolean(state.fieldErrors?.fullName)}
              aria-describedby="fullName-error"
            />
            <FieldError id="fullName-error" messages={state.fieldErrors?.fullName} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="aliases">{td("aliases")}</Label>
            <Input
              id="aliases"
              name="aliases"
              defaultValue={department.aliases.join("、")}
              aria-invalid={Boolean(state.fieldErrors?.aliases)}
              aria-describedby="aliases-hint aliases-error"
            />
            <p id="aliases-hint" className="text-xs text-muted-foreground">
              {t("aliasesHint")}
            </p>
            <FieldError id="aliases-error" messages={state.fieldErrors?.aliases} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="kind">{t("kind")}</Label>
            <Select id="kind" name="kind" defaultValue={department.kind}>
              {[DepartmentKind.CITY, DepartmentKind.COUNTY].map((k) => (
                <option key={k} value={k}>
                  {tk(k)}
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Button type="submit" disabled={pending}>
              {t("save")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
