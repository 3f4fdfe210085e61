/**
 * Finds quantitative targets inside a measure's text ("工伤保险覆盖率90%以上", "每年培训不少于200人", …) so they can
 * be proposed as indicators. Pure: no I/O, never throws. Drafts only: an administrator confirms them.
 */

/** How an indicator's actual value is compared with its target. */
export type Comparison = "GTE" | "LTE" | "EQ";

/** A proposed indicator read from a measure's text. */
export interface IndicatorDraft {
  /** stable ascii slug */
  key: string;
  name: string;
  unit: string;
  comparison: Comparison;
  target: number;
  /** YEAR: checked every year; PLAN: by the end of the plan; CYCLE: a recurrence interval */
  period: "YEAR" | "PLAN" | "CYCLE";
  /** the phrase the indicator was read from, whitespace removed */
  sourceText: string;
}

/** Extracts every target found in a measure's text, in text order; [] when there is none. */
export function extractIndicators(measureText: string): IndicatorDraft[] {
  const text = (typeof measureText === "string" ? measureText : "").replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, "");
  const found: Array<{ at: number; draft: IndicatorDraft }> = [];
  for (const extract of EXTRACTORS) found.push(...extract(text));
  found.sort((a, b) => a.at - b.at);

  const seen = new Set<string>();
  const drafts: IndicatorDraft[] = [];
  for (const { draft } of found) {
    if (seen.has(draft.key)) continue;
    seen.add(draft.key);
    drafts.push(draft);
  }
  return drafts;
}

type Found = { at: number; draft: IndicatorDraft };
type Extractor = (text: string) => Found[];

/**
 * Names and keys this plan's targets are known by. Keys must stay stable because stored indicators refer to them;
 * the display names drop qualifiers the text repeats ("统筹地区", "工伤保险") without changing the meaning.
 */
const CANONICAL: Record<string, { key: string; name: string }> = {
  工伤保险覆盖率: { key: "coverage-rate", name: "工伤保险覆盖率" },
  年度培训人数: { key: "annual-trainees", name: "年度培训人数" },
  培训对象覆盖率: { key: "trainee-coverage", name: "培训对象覆盖率" },
  工伤预防费占上年度工伤保险基金征缴收入比例: {
    key: "prevention-fund-ratio",
    name: "工伤预防费占上年度工伤保险基金征缴收入比例",
  },
  工伤保险浮动费率调整周期: { key: "rate-adjust-cycle", name: "浮动费率调整周期" },
};

const GTE_WORDS = ["不低于", "不少于", "达到", "至少", "达"];
const LTE_WORDS = ["不超过", "不高于", "不多于", "控制在"];

// Verbs that open a clause but are not part of the measured quantity ("确保工伤保险覆盖率…" → "工伤保险覆盖率").
const LEADING_VERBS = /^(?:(?:确保|实现|力争|保证|保持|推动|促进|提高|提升|达到|做到|使得|全面|进一步|开展|组织|完成)+)/u;

/** "X率[达到]N%[以上]": a rate target. */
const rateTargets: Extractor = (text) => {
  const out: Found[] = [];
  const cmp = [...GTE_WORDS, ...LTE_WORDS].join("|");
  const re = new RegExp(`(\\p{Script=Han}+?率)(${cmp})?(\\d+(?:\\.\\d+)?)%(以上|以下|以内)?`, "gu");
  for (const m of text.matchAll(re)) {
    const subject = stripLeadingVerbs(m[1]);
    if (subject.length < 2) continue;
    const at = (m.index ?? 0) + (m[1].length - subject.length);
    const comparison = comparisonOf(m[2], m[4]);
    const yearly = /^(?:每年|年度|年均)/u.test(subject);
    out.push({
      at,
      draft: named(subject, {
        unit: "%",
        comparison,
        target: Number(m[3]),
        period: yearly ? "YEAR" : "PLAN",
        sourceText: text.slice(at, (m.index ?? 0) + m[0].length),
      }),
    });
  }
  return out;
};

