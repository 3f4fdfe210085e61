import { z } from "zod";

/** The columns the overview's department table can be ordered by. */
export const OVERVIEW_SORTS = ["shortName", "led", "supported", "onTimePct", "overdue", "returned", "avgReviewHours"] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** How the overview is looked at, besides its day: the table's order, and whether every department and every key task is listed. */
export interface OverviewView {
  sort: OverviewSort;
  dir: "asc" | "desc";
  allDepartments: boolean;
  allTasks: boolean;
}

/** The view an address asks for; anything unknown falls back to the default (most overdue first, the first 20 of each). */
export function parseOverviewView(raw: Record<string, string | string[] | undefined>): OverviewView {
  return {
    sort: z.enum(OVERVIEW_SORTS).catch("overdue").parse(raw.sort),
    dir: raw.dir === "asc" ? "asc" : "desc",
    allDepartments: raw.all === "1",
    allTasks: raw.tasks === "all",
  };
}

/** The query of the same overview, on the same day, with `change` applied: every link keeps the rest of the view. */
export function overviewQuery(asOf: string, view: OverviewView, change: Partial<OverviewView> = {}): string {
  const v = { ...view, ...change };
  return `?${new URLSearchParams({ asOf, sort: v.sort, dir: v.dir, ...(v.allDepartments ? { all: "1" } : {}), ...(v.allTasks ? { tasks: "all" } : {}) })}`;
}

/** The link of a column's header: that column, descending first, then the other way on a second click. */
export function sortChange(view: OverviewView, col: OverviewSort): Partial<OverviewView> {
  return { sort: col, dir: view.sort === col && view.dir === "desc" ? "asc" : "desc" };
}
