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
  /** Due-date changes in the order they took effect: approved extensions and administrators' edits. */
  dueChanges: { on: string; dueDate: string }[];
  /** Per department carrying the measure: its report's review events, oldest first. */
  departments: { departmentId: string; isLead: boolean; events: { on: string; at: number; event: "SUBMITTED" | "RETURNED" | "ACCEPTED" }[] }[];
}

/** The due date in force on `asOf`. */
export function dueDateOn(h: Pick<PeriodHistory, "originalDueDate" | "dueChanges">, asOf: string): string {
  let due = h.originalDueDate;
  for (const c of h.dueChanges) if (c.on <= asOf) due = c.dueDate;
  return due;
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
  const dueDate = dueDateOn(h, asOf);
  const events = h.departments.find((d) => d.departmentId === departmentId)?.events ?? [];
  const report = reportOn(events, asOf);
  return { ...periodStatus({ periodStart: h.periodStart, dueDate, reportState: report.state, acceptedSubmittedOn: report.acceptedSubmittedOn }, asOf, windowDays), dueDate };
}
