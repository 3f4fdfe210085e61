/**
 * A progress report's states and the steps between them, defined once (decision 032):
 *
 *   DRAFT ──submit──> SUBMITTED ──accept──> ACCEPTED
 *     │                   └──────return───> RETURNED ──submit──> …
 *     └─submit (the plan asks for 部门负责人审签)─> AWAITING_HEAD ──headApprove──> SUBMITTED
 *                                                    └──headReturn──> RETURNED
 *
 * Each step that is an event of the report's history writes a revision with the event named here.
 * The replay (src/features/dashboard/load-history.ts) reads only SUBMITTED, RETURNED and ACCEPTED:
 * a report counts as 报送 when it reaches the bureau, i.e. at the head's sign-off when the plan asks
 * for one (src/lib/status.ts). A head's return is the department's own affair: it is kept and shown,
 * but it is not one of the bureau's returns.
 */

export type ReportState = "DRAFT" | "AWAITING_HEAD" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
export type ReportStep = "save" | "submit" | "headApprove" | "headReturn" | "accept" | "return";
/** The revision events; only the last three are the bureau's history (the replay's). */
export type RevisionEvent = "SUBMITTED_TO_HEAD" | "HEAD_RETURNED" | "SUBMITTED" | "RETURNED" | "ACCEPTED";

/** Where the report may be edited and submitted by its department. */
const EDITABLE: readonly (ReportState | null)[] = [null, "DRAFT", "RETURNED"];

/**
 * The state `step` leads to from `state` (null: no report yet), or null when the step is not
 * allowed there. `headSignoff`: the plan asks for the department head's sign-off.
 */
export function nextReportState(state: ReportState | null, step: ReportStep, headSignoff: boolean): ReportState | null {
  switch (step) {
    case "save":
      return EDITABLE.includes(state) ? (state ?? "DRAFT") : null;
    case "submit":
      return EDITABLE.includes(state) ? (headSignoff ? "AWAITING_HEAD" : "SUBMITTED") : null;
    case "headApprove":
      return state === "AWAITING_HEAD" ? "SUBMITTED" : null;
    case "headReturn":
      return state === "AWAITING_HEAD" ? "RETURNED" : null;
    case "accept":
      return state === "SUBMITTED" ? "ACCEPTED" : null;
    case "return":
      return state === "SUBMITTED" ? "RETURNED" : null;
  }
}

/** The revision a step writes, or null for a step that is not an event of the report's history (saving a draft). */
export function revisionEvent(step: ReportStep, to: ReportState): RevisionEvent | null {
  switch (step) {
    case "save":
      return null;
    case "submit":
      return to === "AWAITING_HEAD" ? "SUBMITTED_TO_HEAD" : "SUBMITTED";
    case "headApprove":
      // The report reaches the bureau now: this is its 报送.
      return "SUBMITTED";
    case "headReturn":
      return "HEAD_RETURNED";
    case "accept":
      return "ACCEPTED";
    case "return":
      return "RETURNED";
  }
}

/** Whether the department can no longer change the report (it is with its head, the bureau, or accepted). */
export function lockedForDepartment(state: ReportState | null): boolean {
  return !EDITABLE.includes(state);
}

/** The steps that need a reason (a return, by the bureau or by the head). */
export function stepNeedsReason(step: ReportStep): boolean {
  return step === "return" || step === "headReturn";
}
