import { addDays } from "./periods";

/** How urgently a department must act on a period, most urgent first. */
export type Urgency = "RETURNED" | "OVERDUE" | "DUE_SOON" | "OPEN" | "UPCOMING";

const ORDER: Record<Urgency, number> = { RETURNED: 0, OVERDUE: 1, DUE_SOON: 2, OPEN: 3, UPCOMING: 4 };

/**
 * Returned reports come first, then overdue, then due within `soonDays`, then the rest.
 * `state` is the department's report state for the period (null when none exists yet).
 */
export function urgencyOf(
  item: { dueDate: string; state: "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED" | null },
  today: string,
  soonDays = 7,
): Urgency {
  if (item.state === "RETURNED") return "RETURNED";
  if (item.dueDate < today) return "OVERDUE";
  if (item.dueDate <= addDays(today, soonDays)) return "DUE_SOON";
  return "OPEN";
}

/** Sorts by urgency, then by due date. */
export function byUrgency<T extends { urgency: Urgency; dueDate: string }>(a: T, b: T): number {
  return ORDER[a.urgency] - ORDER[b.urgency] || a.dueDate.localeCompare(b.dueDate);
}
