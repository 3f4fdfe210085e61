"use client";

import { useId } from "react";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateInput } from "@/components/ui/date-input";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import { addIndicatorAction, confirmIndicatorAction, setMeasureDepartmentsAction, updateIndicatorAction } from "../actions";
import type { MeasureRole } from "../rules";

const ROLES: readonly MeasureRole[] = ["LEAD", "JOINT_LEAD", "SUPPORT"];

/**
 * The departments on a measure with their roles (牵头, 共同牵头, 配合, or taken off), and one more
 * department to add. One form, one version: the measure's.
 */
export function MeasureDepartmentsForm({
  measure,
  departments,
}: {
  measure: { id: string; version: number; departments: { id: string; shortName: string; role: MeasureRole; startsOn?: string | null }[]; startsOnApplies?: boolean };
  departments: { id: string; shortName: string }[];
}) {
  const t = useTranslations("admin");
  const id = useId();
  const on = new Set(measure.departments.map((d) => d.id));
  return (
    <ActionForm action={setMeasureDepartmentsAction} className="flex flex-col gap-3">
      {(state, pending) => (
        <div key={measure.version} className="flex flex-col gap-3">
          <input type="hidden" name="measureId" value={measure.id} />
          <input type="hidden" name="expectedVersion" value={measure.version} />
          <ul className="flex flex-col gap-2" data-testid="measure-roles">
            {measure.departments.map((d) => (
              <li key={d.id} className="flex flex-wrap items-center justify-between gap-2">
                <Label htmlFor={`${id}-${d.id}`} className="min-w-24">
                  {d.shortName}
                  {d.startsOn ? <span className="ml-1 text-xs font-normal text-muted-foreground">{t("departmentStartsOn", { date: d.startsOn })}</span> : null}
                </Label>
                <Select id={`${id}-${d.id}`} name={`role:${d.id}`} defaultValue={d.role} className="w-36">
                  {[...ROLES, "REMOVE" as const].map((r) => (
                    <option key={r} value={r}>
                      {t(`role${r}`)}
                    </option>
                  ))}
                </Select>
              </li>
            ))}
          </ul>
          <div className="flex flex-wrap items-end gap-2 border-t border-border pt-3">
            <div className="flex min-w-0 flex-1 basis-40 flex-col gap-1">
              <Label htmlFor={`${id}-add`}>{t("addDepartment")}</Label>
              <Select id={`${id}-add`} name="addDepartmentId" defaultValue="">
                <option value="">{t("addDepartmentNone")}</option>
                {departments
                  .filter((d) => !on.has(d.id))
                  .map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.shortName}
                    </option>
                  ))}
              </Select>
            </div>
            <Select name="addRole" defaultValue="SUPPORT" aria-label={t("addDepartment")} className="w-36">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role${r}`)}
                </option>
              ))}
            </Select>
            {measure.startsOnApplies ? (
              <div className="flex flex-col gap-1">
                <Label htmlFor={`${id}-starts`}>{t("addDepartmentStartsOn")}</Label>
                <DateInput id={`${id}-starts`} name="addStartsOn" className="w-44" aria-describedby={`${id}-starts-hint ${id}-starts-error`} />
                <FieldError id={`${id}-starts-error`} messages={state.fieldErrors?.addedStartsOn} />
              </div>
            ) : null}
          </div>
          {measure.startsOnApplies ? (
            <p id={`${id}-starts-hint`} className="text-xs text-muted-foreground">
              {t("addDepartmentStartsOnHint")}
            </p>
          ) : null}
          <p className="text-xs text-muted-foreground">{t("measureDepartmentsHint")}</p>
          <div>
            <Button type="submit" disabled={pending}>
              {t("saveDepartments")}
            </Button>
          </div>
        </div>
      )}
    </ActionForm>
  );
}

export interface EditableIndicator {
  id: string;
  version: number;
  name: string;
  unit: string;
  comparison: "GTE" | "LTE" | "EQ";
  target: string | null;
  period: "YEAR" | "PLAN" | "CYCLE";
  direction: "DECREASE" | "INCREASE" | null;
  baseline: string | null;
  sourceText: string;
  confirmed: boolean;
}

/** One indicator to correct (saving confirms it) or, without `indicator`, a new one for the measure. */
export function IndicatorForm({ measureId, indicator }: { measureId: string; indicator?: EditableIndicator }) {
  const t = useTranslations("admin");
  const tm = useTranslations("measure");
  const id = useId();
  const field = (name: string) => `${id}-${name}`;
  return (
    <ActionForm action={indicator ? updateIndicatorAction : addIndicatorAction} className="flex flex-col gap-2" messageClassName="text-xs">
      {(state, pending) => (
        <div key={indicator?.version} className="flex flex-col gap-3" data-testid={indicator ? `indicator-${indicator.name}` : "new-indicator"}>
          {indicator ? (
            <>
              <input type="hidden" name="indicatorId" value={indicator.id} />
              <input type="hidden" name="expectedVersion" value={indicator.version} />
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium">{indicator.name}</span>
                {indicator.confirmed ? <Badge tone="success">{t("indicatorConfirmedBadge")}</Badge> : <Badge tone="warning">{t("indicatorPending")}</Badge>}
                {indicator.sourceText ? <span className="text-xs text-muted-foreground">{tm("indicatorSource")}：{indicator.sourceText}</span> : null}
              </div>
            </>
          ) : (
            <>
              <input type="hidden" name="measureId" value={measureId} />
              <p className="text-sm font-medium">{t("newIndicator")}</p>
            </>
          )}
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
            <div className="flex flex-col gap-1 sm:col-span-2">
              <Label htmlFor={field("name")}>{t("indicatorName")}</Label>
              <Input id={field("name")} name="name" defaultValue={indicator?.name ?? ""} maxLength={100} aria-describedby={field("name-error")} />
              <FieldError id={field("name-error")} messages={state.fieldErrors?.name} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={field("direction")}>{t("indicatorDirection")}</Label>
              <Select id={field("direction")} name="direction" defaultValue={indicator?.direction ?? "NONE"}>
                {(["NONE", "DECREASE", "INCREASE"] as const).map((d) => (
                  <option key={d} value={d}>
                    {t(`direction${d}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={field("period")}>{t("indicatorPeriod")}</Label>
              <Select id={field("period")} name="period" defaultValue={indicator?.period ?? "YEAR"}>
                {(["YEAR", "PLAN", "CYCLE"] as const).map((p) => (
                  <option key={p} value={p}>
                    {tm(`period${p}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={field("comparison")}>{t("indicatorComparison")}</Label>
              <Select id={field("comparison")} name="comparison" defaultValue={indicator?.comparison ?? "GTE"}>
                {(["GTE", "LTE", "EQ"] as const).map((c) => (
                  <option key={c} value={c}>
                    {tm(`cmp${c}`)}
                  </option>
                ))}
              </Select>
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={field("target")}>{t("indicatorTarget")}</Label>
              <Input id={field("target")} name="target" inputMode="decimal" defaultValue={indicator?.target ?? ""} aria-describedby={field("target-error")} />
              <FieldError id={field("target-error")} messages={state.fieldErrors?.target} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={field("unit")}>{t("indicatorUnit")}</Label>
              <Input id={field("unit")} name="unit" defaultValue={indicator?.unit ?? ""} maxLength={20} aria-describedby={field("unit-error")} />
              <FieldError id={field("unit-error")} messages={state.fieldErrors?.unit} />
            </div>
            <div className="flex flex-col gap-1">
              <Label htmlFor={field("baseline")}>{t("indicatorBaseline")}</Label>
              <Input id={field("baseline")} name="baseline" inputMode="decimal" defaultValue={indicator?.baseline ?? ""} aria-describedby={field("baseline-error")} />
              <FieldError id={field("baseline-error")} messages={state.fieldErrors?.baseline} />
            </div>
          </div>
          <div>
            <Button type="submit" size="sm" variant={indicator ? "outline" : "default"} disabled={pending}>
              {indicator ? t("saveAndConfirm") : t("addIndicator")}
            </Button>
          </div>
        </div>
      )}
    </ActionForm>
  );
}

/** Confirms a proposed indicator as it stands. */
export function ConfirmIndicatorForm({ indicator }: { indicator: { id: string; version: number; name: string } }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={confirmIndicatorAction} className="flex items-center gap-2" messageClassName="text-xs">
      {(_state, pending) => (
        <>
          <input type="hidden" name="indicatorId" value={indicator.id} />
          <input type="hidden" name="expectedVersion" value={indicator.version} />
          <Button type="submit" size="sm" disabled={pending} aria-label={`${t("confirmIndicator")} ${indicator.name}`}>
            {t("confirmIndicator")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}
