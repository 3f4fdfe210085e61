import { departmentDueDay } from "@/lib/due";
import { periodStatus, type Light, type Status } from "@/lib/status";

/** Everything stored about one period that the dashboard needs to replay its history. */
export interface PeriodHistory {
  periodId: string;
  measureId: string;
  keyTaskNumber: number;
  measureNumber: number;
  kind: "QUARTER" | "MILESTONE";
  periodStart: string;
  periodEnd: string;
  originalDueDate: string;
  /** Changes of the period's due date, in the order they took effect: administrators' edits. */
  dueChanges: { on: string; dueDate: string }[];
  /**
   * Per department carrying the measure: its report's review events, oldest first, and its own
   * due dates from approved extensions, in the order they were approved (none: the period's).
   */
  departments: {
    departmentId: string;
    isLead: boolean;
    /** 共同牵头: its report counts like the lead's (src/lib/status.ts reportsForMeasure). */
    isJointLead?: boolean;
    events: { on: string; at: number; event: "SUBMITTED" | "RETURNED" | "ACCEPTED" }[];
    dueChanges?: { on: string; dueDate: string }[];
  }[];
}

/** The last of `changes` in force on `asOf`. */
function lastOn(changes: { on: string; dueDate: string }[] | undefined, asOf: string): string | null {
  let due: string | null = null;
  for (const c of changes ?? []) if (c.on <= asOf) due = c.dueDate;
  return due;
}

/**
 * The due date in force on `asOf`: the period's, or, given a department, that department's
 * (its own approved extension, when later: src/lib/due.ts departmentDueDay).
 */
export function dueDateOn(h: Pick<PeriodHistory, "originalDueDate" | "dueChanges" | "departments">, asOf: string, departmentId?: string): string {
  const periodDue = lastOn(h.dueChanges, asOf) ?? h.originalDueDate;
  if (!departmentId) return periodDue;
  return departmentDueDay(periodDue, lastOn(h.departments.find((d) => d.departmentId === departmentId)?.dueChanges, asOf));
}

/** A department's report state on `asOf`, and the day its accepted version was submitted. */
export function reportOn(events: PeriodHistory["departments"][number]["events"], asOf: string) {
  let state: "SUBMITTED" | "RETURNED" | "ACCEPTED" | null = null;
  let lastSubmitted: string | null = null;
  let acceptedSubmittedOn: string | null = null;
  for (const e of events) {
    if (e.on > asOf) break;
    state = e.event;
    if (e.event === "SUBMITTED") lastSubmitted = e.on;
    if (e.event === "ACCEPTED") acceptedSubmittedOn = lastSubmitted;
  }
  return { state, acceptedSubmittedOn };
}

/** Status of one department's part of a period on `asOf` (the lead's part is the measure's). */
export function departmentPeriodStatus(h: PeriodHistory, departmentId: string, asOf: string, windowDays?: number): { status: Status; light: Light; dueDate: string } {
  const dueDate = dueDateOn(h, asOf, departmentId);
  const events = h.departments.find((d) => d.departmentId === departmentId)?.events ?? [];
  const report = reportOn(events, asOf);
  return { ...periodStatus({ periodStart: h.periodStart, dueDate, reportState: report.state, acceptedSubmittedOn: report.acceptedSubmittedOn }, asOf, windowDays), dueDate };
}
