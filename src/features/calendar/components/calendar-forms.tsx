"use client";

import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, Label, Select } from "@/components/ui/form";
import type { ActionState } from "@/lib/action-state";
import { DateInput } from "@/components/ui/date-input";

type ServerAction = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** Lists a day as a public holiday or a 调休 working day (or changes a listed one). */
export function CalendarDayForm({ action }: { action: ServerAction }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      {(state, pending) => (
        <div className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <Label htmlFor="calendar-day">{t("calendarDay")}</Label>
            <DateInput id="calendar-day" name="day" required className="w-44" aria-describedby="calendar-day-error" />
            <FieldError id="calendar-day-error" messages={state.fieldErrors?.day} />
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="calendar-working">{t("calendarKind")}</Label>
            <Select id="calendar-working" name="working" defaultValue="false">
              <option value="false">{t("calendarHoliday")}</option>
              <option value="true">{t("calendarWorkday")}</option>
            </Select>
          </div>
          <div className="flex flex-col gap-1">
            <Label htmlFor="calendar-name">{t("calendarName")}</Label>
            <Input id="calendar-name" name="name" required maxLength={40} className="w-48" aria-describedby="calendar-name-error" />
            <FieldError id="calendar-name-error" messages={state.fieldErrors?.name} />
          </div>
          <Button type="submit" disabled={pending}>
            {t("calendarSave")}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}

/** Removes a listed day: it follows the Monday–Friday week again. */
export function RemoveCalendarDayForm({ day, action }: { day: string; action: ServerAction }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex items-center gap-2" messageClassName="text-xs">
      {(_state, pending) => (
        <>
          <input type="hidden" name="day" value={day} />
          <Button type="submit" size="sm" variant="outline" disabled={pending} aria-label={t("calendarRemoveDay", { day })}>
            {t("calendarRemove")}
          </Button>
        </>
      )}
    </ActionForm>
  );
}

/** Confirms that a year's arrangement, as published, has been entered: its statutory-only days become the administrators'. */
export function ConfirmCalendarYearForm({ year, action }: { year: number; action: ServerAction }) {
  const t = useTranslations("admin");
  return (
    <ActionForm action={action} className="flex flex-col gap-2" messageClassName="text-sm">
      {(_state, pending) => (
        <div>
          <input type="hidden" name="year" value={year} />
          <Button type="submit" size="sm" variant="outline" disabled={pending}>
            {t("calendarConfirmYear", { year })}
          </Button>
        </div>
      )}
    </ActionForm>
  );
}
