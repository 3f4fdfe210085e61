import { describe, expect, it } from "vitest";
import { arrangeWorklist, byActionNow, filterWorklist, needsActionNow, parseWorklistFilter, quarterKeyOf, type ArrangeableItem } from "./worklist";

const item = (over: Partial<ArrangeableItem> & { id: string }): ArrangeableItem & { id: string } => ({
  urgency: "OVERDUE",
  dueDate: "2026-10-15",
  periodEnd: "2026-09-30",
  planCode: "new",
  planStatus: "ACTIVE",
  ...over,
});

describe("我的填报 arranged", () => {
  it.each([
    ["2026-03-31", "2026-Q1"],
    ["2026-06-30", "2026-Q2"],
    ["2026-08-31", "2026-Q3"],
    ["2026-12-31", "2026-Q4"],
  ])("period ending %s is in %s", (end, key) => expect(quarterKeyOf(end)).toBe(key));

  it("needs action now: returned anywhere, anything owed in a running plan; not an ended plan's overdue periods", () => {
    expect(needsActionNow({ urgency: "RETURNED", planStatus: "ENDED" })).toBe(true);
    expect(needsActionNow({ urgency: "OVERDUE", planStatus: "ACTIVE" })).toBe(true);
    expect(needsActionNow({ urgency: "OPEN", planStatus: "ACTIVE" })).toBe(true);
    expect(needsActionNow({ urgency: "OVERDUE", planStatus: "ENDED" })).toBe(false);
    expect(needsActionNow({ urgency: "OVERDUE", planStatus: "ARCHIVED" })).toBe(false);
    expect(needsActionNow({ urgency: "OPEN", planStatus: "DRAFT" })).toBe(false);
  });

  it("puts returned, then due soon, then overdue newest first, then open; history by quarter, newest first", () => {
    const items = [
      item({ id: "old-2021", planCode: "old", planStatus: "ENDED", dueDate: "2021-04-15", periodEnd: "2021-03-31" }),
      item({ id: "old-2025", planCode: "old", planStatus: "ENDED", dueDate: "2026-01-15", periodEnd: "2025-12-31" }),
      item({ id: "old-2021b", planCode: "old", planStatus: "ENDED", dueDate: "2021-04-10", periodEnd: "2021-03-31" }),
      item({ id: "open", urgency: "OPEN", dueDate: "2027-01-15", periodEnd: "2026-12-31" }),
      item({ id: "overdue-q2", dueDate: "2026-07-15", periodEnd: "2026-06-30" }),
      item({ id: "overdue-q3", dueDate: "2026-10-15", periodEnd: "2026-09-30" }),
      item({ id: "soon", urgency: "DUE_SOON", dueDate: "2026-12-08", periodEnd: "2026-11-30" }),
      item({ id: "returned-old", urgency: "RETURNED", planCode: "old", planStatus: "ENDED", dueDate: "2025-10-15", periodEnd: "2025-09-30" }),
    ];
    const { now, history } = arrangeWorklist(items);
    expect(now.map((i) => i.id)).toEqual(["returned-old", "soon", "overdue-q3", "overdue-q2", "open"]);
    expect(history.map((g) => [g.quarter, g.items.map((i) => i.id)])).toEqual([
      ["2025-Q4", ["old-2025"]],
      ["2021-Q1", ["old-2021", "old-2021b"]],
    ]);
    expect([...items].sort(byActionNow)[0].id).toBe("returned-old");
  });

  it("reads the filter from the address, ignoring what it does not know, and filters by plan, status and quarter", () => {
    expect(parseWorklistFilter({ plan: "old", status: "OVERDUE", quarter: "2021-Q1" }, ["old", "new"])).toEqual({ plan: "old", status: "OVERDUE", quarter: "2021-Q1" });
    expect(parseWorklistFilter({ plan: "gone", status: "LATE", quarter: "2021-Q5" }, ["old"])).toEqual({ plan: null, status: null, quarter: null });
    expect(parseWorklistFilter({ plan: ["old", "new"] }, ["old", "new"])).toEqual({ plan: null, status: null, quarter: null });
    const items = [
      item({ id: "a", planCode: "old", periodEnd: "2021-03-31" }),
      item({ id: "b", planCode: "new", periodEnd: "2026-09-30" }),
      item({ id: "c", planCode: "new", periodEnd: "2026-09-30", urgency: "RETURNED" }),
    ];
    expect(filterWorklist(items, { plan: "new", status: null, quarter: null }).map((i) => i.id)).toEqual(["b", "c"]);
    expect(filterWorklist(items, { plan: null, status: "RETURNED", quarter: null }).map((i) => i.id)).toEqual(["c"]);
    expect(filterWorklist(items, { plan: null, status: null, quarter: "2021-Q1" }).map((i) => i.id)).toEqual(["a"]);
  });
});
