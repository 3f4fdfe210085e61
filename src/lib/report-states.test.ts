import { describe, expect, it } from "vitest";
import { lockedForDepartment, nextReportState, revisionEvent, stepNeedsReason, type ReportState, type ReportStep } from "./report-states";

const states: (ReportState | null)[] = [null, "DRAFT", "AWAITING_HEAD", "SUBMITTED", "RETURNED", "ACCEPTED"];
const steps: ReportStep[] = ["save", "submit", "headApprove", "headReturn", "accept", "return"];

describe("the report state machine", () => {
  it("without a head's sign-off: DRAFT → SUBMITTED → RETURNED | ACCEPTED, as before", () => {
    expect(nextReportState(null, "save", false)).toBe("DRAFT");
    expect(nextReportState("DRAFT", "submit", false)).toBe("SUBMITTED");
    expect(nextReportState("SUBMITTED", "accept", false)).toBe("ACCEPTED");
    expect(nextReportState("SUBMITTED", "return", false)).toBe("RETURNED");
    expect(nextReportState("RETURNED", "save", false)).toBe("RETURNED");
    expect(nextReportState("RETURNED", "submit", false)).toBe("SUBMITTED");
  });

  it("with it: a submission waits for the head, who passes it to the bureau or returns it", () => {
    expect(nextReportState(null, "submit", true)).toBe("AWAITING_HEAD");
    expect(nextReportState("RETURNED", "submit", true)).toBe("AWAITING_HEAD");
    expect(nextReportState("AWAITING_HEAD", "headApprove", true)).toBe("SUBMITTED");
    expect(nextReportState("AWAITING_HEAD", "headReturn", true)).toBe("RETURNED");
    // The bureau never sees a report still with the head.
    expect(nextReportState("AWAITING_HEAD", "accept", true)).toBeNull();
    expect(nextReportState("AWAITING_HEAD", "return", true)).toBeNull();
  });

  it("allows exactly these moves, whatever the plan says", () => {
    const allowed: string[] = [];
    for (const headSignoff of [false, true])
      for (const from of states)
        for (const step of steps) {
          const to = nextReportState(from, step, headSignoff);
          if (to) allowed.push(`${headSignoff ? "H" : "-"} ${from ?? "∅"} ${step} ${to}`);
        }
    expect(allowed).toEqual([
      "- ∅ save DRAFT",
      "- ∅ submit SUBMITTED",
      "- DRAFT save DRAFT",
      "- DRAFT submit SUBMITTED",
      "- AWAITING_HEAD headApprove SUBMITTED",
      "- AWAITING_HEAD headReturn RETURNED",
      "- SUBMITTED accept ACCEPTED",
      "- SUBMITTED return RETURNED",
      "- RETURNED save RETURNED",
      "- RETURNED submit SUBMITTED",
      "H ∅ save DRAFT",
      "H ∅ submit AWAITING_HEAD",
      "H DRAFT save DRAFT",
      "H DRAFT submit AWAITING_HEAD",
      "H AWAITING_HEAD headApprove SUBMITTED",
      "H AWAITING_HEAD headReturn RETURNED",
      "H SUBMITTED accept ACCEPTED",
      "H SUBMITTED return RETURNED",
      "H RETURNED save RETURNED",
      "H RETURNED submit AWAITING_HEAD",
    ]);
  });

  it("counts a report as 报送 (the replay's SUBMITTED) when it reaches the bureau: at the head's sign-off", () => {
    expect(revisionEvent("submit", "AWAITING_HEAD")).toBe("SUBMITTED_TO_HEAD");
    expect(revisionEvent("submit", "SUBMITTED")).toBe("SUBMITTED");
    expect(revisionEvent("headApprove", "SUBMITTED")).toBe("SUBMITTED");
    expect(revisionEvent("headReturn", "RETURNED")).toBe("HEAD_RETURNED");
    expect(revisionEvent("return", "RETURNED")).toBe("RETURNED");
    expect(revisionEvent("accept", "ACCEPTED")).toBe("ACCEPTED");
    expect(revisionEvent("save", "DRAFT")).toBeNull();
  });

  it("locks the report for its department while it is with the head or the bureau; returns need a reason", () => {
    expect(states.filter(lockedForDepartment)).toEqual(["AWAITING_HEAD", "SUBMITTED", "ACCEPTED"]);
    expect(steps.filter(stepNeedsReason)).toEqual(["headReturn", "return"]);
  });
});
