"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DepartmentKind } from "@/generated/prisma/enums";

/** 新建部门: short name, full name, aliases, 市直部门 or 县市区. */
export function CreateDepartmentForm({ action }: { action: (state: ActionState, formData: FormData) => Promise<ActionState> }) {
  const t = useTranslations("admin");
  const tk = useTranslations("departmentKinds");
  const fields = [
    { name: "shortName", label: t("shortName"), max: 30 },
    { name: "fullName", label: t("fullName"), max: 60 },
    { name: "aliases", label: t("aliases"), max: 300 },
  ] as const;
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {(state, pending) => (
        <>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            {fields.map((f) => (
              <div key={f.name} className="flex flex-col gap-1">
                <Label htmlFor={`new-dept-${f.name}`}>{f.label}</Label>
                <Input
                  id={`new-dept-${f.name}`}
                  name={f.name}
                  autoComplete="off"
                  maxLength={f.max}
                  aria-invalid={Boolean(state.fieldErrors?.[f.name])}
                  aria-describedby={`new-dept-${f.name}-error`}
                />
                <FieldError id={`new-dept-${f.name}-error`} messages={state.fieldErrors?.[f.name]} />
              </div>
            ))}
            <div className="flex flex-col gap-1">
              <Label htmlFor="new-dept-kind">{t("kind")}</Label>
              <Select id="new-dept-kind" name="kind" defaultValue={DepartmentKind.CITY}>
                {[DepartmentKind.CITY, DepartmentKind.COUNTY].map((k) => (
                  <option key={k} value={k}>
                    {tk(k)}
                  </option>
                ))}
              </Select>
            </div>
          </div>
          <div>
            <Button type="submit" disabled={pending} data-testid="create-department">
              {t("createDepartment")}
            </Button>
          </div>
        </>
      )}
    </ActionForm>
  );
}
