import { describe, it, expect } from "vitest";
import plan from "../../prisma/seed/plan-2021-2025.json" with { type: "json" };
import { normalizeArrangement, parseTimeArrangement, quarterEnds, type Schedule, type ScheduleFlag } from "./schedule";

const PLAN = { startYear: 2021, endYear: 2025 };
const QUARTER_ENDS_2021_2025 = quarterEnds(2021, 2025);
const MARCH_ENDS = ["2021-03-31", "2022-03-31", "2023-03-31", "2024-03-31", "2025-03-31"];

type Expected = Omit<Schedule, "flags" | "reportsQuarterly" | "checkpoints"> & {
  flags?: ScheduleFlag[];
  reportsQuarterly?: boolean;
  checkpoints?: string[];
};

const quarterly: Expected = { kind: "QUARTERLY", dueDates: QUARTER_ENDS_2021_2025, startDate: null, deadline: null, deliverable: null, reportsQuarterly: true };
const firstQuarter: Expected = { kind: "ANNUAL", dueDates: MARCH_ENDS, startDate: null, deadline: null, deliverable: null };
const ongoing: Expected = { kind: "ONGOING", dueDates: [], startDate: null, deadline: null, deliverable: null, reportsQuarterly: true };
const deadline = (date: string, extra: Partial<Expected> = {}): Expected => ({
  kind: "DEADLINE",
  dueDates: [date],
  startDate: null,
  deadline: date,
  deliverable: null,
  ...extra,
});
const range = (from: number, to: number, extra: Partial<Expected> = {}): Expected => ({
  kind: "RANGE",
  dueDates: [`${to}-12-31`],
  startDate: `${from}-01-01`,
  deadline: `${to}-12-31`,
  deliverable: null,
  checkpoints: Array.from({ length: to - from + 1 }, (_, i) => `${from + i}-12-31`),
  ...extra,
});

/** Raw cell texts exactly as extracted from the PDF (artifacts included) come first: they are what import sees. */
const OK_ROWS: Array<{ text: string; normalized: string; expected: Expected }> = [
  // Every phrase of the plan, as extracted.
  { text: "每季度", normalized: "每季度", expected: quarterly },
  { text: "每年\n第一季度", normalized: "每年第一季度", expected: firstQuarter },
  { text: "每年  一季度", normalized: "每年一季度", expected: firstQuarter },
  { text: "\n持续推进", normalized: "持续推进", expected: ongoing },
  { text: "2022年底 前", normalized: "2022年底前", expected: deadline("2022-12-31") },
  { text: "2021-2023 年", normalized: "2021-2023年", expected: range(2021, 2023) },
  { text: "2020年底 前", normalized: "2020年底前", expected: deadline("2020-12-31", { flags: ["BEFORE_PLAN_START"] }) },
  { text: "2021年底\n前公布首\n批", normalized: "2021年底前公布首批", expected: deadline("2021-12-31", { deliverable: "公布首批" }) },
  { text: "2025年底 前", normalized: "2025年底前", expected: deadline("2025-12-31") },
  { text: "2022-2025 年", normalized: "2022-2025年", expected: range(2022, 2025) },
  // Variants an administrator or a later plan may write.
  { text: "每年第一季度", normalized: "每年第一季度", expected: firstQuarter },
  { text: "每年1季度", normalized: "每年1季度", expected: firstQuarter },
  { text: "每年\u3000一季度\r\n", normalized: "每年一季度", expected: firstQuarter },
  {
    text: "每年第三季度",
    normalized: "每年第三季度",
    expected: { ...firstQuarter, dueDates: ["2021-09-30", "2022-09-30", "2023-09-30", "2024-09-30", "2025-09-30"] },
  },
  { text: "2021—2023年", normalized: "2021—2023年", expected: range(2021, 2023) },
  { text: "2021年-2023年", normalized: "2021年-2023年", expected: range(2021, 2023) },
  { text: "2021至2023年", normalized: "2021至2023年", expected: range(2021, 2023) },
  { text: "２０２１－２０２３年", normalized: "２０２１－２０２３年", expected: range(2021, 2023) },
  { text: "2024-2024年", normalized: "2024-2024年", expected: range(2024, 2024) },
  { text: "2019-2022年", normalized: "2019-2022年", expected: range(2019, 2022, { flags: ["BEFORE_PLAN_START"] }) },
  { text: "2024-2026年", normalized: "2024-2026年", expected: range(2024, 2026, { flags: ["AFTER_PLAN_END"] }) },
  { text: "2023年6月底前", normalized: "2023年6月底前", expected: deadline("2023-06-30") },
  { text: "2024年2月底前", normalized: "2024年2月底前", expected: deadline("2024-02-29") },
  { text: "2023年2月底前", normalized: "2023年2月底前", expected: deadline("2023-02-28") },
  { text: "2023年上半年", normalized: "2023年上半年", expected: deadline("2023-06-30") },
  { text: "2023年下半年", normalized: "2023年下半年", expected: deadline("2023-12-31") },
  { text: "2023年前", normalized: "2023年前", expected: deadline("2023-12-31") },
  { text: "2023年年底前", normalized: "2023年年底前", expected: deadline("2023-12-31") },
  { text: "2026年底前", normalized: "2026年底前", expected: deadline("2026-12-31", { flags: ["AFTER_PLAN_END"] }) },
  { text: "2022年底前完成试点", normalized: "2022年底前完成试点", expected: deadline("2022-12-31", { deliverable: "完成试点" }) },
];

