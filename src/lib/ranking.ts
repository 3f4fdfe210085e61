/**
 * The 通报's department ranking (综合评分, 红黑榜), defined once (decision 027). Pure: the 通报's
 * content module feeds it one quarter's facts per department and every output (Word, Excel, print)
 * shows what it returns.
 */

/** How much each part weighs in the score, in points out of 100; set per plan by an administrator. */
export interface RankingWeights {
  /** 报送: the on-time share of the quarter's obligations. */
  timeliness: number;
  /** 进度: the 进度 lights of the measures the department leads. */
  progress: number;
  /** 退回: the share of the quarter's reviews that returned a report. */
  returns: number;
  /** 督办单: the notices the department received in the quarter, by colour. */
  notices: number;
}

export const DEFAULT_RANKING_WEIGHTS: RankingWeights = { timeliness: 40, progress: 30, returns: 15, notices: 15 };

export const WEIGHT_KEYS = ["timeliness", "progress", "returns", "notices"] as const satisfies readonly (keyof RankingWeights)[];

/** Whether a set of weights can be used: whole numbers from 0 to 100 that add up to 100. */
export function validWeights(w: RankingWeights): boolean {
  return WEIGHT_KEYS.every((k) => Number.isInteger(w[k]) && w[k] >= 0 && w[k] <= 100) && WEIGHT_KEYS.reduce((s, k) => s + w[k], 0) === 100;
}

/** One department's quarter as the score reads it. */
export interface DepartmentQuarter {
  departmentId: string;
  name: string;
  /** Obligations (lead reports, joint leads' reports and supporting feedback) due in the quarter by the cut-off day. */
  due: number;
  /** Of those, accepted and submitted by their due date. */
  onTime: number;
  /** The 进度 lights, on the cut-off day, of the measures it leads (lead or joint lead). */
  progress: { green: number; yellow: number; red: number };
  /** The bureau's decisions on its reports in the quarter, and how many of them returned the report. */
  reviewed: number;
  returned: number;
  /** 督办单 issued to it in the quarter, by their colour on the cut-off day. */
  notices: { blue: number; yellow: number; red: number };
}

/** Points a notice takes off the 督办单 part (out of 100), by colour. */
export const NOTICE_DEDUCTION = { blue: 5, yellow: 10, red: 20 } as const;
/** Points a measure's 进度 light is worth in the 进度 part. */
export const PROGRESS_POINTS = { green: 100, yellow: 50, red: 0 } as const;
/** 红榜: at least this score, and among the first RED_LIST_TOP places (the defaults; each plan sets its own, decision 032). */
export const RED_LIST_MIN_SCORE = 90;
export const RED_LIST_TOP = 3;
/** 黑榜: below this score, or any red 督办单 in the quarter. */
export const BLACK_LIST_BELOW = 60;

/** A plan's 红黑榜 thresholds. */
export interface RankingLists {
  /** 红榜: at least this score… */
  redMinScore: number;
  /** …within the first this many places. */
  redTop: number;
  /** 黑榜: a score below this (or a red notice). */
  blackBelow: number;
}

export const DEFAULT_RANKING_LISTS: RankingLists = { redMinScore: RED_LIST_MIN_SCORE, redTop: RED_LIST_TOP, blackBelow: BLACK_LIST_BELOW };

/** Whether 红黑榜 thresholds can be used: scores from 0 to 100 with the 黑榜's below the 红榜's, and 1 to 50 places. */
export function validLists(l: RankingLists): boolean {
  const score = (x: number) => Number.isInteger(x) && x >= 0 && x <= 100;
  return score(l.redMinScore) && score(l.blackBelow) && l.blackBelow <= l.redMinScore && Number.isInteger(l.redTop) && l.redTop >= 1 && l.redTop <= 50;
}

/** Each part out of 100, or null when there is nothing to measure it by (it then does not count). */
export interface ScoreParts {
  timeliness: number | null;
  progress: number | null;
  returns: number | null;
  notices: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The four parts of a department's score, each out of 100. */
export function scoreParts(q: DepartmentQuarter): ScoreParts {
  const led = q.progress.green + q.progress.yellow + q.progress.red;
  const deduction = q.notices.blue * NOTICE_DEDUCTION.blue + q.notices.yellow * NOTICE_DEDUCTION.yellow + q.notices.red * NOTICE_DEDUCTION.red;
  return {
    timeliness: q.due ? round1((q.onTime / q.due) * 100) : null,
    progress: led ? round1((q.progress.green * PROGRESS_POINTS.green + q.progress.yellow * PROGRESS_POINTS.yellow + q.progress.red * PROGRESS_POINTS.red) / led) : null,
    returns: q.reviewed ? round1((1 - q.returned / q.reviewed) * 100) : null,
    notices: Math.max(0, 100 - deduction),
  };
}

/**
 * The score out of 100 with one decimal: the weighted mean of the parts that can be measured (a
 * department that leads no measure is scored on the other parts, their weights scaled up); null
 * when no weighted part can be.
 */
export function score(parts: ScoreParts, w: RankingWeights): number | null {
  let sum = 0;
  let weight = 0;
  for (const k of WEIGHT_KEYS) {
    const value = parts[k];
    if (value === null || w[k] === 0) continue;
    sum += value * w[k];
    weight += w[k];
  }
  return weight ? round1(sum / weight) : null;
}

export type ListMark = "RED" | "BLACK" | null;

export interface RankedDepartment extends DepartmentQuarter {
  parts: ScoreParts;
  score: number | null;
  /** 1 for the best; equal scores share a place and the next place is skipped (1, 2, 2, 4); null when unscored. */
  rank: number | null;
  /** 红榜, 黑榜 or neither. */
  list: ListMark;
  /** Why it is on the 黑榜: a score below the plan's blackBelow, a red notice, or both. */
  blackReasons: ("LOW_SCORE" | "RED_NOTICE")[];
}

/**
 * Scores, ranks and sorts the departments (best first; equal scores by name), and marks the 红榜
 * and 黑榜 by the plan's thresholds `lists`: 黑榜 is a score below `blackBelow` or a red 督办单 in the
 * quarter; 红榜 is a score of at least `redMinScore` within the first `redTop` places, for a
 * department not on the 黑榜.
 */
export function rankDepartments(quarters: readonly DepartmentQuarter[], w: RankingWeights, lists: RankingLists = DEFAULT_RANKING_LISTS): RankedDepartment[] {
  const scored = quarters.map((q) => {
    const parts = scoreParts(q);
    return { ...q, parts, score: score(parts, w) };
  });
  scored.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || a.name.localeCompare(b.name, "zh-CN"));
  return scored.map((d) => {
    const rank = d.score === null ? null : 1 + scored.filter((o) => o.score !== null && o.score > d.score!).length;
    const blackReasons: RankedDepartment["blackReasons"] = [];
    if (d.score !== null && d.score < lists.blackBelow) blackReasons.push("LOW_SCORE");
    if (d.notices.red > 0) blackReasons.push("RED_NOTICE");
    const red = !blackReasons.length && rank !== null && rank <= lists.redTop && d.score! >= lists.redMinScore;
    return { ...d, rank, list: blackReasons.length ? "BLACK" : red ? "RED" : null, blackReasons };
  });
}
