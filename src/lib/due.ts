/** Today's date in China Standard Time, as YYYY-MM-DD: deadlines are local days. China keeps UTC+8 all year. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A moment as 「2026-12-01 10:05」 (China time, seconds on request): the one way the product writes a date with its time. */
export function chinaDateTime(at: Date, withSeconds = false): string {
  const iso = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}

/** A database DATE (UTC midnight) as YYYY-MM-DD. */
export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A YYYY-MM-DD day as the Date a database DATE column holds (UTC midnight). */
export const dayToDate = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** Whole days from one YYYY-MM-DD day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string) => Math.round((dayToDate(to).getTime() - dayToDate(from).getTime()) / 86_400_000);

/**
 * When a department's part of a period is due: the period's due date, or the department's own
 * date from its approved extension (延期) when that is later. An extension moves only the
 * obligation of the department that asked for it. The one rule: report pages, the dashboard
 * replay (through src/features/dashboard/history.ts) and the notification scan all use it.
 */
export function departmentDueDay(periodDue: string, ownDue: string | null | undefined): string {
  return ownDue && ownDue > periodDue ? ownDue : periodDue;
}

/** departmentDueDay for database DATE values. */
export function departmentDueDate(periodDue: Date, ownDue: Date | null | undefined): Date {
  return ownDue && ownDue.getTime() > periodDue.getTime() ? ownDue : periodDue;
}