describe("parseTimeArrangement", () => {
  it.each(OK_ROWS)("parses $normalized", ({ text, normalized, expected }) => {
    const parsed = parseTimeArrangement(text, PLAN);
    expect(parsed).toEqual({
      ok: true,
      normalized,
      schedule: { flags: [], reportsQuarterly: false, checkpoints: [], ...expected },
    });
  });

  const FAIL_ROWS: Array<{ text: string; reason: RegExp }> = [
    { text: "", reason: /为空/u },
    { text: " \n\u3000", reason: /为空/u },
    { text: "适时", reason: /^无法识别的时间安排：“适时”，请管理员手工设置$/u },
    { text: "另行通知", reason: /无法识别.*另行通知/u },
    { text: "asdf%%", reason: /无法识别/u },
    { text: "每两月", reason: /无法识别/u },
    { text: "每年13月底前", reason: /无法识别/u },
    { text: "“十七五”期间", reason: /无法识别/u },
    { text: "2022年", reason: /无法识别/u },
    { text: "2022年前后", reason: /无法识别/u },
    { text: "2022年底前2023", reason: /无法识别/u },
    { text: "2022年13月底前", reason: /无法识别/u },
    { text: "每年第五季度", reason: /无法识别/u },
    { text: "2023-2021年", reason: /结束年份早于开始年份/u },
  ];

  it.each(FAIL_ROWS)("rejects $text without throwing", ({ text, reason }) => {
    const parsed = parseTimeArrangement(text, PLAN);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.normalized).toBe(normalizeArrangement(text));
    expect(parsed.reason).toMatch(reason);
    expect(parsed.reason).toMatch(/请管理员手工设置$/u);
  });

  it("rejects an invalid plan instead of looping or throwing", () => {
    expect(parseTimeArrangement("每季度", { startYear: 2025, endYear: 2021 }).ok).toBe(false);
    expect(parseTimeArrangement("每季度", { startYear: Number.NaN, endYear: 2025 }).ok).toBe(false);
  });

  it("lays recurring schedules out over the given plan's years", () => {
    const parsed = parseTimeArrangement("每年一季度", { startYear: 2026, endYear: 2027 });
    expect(parsed.ok && parsed.schedule.dueDates).toEqual(["2026-03-31", "2027-03-31"]);
  });

  it("has a table row for every time arrangement used in the plan", () => {
    const tabled = new Set(OK_ROWS.map((row) => row.normalized));
    const used = new Set(plan.keyTasks.flatMap((task) => task.measures.map((m) => m.timeArrangement)));
    expect(used.size).toBe(10);
    for (const phrase of used) expect(tabled.has(phrase), `no table row for ${phrase}`).toBe(true);
  });
});

