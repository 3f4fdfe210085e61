import { describe, expect, it } from "vitest";
import { byUrgency, urgencyOf, type Urgency } from "./urgency";

describe("urgencyOf", () => {
  const today = "2024-05-10";
  const cases: Array<[string, string, "DRAFT" | "RETURNED" | null, Urgency]> = [
    ["returned wins even when not due", "2024-12-31", "RETURNED", "RETURNED"],
    ["returned and overdue is still returned first", "2024-01-10", "RETURNED", "RETURNED"],
    ["past due", "2024-05-09", null, "OVERDUE"],
    ["due today is due soon, not overdue", "2024-05-10", "DRAFT", "DUE_SOON"],
    ["due in 7 days", "2024-05-17", null, "DUE_SOON"],
    ["due in 8 days", "2024-05-18", null, "OPEN"],
  ];
  it.each(cases)("%s", (_n, dueDate, state, expected) => {
    expect(urgencyOf({ dueDate, state }, today)).toBe(expected);
  });

  it("orders returned, overdue, due soon, open; then by due date", () => {
    const items: { id: string; urgency: Urgency; dueDate: string }[] = [
      { id: "open", urgency: "OPEN", dueDate: "2024-06-01" },
      { id: "late2", urgency: "OVERDUE", dueDate: "2024-04-01" },
      { id: "ret", urgency: "RETURNED", dueDate: "2024-09-01" },
      { id: "soon", urgency: "DUE_SOON", dueDate: "2024-05-12" },
      { id: "late1", urgency: "OVERDUE", dueDate: "2024-01-10" },
    ];
    expect(items.sort(byUrgency).map((i) => i.id)).toEqual(["ret", "late1", "late2", "soon", "open"]);
  });
});
