import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Alert } from "@/components/ui/alert";
import { confirmCalendarYearAction, removeCalendarDayAction, setCalendarDayAction } from "@/features/calendar/actions";
import { CalendarDayForm, ConfirmCalendarYearForm, RemoveCalendarDayForm } from "@/features/calendar/components/calendar-forms";
import { listCalendarYear } from "@/features/calendar/queries";
import { todayInChina } from "@/lib/due";
import { isStatutoryOnly } from "@/lib/statutory-holidays";
import { db } from "@/server/db";
import { requirePermission } from "@/server/auth";

const FIRST_YEAR = 2021;
const LAST_YEAR = 2027;

/** The working-day calendar (工作日历): public holidays and 调休 working days, by year. */
export default async function WorkingCalendarPage({ searchParams }: { searchParams: Promise<{ year?: string }> }) {
  await requirePermission("calendar:manage");
  const { year: asked } = await searchParams;
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = Number.isInteger(Number(asked)) && Number(asked) >= 2000 && Number(asked) <= 2100 ? Number(asked) : thisYear;
  const [t, rows] = await Promise.all([getTranslations("admin"), listCalendarYear(db, year)]);
  const years = Array.from({ length: Math.max(LAST_YEAR, year) - Math.min(FIRST_YEAR, year) + 1 }, (_, i) => Math.min(FIRST_YEAR, year) + i);
  const holidays = rows.filter((r) => !r.working).length;
  // A year whose arrangement the State Council has not published yet holds its statutory holidays only (decision 031).
  const statutoryOnly = rows.filter((r) => isStatutoryOnly(r.source)).length;
  return (
    <>
      <PageHeader title={t("calendarTitle")} description={t("calendarIntro")} />
      <nav aria-label={t("calendarYears")} className="mb-4 flex flex-wrap gap-2">
        {years.map((y) => (
          <Link
            key={y}
            href={`/admin/calendar?year=${y}`}
            aria-current={y === year ? "page" : undefined}
            className={`rounded-md border px-3 py-1 text-sm tabular-nums ${y === year ? "border-primary bg-primary text-primary-foreground" : "border-border hover:bg-muted"}`}
          >
            {y}
          </Link>
        ))}
      </nav>
      <div className="flex flex-col gap-5">
        {statutoryOnly > 0 ? (
          <Alert tone="warning" data-testid="calendar-statutory-only" className="flex flex-col gap-2">
            <p className="font-medium">{t("calendarStatutoryTitle", { year })}</p>
            <p>{t("calendarStatutoryBody", { year, count: statutoryOnly })}</p>
            <ConfirmCalendarYearForm year={year} action={confirmCalendarYearAction} />
          </Alert>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>{t("calendarAdd")}</CardTitle>
          </CardHeader>
          <CardContent>
            <CalendarDayForm action={setCalendarDayAction} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("calendarYear", { year, holidays, workdays: rows.length - holidays })}</CardTitle>
          </CardHeader>
          {rows.length === 0 ? (
            <CardContent>
              <EmptyState title={t("calendarEmpty", { year })} />
            </CardContent>
          ) : (
            <Table>
              <thead>
                <tr>
                  <Th>{t("calendarDay")}</Th>
                  <Th>{t("calendarKind")}</Th>
                  <Th>{t("calendarName")}</Th>
                  <Th className="hidden sm:table-cell">{t("calendarSource")}</Th>
                  <Th>
                    <span className="sr-only">{t("calendarRemove")}</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.day}>
                    <Td className="whitespace-nowrap tabular-nums">{r.day}</Td>
                    <Td className="whitespace-nowrap">{r.working ? t("calendarWorkday") : t("calendarHoliday")}</Td>
                    <Td className="whitespace-nowrap">{r.name}</Td>
                    <Td className="hidden text-xs text-muted-foreground sm:table-cell">{r.source === "admin" ? t("calendarSourceAdmin") : isStatutoryOnly(r.source) ? t("calendarSourceStatutory") : r.source}</Td>
                    <Td>
                      <RemoveCalendarDayForm day={r.day} action={removeCalendarDayAction} />
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
