/**
 * The one definition of status used everywhere (pages, exports): for a
 * reporting period as of a given day, and for a measure or department as the
 * worst of their periods. Pure; dates are ISO YYYY-MM-DD.
 */

import { daysBetween } from "./due";

export type Status = "NOT_STARTED" | "ON_TRACK" | "DUE_SOON" | "OVERDUE" | "COMPLETED" | "COMPLETED_LATE";
export type Light = "GREEN" | "YELLOW" | "RED";

/** What was true of a period on the day asked about. */
export interface PeriodFacts {
  periodStart: string;
  /** The due date in force that day (an approved extension already applied). */
  dueDate: string;
  /** The report's state that day; null when nothing had been submitted. */
  reportState: "SUBMITTED" | "RETURNED" | "ACCEPTED" | null;
  /** Day the accepted version was submitted, when reportState is ACCEPTED. */
  acceptedSubmittedOn: string | null;
}

export const DEFAULT_WINDOW_DAYS = 7;

/**
 * Status and light of one period on `asOf`:
 * completed (late when the accepted version was submitted after the due date);
 * overdue, red, when past due without an accepted report;
 * due soon, yellow, within `windowDays` of the due date, or when returned and not resubmitted;
 * on track when a report awaits review or work has begun; not started before the period begins.
 */
export function periodStatus(p: PeriodFacts, asOf: string, windowDays = DEFAULT_WINDOW_DAYS): { status: Status; light: Light } {
  if (p.reportState === "ACCEPTED") {
    const late = p.acceptedSubmittedOn !== null && p.acceptedSubmittedOn > p.dueDate;
    return { status: late ? "COMPLETED_LATE" : "COMPLETED", light: "GREEN" };
  }
  if (asOf > p.dueDate) return { status: "OVERDUE", light: "RED" };
  if (p.reportState === "RETURNED") return { status: "DUE_SOON", light: "YELLOW" };
  if (daysBetween(asOf, p.dueDate) <= windowDays) {
    // Submitted and awaiting review: the department has done its part.
    return p.reportState === "SUBMITTED" ? { status: "ON_TRACK", light: "GREEN" } : { status: "DUE_SOON", light: "YELLOW" };
  }
  if (asOf < p.periodStart) return { status: "NOT_STARTED", light: "GREEN" };
  return { status: "ON_TRACK", light: "GREEN" };
}

const SEVERITY: Record<Status, number> = { OVERDUE: 5, DUE_SOON: 4, ON_TRACK: 3, NOT_STARTED: 2, COMPLETED_LATE: 1, COMPLETED: 0 };
const LIGHT_SEVERITY: Record<Light, number> = { RED: 2, YELLOW: 1, GREEN: 0 };

/**
 * A measure's (or a department's) status: the worst of its periods that had
 * begun by `asOf`; completed only when every period is completed; not started
 * when none had begun.
 */
export function combinedStatus(periods: { status: Status; light: Light; periodStart: string }[], asOf: string): { status: Status; light: Light } {
  const begun = periods.filter((p) => p.periodStart <= asOf || p.status === "OVERDUE" || p.status === "COMPLETED" || p.status === "COMPLETED_LATE");
  if (begun.length === 0) return { status: "NOT_STARTED", light: "GREEN" };
  let worst = begun[0];
  for (const p of begun) if (SEVERITY[p.status] > SEVERITY[worst.status]) worst = p;
  const light = begun.reduce<Light>((l, p) => (LIGHT_SEVERITY[p.light] > LIGHT_SEVERITY[l] ? p.light : l), "GREEN");
  return { status: worst.status, light };
}

/**
 * Whether a department's report on a measure is one of the measure's reports, which set its light
 * and count in the overview: the lead's, and each joint lead's (共同牵头, decision 021); a
 * supporting department's feedback does not.
 */
export function reportsForMeasure(assignment: { isLead: boolean; isJointLead?: boolean }): boolean {
  return assignment.isLead || assignment.isJointLead === true;
}