/** "每年培训不少于200人": a head count (or other count) target. */
const countTargets: Extractor = (text) => {
  const out: Found[] = [];
  const cmp = [...GTE_WORDS, ...LTE_WORDS].join("|");
  // 人次 before 人 so the longer unit wins.
  const re = new RegExp(`(\\p{Script=Han}*?)(${cmp})(\\d+)(人次|人|家|个|场|次|期|项)`, "gu");
  const nouns: Record<string, string> = { 人次: "人次", 人: "人数", 家: "家数", 个: "个数", 场: "场次", 次: "次数", 期: "期数", 项: "项数" };
  for (const m of text.matchAll(re)) {
    const run = m[1];
    const from = m.index ?? 0;
    let period: IndicatorDraft["period"] = "PLAN";
    let prefix = "";
    let activity: string;
    let offset: number;
    // The last frequency word before the comparator governs it; greedy ".*" finds that last one.
    const every = /^.*(每年度?|年均)(\p{Script=Han}*)$/u.exec(run);
    if (every) {
      period = "YEAR";
      prefix = "年度";
      activity = stripLeadingVerbs(every[2]);
      offset = run.length - every[1].length - every[2].length;
    } else if (/每(?:季度?|个?月|周|天|日)\p{Script=Han}*$/u.test(run)) {
      // Sub-year frequencies have no period value to express them; leave those to manual entry rather than mislabel.
      continue;
    } else {
      activity = stripLeadingVerbs(run);
      offset = run.length - activity.length;
    }
    if (activity === "") continue;
    // "参保人数达到5000人" already names a count; appending 人数 again would read "参保人数人数".
    const noun = /数$|人次$/u.test(activity) ? "" : nouns[m[4]];
    out.push({
      at: from + offset,
      draft: named(`${prefix}${activity}${noun}`, {
        unit: m[4],
        comparison: comparisonOf(m[2], undefined),
        target: Number(m[3]),
        period,
        sourceText: text.slice(from + offset, from + m[0].length),
      }),
    });
  }
  return out;
};

/** "2025年实现培训对象全覆盖": full coverage of a group, i.e. a 100% coverage rate by the end of the plan. */
const fullCoverage: Extractor = (text) => {
  const out: Found[] = [];
  for (const m of text.matchAll(/((?:\d{4}年)?)(\p{Script=Han}*?)全覆盖/gu)) {
    const subject = stripLeadingVerbs(m[2].replace(/^(?:底前|前|内|年底前)/u, ""));
    if (subject === "") continue;
    out.push({
      at: m.index ?? 0,
      draft: named(`${subject}覆盖率`, { unit: "%", comparison: "GTE", target: 100, period: "PLAN", sourceText: m[0] }),
    });
  }
  return out;
};

/** "按不超过…上年度…收入3%的比例合理安排工伤预防费": a ceiling on a share of some base amount. */
const shareCeilings: Extractor = (text) => {
  const out: Found[] = [];
  const re = /(不超过|不高于|不低于|不少于)([^，。；,;%]*?)(\d+(?:\.\d+)?)%的比例(?:合理)?(?:安排|提取|使用|列支|计提)?(\p{Script=Han}*)/gu;
  for (const m of text.matchAll(re)) {
    // Whose base it is ("统筹地区", "本级") qualifies the base but is not part of the indicator's meaning.
    const base = m[2].replace(/^(?:统筹地区|本地区|本级|全市|当地)/u, "");
    if (base === "") continue;
    const subject = m[4];
    const name = subject === "" ? `${base}比例` : `${subject}占${base}比例`;
    out.push({
      at: m.index ?? 0,
      draft: named(name, {
        unit: "%",
        comparison: comparisonOf(m[1], undefined),
        target: Number(m[3]),
        // A base counted per year ("上年度…收入") makes the ceiling a yearly one.
        period: /年度|每年|当年/u.test(m[2]) ? "YEAR" : "PLAN",
        sourceText: m[0],
      }),
    });
  }
  return out;
};