/** Phrasings of successor plans (issue 9), laid out over a 2026—2030 plan. */
describe("parseTimeArrangement: successor-plan phrasings", () => {
  const PLAN_15 = { startYear: 2026, endYear: 2030 };
  const YEARS = [2026, 2027, 2028, 2029, 2030];
  const yearEnds = YEARS.map((y) => `${y}-12-31`);
  const annualAtYearEnd: Expected = { kind: "ANNUAL", dueDates: yearEnds, startDate: null, deadline: null, deliverable: null };
  const monthEndsOf = (y: number) =>
    ["01-31", y % 4 === 0 ? "02-29" : "02-28", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"].map(
      (md) => `${y}-${md}`,
    );
  const ROWS_15: Array<{ text: string; expected: Expected }> = [
    {
      text: "每半年",
      expected: { kind: "HALF_YEARLY", dueDates: YEARS.flatMap((y) => [`${y}-06-30`, `${y}-12-31`]), startDate: null, deadline: null, deliverable: null },
    },
    { text: "每月", expected: { kind: "MONTHLY", dueDates: YEARS.flatMap(monthEndsOf), startDate: null, deadline: null, deliverable: null } },
    { text: "每年", expected: annualAtYearEnd },
    { text: "按年度", expected: annualAtYearEnd },
    { text: "每年年底前", expected: annualAtYearEnd },
    { text: "每年底前", expected: annualAtYearEnd },
    { text: "每年组织一次", expected: annualAtYearEnd },
    { text: "每年至少召开一次", expected: annualAtYearEnd },
    { text: "每年12月底前", expected: annualAtYearEnd },
    { text: "每年６月底前", expected: { ...annualAtYearEnd, dueDates: YEARS.map((y) => `${y}-06-30`) } },
    {
      text: "2026年起",
      expected: { kind: "ONGOING", dueDates: [], startDate: "2026-01-01", deadline: null, deliverable: null, reportsQuarterly: true },
    },
    {
      text: "自2025年起",
      expected: {
        kind: "ONGOING",
        dueDates: [],
        startDate: "2025-01-01",
        deadline: null,
        deliverable: null,
        reportsQuarterly: true,
        flags: ["BEFORE_PLAN_START"],
      },
    },
    { text: "\"十五五\"期间", expected: range(2026, 2030) },
    { text: "“十五五”期间", expected: range(2026, 2030) },
    { text: "十五五时期", expected: range(2026, 2030) },
    { text: "“十四五”期间", expected: range(2021, 2025, { flags: ["BEFORE_PLAN_START"] }) },
    { text: "年内", expected: deadline("2026-12-31") },
    { text: "定期", expected: { kind: "ONGOING", dueDates: [], startDate: null, deadline: null, deliverable: null, reportsQuarterly: true } },
    {
      text: "2026-2028年",
      expected: range(2026, 2028, { checkpoints: ["2026-12-31", "2027-12-31", "2028-12-31"] }),
    },
  ];

  it.each(ROWS_15)("parses $text", ({ text, expected }) => {
    expect(parseTimeArrangement(text, PLAN_15)).toEqual({
      ok: true,
      normalized: normalizeArrangement(text),
      schedule: { flags: [], reportsQuarterly: false, checkpoints: [], ...expected },
    });
  });

  it("gives a range yearly checkpoints but keeps its due date the final deadline", () => {
    const parsed = parseTimeArrangement("2021-2023年", PLAN);
    expect(parsed.ok && parsed.schedule.checkpoints).toEqual(["2021-12-31", "2022-12-31", "2023-12-31"]);
    expect(parsed.ok && parsed.schedule.dueDates).toEqual(["2023-12-31"]);
  });
});

describe("normalizeArrangement", () => {
  it.each([
    ["2022年底 前", "2022年底前"],
    ["每年\n第一季度", "每年第一季度"],
    ["每年\u3000\u3000一季度", "每年一季度"],
    ["\t2021-2023 年\r\n", "2021-2023年"],
    ["\u00a0持续\u200b推进\ufeff", "持续推进"],
    ["", ""],
  ])("%j → %j", (input, expected) => {
    expect(normalizeArrangement(input)).toBe(expected);
  });
});

describe("quarterEnds", () => {
  it("lists the 20 quarter ends of 2021–2025 in order", () => {
    expect(QUARTER_ENDS_2021_2025).toHaveLength(20);
    expect(QUARTER_ENDS_2021_2025.slice(0, 4)).toEqual(["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]);
    expect(QUARTER_ENDS_2021_2025.at(-1)).toBe("2025-12-31");
    expect([...QUARTER_ENDS_2021_2025].sort()).toEqual(QUARTER_ENDS_2021_2025);
  });

  it("returns nothing for an empty or reversed span", () => {
    expect(quarterEnds(2025, 2021)).toEqual([]);
    expect(quarterEnds(2024, 2024)).toEqual(["2024-03-31", "2024-06-30", "2024-09-30", "2024-12-31"]);
  });
});
