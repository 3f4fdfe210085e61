import { describe, expect, it } from "vitest";
import { DEFAULT_RANKING_LISTS, DEFAULT_RANKING_WEIGHTS, rankDepartments, score, scoreParts, validLists, validWeights, type DepartmentQuarter } from "./ranking";

const dept = (name: string, over: Partial<DepartmentQuarter> = {}): DepartmentQuarter => ({
  departmentId: name,
  name,
  due: 10,
  onTime: 10,
  progress: { green: 2, yellow: 0, red: 0 },
  reviewed: 10,
  returned: 0,
  notices: { blue: 0, yellow: 0, red: 0 },
  ...over,
});

describe("scoreParts: each part out of 100", () => {
  it.each([
    ["all on time, all green, nothing returned, no notices", dept("A"), { timeliness: 100, progress: 100, returns: 100, notices: 100 }],
    ["7 of 10 on time", dept("A", { onTime: 7 }), { timeliness: 70, progress: 100, returns: 100, notices: 100 }],
    ["one green, one yellow, one red led measure", dept("A", { progress: { green: 1, yellow: 1, red: 1 } }), { timeliness: 100, progress: 50, returns: 100, notices: 100 }],
    ["3 of 12 reviews returned", dept("A", { reviewed: 12, returned: 3 }), { timeliness: 100, progress: 100, returns: 75, notices: 100 }],
    ["one notice of each colour: 5 + 10 + 20 points off", dept("A", { notices: { blue: 1, yellow: 1, red: 1 } }), { timeliness: 100, progress: 100, returns: 100, notices: 65 }],
    ["six red notices: never below 0", dept("A", { notices: { blue: 0, yellow: 0, red: 6 } }), { timeliness: 100, progress: 100, returns: 100, notices: 0 }],
    ["nothing due, leads nothing, nothing reviewed", dept("A", { due: 0, onTime: 0, progress: { green: 0, yellow: 0, red: 0 }, reviewed: 0 }), { timeliness: null, progress: null, returns: null, notices: 100 }],
    ["2 of 3 on time: one decimal", dept("A", { due: 3, onTime: 2 }), { timeliness: 66.7, progress: 100, returns: 100, notices: 100 }],
  ])("%s", (_label, q, parts) => {
    expect(scoreParts(q)).toEqual(parts);
  });
});

describe("score: the weighted mean of the parts that can be measured", () => {
  it.each([
    ["default weights 40/30/15/15", { timeliness: 70, progress: 50, returns: 80, notices: 100 }, DEFAULT_RANKING_WEIGHTS, 70],
    ["a department that leads nothing: the other weights scaled up", { timeliness: 50, progress: null, returns: 100, notices: 100 }, DEFAULT_RANKING_WEIGHTS, 71.4],
    ["only the notices part can be measured", { timeliness: null, progress: null, returns: null, notices: 85 }, DEFAULT_RANKING_WEIGHTS, 85],
    ["a weight of 0 leaves its part out", { timeliness: 0, progress: 100, returns: 100, notices: 100 }, { timeliness: 0, progress: 50, returns: 25, notices: 25 }, 100],
    ["nothing weighted can be measured", { timeliness: null, progress: null, returns: null, notices: 100 }, { timeliness: 50, progress: 50, returns: 0, notices: 0 }, null],
  ])("%s", (_label, parts, weights, expected) => {
    expect(score(parts, weights)).toBe(expected);
  });
});

describe("validWeights", () => {
  it.each([
    [{ timeliness: 40, progress: 30, returns: 15, notices: 15 }, true],
    [{ timeliness: 100, progress: 0, returns: 0, notices: 0 }, true],
    [{ timeliness: 40, progress: 30, returns: 15, notices: 10 }, false],
    [{ timeliness: 40.5, progress: 29.5, returns: 15, notices: 15 }, false],
    [{ timeliness: 110, progress: -10, returns: 0, notices: 0 }, false],
  ])("%j → %s", (w, ok) => {
    expect(validWeights(w)).toBe(ok);
  });
});

