import { describe, expect, it } from "vitest";
import { groupPages, pageCountOf, pageParam, slicePage } from "./paging";

describe("pageParam", () => {
  it.each([
    [undefined, 5, 1],
    ["1", 5, 1],
    ["3", 5, 3],
    ["9", 5, 5],
    ["0", 5, 1],
    ["-2", 5, 1],
    ["2.5", 5, 1],
    ["abc", 5, 1],
    [["4", "2"], 5, 4],
    ["3", 0, 1],
  ])("%j of %i pages → %i", (value, count, expected) => {
    expect(pageParam(value, count)).toBe(expected);
  });
});

describe("pageCountOf and slicePage", () => {
  it("cover every item exactly once", () => {
    const items = Array.from({ length: 250 }, (_, i) => i);
    const pages = pageCountOf(items.length, 100);
    expect(pages).toBe(3);
    const seen = Array.from({ length: pages }, (_, p) => slicePage(items, p + 1, 100)).flat();
    expect(seen).toEqual(items);
    expect(slicePage(items, 3, 100)).toHaveLength(50);
  });
  it("gives an empty list one empty page", () => {
    expect(pageCountOf(0, 100)).toBe(1);
    expect(slicePage([], 1, 100)).toEqual([]);
  });
});

describe("groupPages", () => {
  it("keeps a small plan on one page", () => {
    // The shipped plan: 11 key tasks, 34 measures.
    expect(groupPages([2, 1, 5, 3, 4, 5, 2, 3, 3, 2, 4], 100)).toEqual([{ start: 0, end: 11 }]);
  });
  it("fills pages with whole groups, never splitting one", () => {
    expect(groupPages([40, 40, 40, 10, 90, 5], 100)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 4, end: 6 },
    ]);
  });
  it("gives a group larger than a page a page of its own", () => {
    expect(groupPages([10, 250, 10], 100)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 2 },
      { start: 2, end: 3 },
    ]);
  });
  it("has one empty page for no groups", () => {
    expect(groupPages([], 100)).toEqual([{ start: 0, end: 0 }]);
  });
});
