"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/action-state";

/** 分管领导 (decision 032): the departments a leader is in charge of, ticked in a folded list. */
export function LedDepartmentsForm({
  user,
  departments,
  action,
}: {
  user: { id: string; loginName: string; ledDepartmentIds: string[] };
  departments: { id: string; shortName: string }[];
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const t = useTranslations("admin");
  const names = departments.filter((d) => user.ledDepartmentIds.includes(d.id)).map((d) => d.shortName);
  return (
    <details className="text-xs" data-testid={`led-${user.loginName}`}>
      <summary className="cursor-pointer text-primary">{names.length ? t("ledDepartmentsSummary", { names: names.join("、") }) : t("ledDepartmentsNone")}</summary>
      <ActionForm action={action} className="mt-2 flex flex-col gap-2" messageClassName="min-w-0 text-xs">
        {(_state, pending) => (
          <>
            <input type="hidden" name="userId" value={user.id} />
            <fieldset className="flex max-h-48 flex-col gap-1 overflow-y-auto whitespace-nowrap">
              <legend className="sr-only">{t("ledDepartments")}</legend>
              {departments.map((d) => (
                <label key={d.id} className="flex items-center gap-1">
                  <input type="checkbox" name="departmentId" value={d.id} defaultChecked={user.ledDepartmentIds.includes(d.id)} />
                  {d.shortName}
                </label>
              ))}
            </fieldset>
            <div>
              <Button size="sm" variant="outline" type="submit" disabled={pending}>
                {t("saveLedDepartments")}
              </Button>
            </div>
          </>
        )}
      </ActionForm>
    </details>
  );
}