/** "每三年调整一次工伤保险浮动费率": the longest allowed interval between adjustments. */
const adjustmentCycles: Extractor = (text) => {
  const out: Found[] = [];
  // Only policy-parameter verbs: "每季度报送一次" / "每年组织一次" are reporting rhythms the schedule already covers.
  const re = /每([一二两三四五六七八九十\d]*)(年|个月|季度)(调整|修订|修改|评估|更新|复核)一次(\p{Script=Han}*)/gu;
  const units: Record<string, string> = { 年: "年", 个月: "月", 季度: "季度" };
  for (const m of text.matchAll(re)) {
    const target = m[1] === "" ? 1 : parseCount(m[1]);
    if (!Number.isFinite(target) || target <= 0) continue;
    out.push({
      at: m.index ?? 0,
      draft: named(`${m[4]}${m[3]}周期`, {
        unit: units[m[2]],
        comparison: "LTE",
        target,
        period: "CYCLE",
        sourceText: m[0],
      }),
    });
  }
  return out;
};

/**
 * "每年至少召开1次联席会议", "每年至少开展两次": a yearly minimum count of an activity. The plain "每年组织一次" (no
 * 至少/不少于) is a rhythm the schedule reads as a yearly checkpoint, not a target.
 */
const yearlyMinimumCounts: Extractor = (text) => {
  const out: Found[] = [];
  const re = /(每年度?|年均)(至少|不少于)(召开|组织|开展|举办|举行|进行|发布|通报|检查|督查|演练)?(\d+|[一二两三四五六七八九十]+)(次|场|期)(\p{Script=Han}*)/gu;
  const nouns: Record<string, string> = { 次: "次数", 场: "场次", 期: "期数" };
  for (const m of text.matchAll(re)) {
    const target = parseCount(m[4]);
    if (!Number.isFinite(target) || target <= 0) continue;
    const verb = m[3] ?? "";
    const activity = `${m[6]}${verb}`;
    if (activity === "") continue;
    out.push({
      at: m.index ?? 0,
      draft: named(`年度${activity}${nouns[m[5]]}`, {
        unit: m[5],
        comparison: "GTE",
        target,
        period: "YEAR",
        sourceText: m[0],
      }),
    });
  }
  return out;
};

const EXTRACTORS: Extractor[] = [rateTargets, countTargets, fullCoverage, shareCeilings, adjustmentCycles, yearlyMinimumCounts];

/**
 * A target stated as a change against a baseline ("千人工伤发生率5年降低20%左右", "事故起数下降10%以上", "有效降低…发生率"):
 * judged by comparing the value reached with the value the plan started from (the baseline), not with a fixed number.
 * Kept apart from {@link IndicatorDraft}: an indicator's target is an absolute number, and a change has none.
 */
export interface TrendDraft {
  /** stable ascii slug, "trend-…" */
  key: string;
  /** the quantity that should move, e.g. "千人工伤发生率" */
  name: string;
  direction: "DECREASE" | "INCREASE";
  /**
   * The required relative change in % of the baseline, compared the same way as an indicator's target:
   * 以上 → GTE, 以内/以下 → LTE, 左右 or none → EQ. null when the text gives a direction only ("有效降低…").
   */
  change: { percent: number; comparison: Comparison } | null;
  /** "5年降低20%": the years the change is measured over; null when not said */
  years: number | null;
  /** the phrase the trend was read from, whitespace removed */
  sourceText: string;
}

const DECREASE_WORDS = ["降低", "下降", "减少", "压减"];
const INCREASE_WORDS = ["提高", "提升", "增长", "增加"];

