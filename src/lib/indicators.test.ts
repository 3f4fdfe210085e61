import { describe, it, expect } from "vitest";
import { extractIndicators, extractTrends, type IndicatorDraft, type TrendDraft } from "./indicators";

const COVERAGE: IndicatorDraft = {
  key: "coverage-rate",
  name: "工伤保险覆盖率",
  unit: "%",
  comparison: "GTE",
  target: 90,
  period: "PLAN",
  sourceText: "工伤保险覆盖率90%以上",
};
const TRAINEES: IndicatorDraft = {
  key: "annual-trainees",
  name: "年度培训人数",
  unit: "人",
  comparison: "GTE",
  target: 200,
  period: "YEAR",
  sourceText: "每年培训不少于200人",
};
const TRAINEE_COVERAGE: IndicatorDraft = {
  key: "trainee-coverage",
  name: "培训对象覆盖率",
  unit: "%",
  comparison: "GTE",
  target: 100,
  period: "PLAN",
  sourceText: "2025年实现培训对象全覆盖",
};
const FUND_RATIO: IndicatorDraft = {
  key: "prevention-fund-ratio",
  name: "工伤预防费占上年度工伤保险基金征缴收入比例",
  unit: "%",
  comparison: "LTE",
  target: 3,
  period: "YEAR",
  sourceText: "不超过统筹地区上年度工伤保险基金征缴收入3%的比例合理安排工伤预防费",
};
const RATE_CYCLE: IndicatorDraft = {
  key: "rate-adjust-cycle",
  name: "浮动费率调整周期",
  unit: "年",
  comparison: "LTE",
  target: 3,
  period: "CYCLE",
  sourceText: "每三年调整一次工伤保险浮动费率",
};

const GENERATED_KEY = expect.stringMatching(/^indicator-[0-9a-f]{8}$/u);

const ROWS: Array<{ name: string; text: string; want: IndicatorDraft[] }> = [
  {
    name: "plan 6.1: coverage rate",
    text: "在煤矿、非煤矿山、冶金、建材等尘肺病重点行业，开展为期三年的工 伤保险扩面和工伤预防专项行动，确保工伤保险覆盖率90%以上。",
    want: [COVERAGE],
  },
  {
    name: "plan 9.2: yearly trainees and full coverage, in text order",
    text: "将重点行业重点企业分管负责人、安全管理部门负责人和一线班组长等 重点岗位人员，以及第三方基数服务机构管理人员作为重点群体，分类 分级开展培训，每年培训不少于200人，2025年实现培训对象全覆盖。",
    want: [TRAINEES, TRAINEE_COVERAGE],
  },
  {
    name: "plan 11.2: fund ratio ceiling (extraction space inside 征缴)",
    text: "科学编制工伤预防经费预算，按不超过统筹地区上年度工伤保险基金征 缴收入3%的比例合理安排工伤预防费。",
    want: [FUND_RATIO],
  },
  { name: "plan 2.1: adjustment cycle", text: "每三年调整一次工伤保险浮动费率。", want: [RATE_CYCLE] },
  {
    name: "generic rate with 达到",
    text: "全市工伤保险参保率达到95%。",
    want: [{ key: GENERATED_KEY, name: "全市工伤保险参保率", unit: "%", comparison: "GTE", target: 95, period: "PLAN", sourceText: "全市工伤保险参保率达到95%" }],
  },
  {
    name: "generic rate ceiling with decimals",
    text: "力争事故发生率控制在0.5%以下",
    want: [{ key: GENERATED_KEY, name: "事故发生率", unit: "%", comparison: "LTE", target: 0.5, period: "PLAN", sourceText: "事故发生率控制在0.5%以下" }],
  },
  {
    name: "generic rate without comparison word",
    text: "覆盖率85%",
    want: [{ key: GENERATED_KEY, name: "覆盖率", unit: "%", comparison: "EQ", target: 85, period: "PLAN", sourceText: "覆盖率85%" }],
  },
  {
    name: "generic yearly count in another unit",
    text: "每年开展宣传活动不少于10场。",
    want: [{ key: GENERATED_KEY, name: "年度宣传活动场次", unit: "场", comparison: "GTE", target: 10, period: "YEAR", sourceText: "每年开展宣传活动不少于10场" }],
  },
  {
    name: "generic plan-wide head count in 人次",
    text: "培训企业负责人不少于500人次",
    want: [{ key: GENERATED_KEY, name: "培训企业负责人人次", unit: "人次", comparison: "GTE", target: 500, period: "PLAN", sourceText: "培训企业负责人不少于500人次" }],
  },
  {
    name: "generic count whose subject already names the count",
    text: "参保人数达到5000人",
    want: [{ key: GENERATED_KEY, name: "参保人数", unit: "人", comparison: "GTE", target: 5000, period: "PLAN", sourceText: "参保人数达到5000人" }],
  },
  {
    name: "generic share ceiling without a named subject",
    text: "按不超过当年基金收入5%的比例提取。",
    want: [{ key: GENERATED_KEY, name: "当年基金收入比例", unit: "%", comparison: "LTE", target: 5, period: "YEAR", sourceText: "不超过当年基金收入5%的比例提取" }],
  },
  {
    name: "generic cycle in Chinese numerals",
    text: "每两年修订一次应急预案",
    want: [{ key: GENERATED_KEY, name: "应急预案修订周期", unit: "年", comparison: "LTE", target: 2, period: "CYCLE", sourceText: "每两年修订一次应急预案" }],
  },
  {
    name: "generic full coverage without a year",
    text: "实现重点企业全覆盖",
    want: [{ key: GENERATED_KEY, name: "重点企业覆盖率", unit: "%", comparison: "GTE", target: 100, period: "PLAN", sourceText: "实现重点企业全覆盖" }],
  },
  // Successor plans (issue 9): a yearly minimum count.
  {
    name: "每年至少召开1次: a yearly minimum count, named by what is held",
    text: "建立联席会议制度，每年至少召开1次联席会议。",
    want: [{ key: GENERATED_KEY, name: "年度联席会议召开次数", unit: "次", comparison: "GTE", target: 1, period: "YEAR", sourceText: "每年至少召开1次联席会议" }],
  },
  {
    name: "每年至少召开一次 in Chinese numerals, nothing after it",
    text: "每年至少召开一次。",
    want: [{ key: GENERATED_KEY, name: "年度召开次数", unit: "次", comparison: "GTE", target: 1, period: "YEAR", sourceText: "每年至少召开一次" }],
  },
  {
    name: "每年不少于开展两次 with another verb",
    text: "每年不少于开展两次应急演练",
    want: [{ key: GENERATED_KEY, name: "年度应急演练开展次数", unit: "次", comparison: "GTE", target: 2, period: "YEAR", sourceText: "每年不少于开展两次应急演练" }],
  },
  {
    name: "每年不少于2次 counted by the count extractor",
    text: "每年开展应急演练不少于2次",
    want: [{ key: GENERATED_KEY, name: "年度应急演练次数", unit: "次", comparison: "GTE", target: 2, period: "YEAR", sourceText: "每年开展应急演练不少于2次" }],
  },
  { name: "a decrease by percent is a trend, not an indicator", text: "千人工伤发生率5年降低20%左右", want: [] },
  // Rhythms the schedule already covers and texts without targets.
  { name: "quarterly reporting is not a target", text: "每季度报送一次重点行业、企业人员信息。", want: [] },
  { name: "a yearly campaign is not a target", text: "每年组织一次建设领域工伤保险扩面专项行动。", want: [] },
  { name: "sub-year count is left to manual entry", text: "每季度培训不少于50人", want: [] },
  { name: "a rate without a number", text: "有效降低重点企业职业病发生率。", want: [] },
  { name: "a duration is not a target", text: "开展为期三年的工伤保险扩面和工伤预防专项行动", want: [] },
  { name: "no target", text: "组织实施涉及尘肺病重点企业工伤预防项目。", want: [] },
  { name: "empty", text: "", want: [] },
];

