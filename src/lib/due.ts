/** Today's date in China Standard Time, as YYYY-MM-DD: deadlines are local days. China keeps UTC+8 all year. */
export function todayInChina(now: Date = new Date()): string {
  return dayNumbered(Math.floor((now.getTime() + CHINA_OFFSET_MS) / DAY_MS));
}

const DAY_MS = 86_400_000;
/** China time is UTC+8 all year (no summer time since 1991). */
const CHINA_OFFSET_MS = 8 * 3_600_000;
/**
 * YYYY-MM-DD of the n-th day since 1970-01-01, each written once: the dashboards' history turns every
 * one of a plan's review events into its day (100,000 at province scale), a few thousand distinct days.
 */
const dayNames = new Map<number, string>();
function dayNumbered(n: number): string {
  let name = dayNames.get(n);
  if (name === undefined) {
    if (dayNames.size >= 100_000) dayNames.clear();
    name = new Date(n * DAY_MS).toISOString().slice(0, 10);
    dayNames.set(n, name);
  }
  return name;
}

/** A moment as 「2026-12-01 10:05」 (China time, seconds on request): the one way the product writes a date with its time. */
export function chinaDateTime(at: Date, withSeconds = false): string {
  const iso = new Date(at.getTime() + 8 * 3_600_000).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, withSeconds ? 19 : 16)}`;
}

/** A database DATE (UTC midnight) as YYYY-MM-DD. */
export const isoDay = (d: Date) => dayNumbered(Math.floor(d.getTime() / DAY_MS));

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
