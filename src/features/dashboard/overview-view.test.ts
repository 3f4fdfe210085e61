import { describe, expect, it } from "vitest";
import { overviewQuery, parseOverviewView, sortChange } from "./overview-view";

const params = (q: string) => Object.fromEntries(new URLSearchParams(q.slice(1)));

describe("the overview's view in its address", () => {
  it("defaults to the most overdue first, the first 20 departments and key tasks", () => {
    expect(parseOverviewView({})).toEqual({ sort: "overdue", dir: "desc", allDepartments: false, allTasks: false });
    expect(parseOverviewView({ sort: "nonsense", dir: "sideways", all: "yes", tasks: "some" })).toEqual({ sort: "overdue", dir: "desc", allDepartments: false, allTasks: false });
  });

  it("keeps every key task listed when the department table is re-ordered or shown whole", () => {
    const view = parseOverviewView({ sort: "led", dir: "desc", tasks: "all" });
    expect(params(overviewQuery("2026-12-02", view, sortChange(view, "led")))).toEqual({ asOf: "2026-12-02", sort: "led", dir: "asc", tasks: "all" });
    expect(params(overviewQuery("2026-12-02", view, sortChange(view, "returned")))).toEqual({ asOf: "2026-12-02", sort: "returned", dir: "desc", tasks: "all" });
    expect(params(overviewQuery("2026-12-02", view, { allDepartments: true }))).toEqual({ asOf: "2026-12-02", sort: "led", dir: "desc", all: "1", tasks: "all" });
  });

  it("keeps every department listed, and the order, when all key tasks are asked for", () => {
    const view = parseOverviewView({ sort: "shortName", dir: "asc", all: "1" });
    expect(params(overviewQuery("2025-12-31", view, { allTasks: true }))).toEqual({ asOf: "2025-12-31", sort: "shortName", dir: "asc", all: "1", tasks: "all" });
    expect(params(overviewQuery("2025-12-31", view, sortChange(view, "overdue")))).toEqual({ asOf: "2025-12-31", sort: "overdue", dir: "desc", all: "1" });
  });
});