describe("extractIndicators", () => {
  it.each(ROWS)("$name", ({ text, want }) => {
    expect(extractIndicators(text)).toEqual(want);
  });

  it("gives the same generated key to the same name and different keys to different names", () => {
    const [a] = extractIndicators("参保率达到95%");
    const [b] = extractIndicators("参保率不低于96%");
    const [c] = extractIndicators("覆盖率达到95%");
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
  });

  it("reports the same indicator once when a text repeats it", () => {
    expect(extractIndicators("确保工伤保险覆盖率90%以上，工伤保险覆盖率90%以上")).toEqual([COVERAGE]);
  });
});

describe("extractTrends", () => {
  const TREND_KEY = expect.stringMatching(/^trend-[0-9a-f]{8}$/u);
  const ROWS_T: Array<{ name: string; text: string; want: TrendDraft[] }> = [
    {
      name: "5年降低20%左右: about 20% below the baseline over 5 years",
      text: "确保千人工伤发生率5年降低20%左右。",
      want: [{ key: TREND_KEY, name: "千人工伤发生率", direction: "DECREASE", change: { percent: 20, comparison: "EQ" }, years: 5, sourceText: "千人工伤发生率5年降低20%左右" }],
    },
    {
      name: "下降10%以上: at least 10% below the baseline",
      text: "工伤事故起数下降10%以上",
      want: [{ key: TREND_KEY, name: "工伤事故起数", direction: "DECREASE", change: { percent: 10, comparison: "GTE" }, years: null, sourceText: "工伤事故起数下降10%以上" }],
    },
    {
      name: "五年内 in Chinese numerals, an increase",
      text: "参保人数五年内增长15%以内",
      want: [{ key: TREND_KEY, name: "参保人数", direction: "INCREASE", change: { percent: 15, comparison: "LTE" }, years: 5, sourceText: "参保人数五年内增长15%以内" }],
    },
    {
      name: "有效降低…发生率: a direction against the baseline, no number (plan 7.2's wording)",
      text: "深入开展职业性噪声聋和化学中毒多发高发的重点行业工伤预防专项行动，有效降低重点企业职业病发生率。",
      want: [{ key: TREND_KEY, name: "重点企业职业病发生率", direction: "DECREASE", change: null, years: null, sourceText: "有效降低重点企业职业病发生率" }],
    },
    { name: "a bare 降低 without an adverb is not a target", text: "降低企业用工成本", want: [] },
    { name: "an absolute rate ceiling is not a trend", text: "事故发生率控制在0.5%以下", want: [] },
    { name: "empty", text: "", want: [] },
  ];

  it.each(ROWS_T)("$name", ({ text, want }) => {
    expect(extractTrends(text)).toEqual(want);
  });

  it("keys a trend by the quantity, apart from indicators' keys", () => {
    const [a] = extractTrends("千人工伤发生率下降10%以上");
    const [b] = extractTrends("有效降低千人工伤发生率");
    expect(a.key).toBe(b.key);
    expect(a.key.startsWith("trend-")).toBe(true);
  });
});