describe("rankDepartments: places, ties, 红榜 and 黑榜", () => {
  const ranked = rankDepartments(
    [
      dept("丙", { onTime: 9 }), // 96
      dept("甲"), // 100
      dept("乙", { onTime: 9 }), // 96: ties with 丙
      dept("丁", { onTime: 8 }), // 92: fourth place, not on the 红榜 though above 90
      dept("戊", { onTime: 8, notices: { blue: 0, yellow: 0, red: 1 } }), // 89: a red notice puts it on the 黑榜
      dept("己", { onTime: 2, progress: { green: 0, yellow: 0, red: 2 }, returned: 5 }), // 8*0.4+0+50*0.15+15 = 8 + 7.5 + 15 → 30.5
      dept("庚", { due: 0, onTime: 0, progress: { green: 0, yellow: 0, red: 0 }, reviewed: 0, notices: { blue: 0, yellow: 0, red: 0 } }), // notices only, weight 15: 100
    ],
    { timeliness: 40, progress: 30, returns: 15, notices: 15 },
  );
  const row = (name: string) => ranked.find((r) => r.name === name)!;

  it("sorts best first, equal scores share a place and the next place is skipped", () => {
    expect(ranked.map((r) => [r.name, r.score, r.rank])).toEqual([
      ["庚", 100, 1],
      ["甲", 100, 1],
      ["丙", 96, 3],
      ["乙", 96, 3],
      ["丁", 92, 5],
      ["戊", 89, 6],
      ["己", 30.5, 7],
    ]);
  });

  it("puts on the 红榜 a score of at least 90 within the first three places (ties included)", () => {
    expect(ranked.filter((r) => r.list === "RED").map((r) => r.name)).toEqual(["庚", "甲", "丙", "乙"]);
    expect(row("丁").list).toBeNull();
  });

  it("puts on the 黑榜 a score below 60 or any red notice, with the reasons", () => {
    expect(ranked.filter((r) => r.list === "BLACK").map((r) => [r.name, r.blackReasons])).toEqual([
      ["戊", ["RED_NOTICE"]],
      ["己", ["LOW_SCORE"]],
    ]);
  });

  it("keeps a top-scoring department with a red notice off the 红榜", () => {
    const [only] = rankDepartments([dept("甲", { notices: { blue: 0, yellow: 0, red: 1 } })], { timeliness: 100, progress: 0, returns: 0, notices: 0 });
    expect([only.score, only.rank, only.list]).toEqual([100, 1, "BLACK"]);
  });

  it("leaves a department that cannot be scored unranked, last", () => {
    const list = rankDepartments([dept("乙", { due: 0, onTime: 0 }), dept("甲")], { timeliness: 100, progress: 0, returns: 0, notices: 0 });
    expect(list.map((r) => [r.name, r.score, r.rank, r.list])).toEqual([
      ["甲", 100, 1, "RED"],
      ["乙", null, null, null],
    ]);
  });
});

describe("红黑榜 thresholds per plan (decision 032)", () => {
  const q = (name: string, onTime: number) => ({
    departmentId: name,
    name,
    due: 10,
    onTime,
    progress: { green: 0, yellow: 0, red: 0 },
    reviewed: 0,
    returned: 0,
    notices: { blue: 0, yellow: 0, red: 0 },
  });
  const onlyTimeliness = { timeliness: 100, progress: 0, returns: 0, notices: 0 };
  const quarters = [q("甲", 10), q("乙", 9), q("丙", 8), q("丁", 7), q("戊", 5)];

  it("uses the defaults (90, first 3; below 60) unless the plan sets its own", () => {
    expect(rankDepartments(quarters, onlyTimeliness).map((d) => [d.name, d.list])).toEqual([
      ["甲", "RED"],
      ["乙", "RED"],
      ["丙", null],
      ["丁", null],
      ["戊", "BLACK"],
    ]);
    const lists = { redMinScore: 80, redTop: 1, blackBelow: 75 };
    expect(validLists(lists)).toBe(true);
    expect(rankDepartments(quarters, onlyTimeliness, lists).map((d) => [d.name, d.list])).toEqual([
      ["甲", "RED"],
      ["乙", null],
      ["丙", null],
      ["丁", "BLACK"],
      ["戊", "BLACK"],
    ]);
    expect(DEFAULT_RANKING_LISTS).toEqual({ redMinScore: 90, redTop: 3, blackBelow: 60 });
  });

  it("refuses a black list above the red list, scores outside 0–100 and places outside 1–50", () => {
    expect(validLists({ redMinScore: 60, redTop: 3, blackBelow: 70 })).toBe(false);
    expect(validLists({ redMinScore: 101, redTop: 3, blackBelow: 60 })).toBe(false);
    expect(validLists({ redMinScore: 90, redTop: 0, blackBelow: 60 })).toBe(false);
    expect(validLists({ redMinScore: 90, redTop: 2.5, blackBelow: 60 })).toBe(false);
  });
});