/** Extracts every target stated as a change against a baseline, in text order; [] when there is none. */
export function extractTrends(measureText: string): TrendDraft[] {
  const text = (typeof measureText === "string" ? measureText : "").replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, "");
  const found: Array<{ at: number; draft: TrendDraft }> = [];
  const verbs = [...DECREASE_WORDS, ...INCREASE_WORDS].join("|");

  // "X[在]5年[内]降低20%左右", "X下降10%以上".
  const byPercent = new RegExp(
    `(\\p{Script=Han}+?)(?:在|到)?(?:(\\d+|[一二两三四五六七八九十]+)年(?:内|来|间)?)?(?:累计)?(${verbs})(\\d+(?:\\.\\d+)?)%(以上|以下|以内|左右)?`,
    "gu",
  );
  for (const m of text.matchAll(byPercent)) {
    const name = stripLeadingVerbs(m[1]);
    if (name.length < 2) continue;
    const years = m[2] === undefined ? null : parseCount(m[2]);
    const at = (m.index ?? 0) + (m[1].length - name.length);
    found.push({
      at,
      draft: {
        key: `trend-${fnv1a(name)}`,
        name,
        direction: DECREASE_WORDS.includes(m[3]) ? "DECREASE" : "INCREASE",
        change: { percent: Number(m[4]), comparison: m[5] === "以上" ? "GTE" : m[5] === "以下" || m[5] === "以内" ? "LTE" : "EQ" },
        years: years !== null && Number.isFinite(years) && years > 0 ? years : null,
        sourceText: text.slice(at, (m.index ?? 0) + m[0].length),
      },
    });
  }

  // "有效降低重点企业职业病发生率": a direction only; an adverb is required so a bare "降低成本" is not taken for a target.
  const directionOnly = new RegExp(
    `(?:有效|明显|显著|大幅|进一步|持续|逐步)(${verbs})(\\p{Script=Han}+?(?:率|人数|起数|次数|数量))(?![\\d\\p{Script=Han}]*%)`,
    "gu",
  );
  for (const m of text.matchAll(directionOnly)) {
    found.push({
      at: m.index ?? 0,
      draft: {
        key: `trend-${fnv1a(m[2])}`,
        name: m[2],
        direction: DECREASE_WORDS.includes(m[1]) ? "DECREASE" : "INCREASE",
        change: null,
        years: null,
        sourceText: m[0],
      },
    });
  }

  found.sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  return found.filter(({ draft }) => (seen.has(draft.key) ? false : (seen.add(draft.key), true))).map(({ draft }) => draft);
}

function named(rawName: string, rest: Omit<IndicatorDraft, "key" | "name">): IndicatorDraft {
  const canonical = CANONICAL[rawName];
  if (canonical) return { ...canonical, ...rest };
  return { key: `indicator-${fnv1a(rawName)}`, name: rawName, ...rest };
}

function comparisonOf(word: string | undefined, suffix: string | undefined): Comparison {
  if (suffix === "以上" || (word !== undefined && GTE_WORDS.includes(word))) return "GTE";
  if (suffix === "以下" || suffix === "以内" || (word !== undefined && LTE_WORDS.includes(word))) return "LTE";
  return "EQ";
}

function stripLeadingVerbs(text: string): string {
  const stripped = text.replace(LEADING_VERBS, "");
  // Keep the original when stripping would leave too little to name anything ("提高率" stays as it is).
  return stripped.length >= 2 ? stripped : text;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function parseCount(text: string): number {
  if (/^\d+$/u.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/u.exec(text);
  if (!m) return Number.NaN;
  if (m[2] === undefined) return m[1] !== undefined && m[3] === undefined ? DIGITS[m[1]] : Number.NaN;
  return (m[1] === undefined ? 1 : DIGITS[m[1]]) * 10 + (m[3] === undefined ? 0 : DIGITS[m[3]]);
}

/** 32-bit FNV-1a as hex: a stable ascii key for names without a canonical one. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const ch of text) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
