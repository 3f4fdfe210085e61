import { describe, expect, it } from "vitest";
import { computeDashboard, type DashboardInput } from "./compute";
import { listPeriods } from "./drill";
import type { PeriodHistory } from "./history";
import { buildTongbao, tongbaoTables } from "@/features/tongbao/content";
import { tongbaoWords } from "@/features/tongbao/words";
import { DEFAULT_RANKING_WEIGHTS } from "@/lib/ranking";
import { quarterFromKey } from "@/lib/report-quarter";

/**
 * Measure 1.2's case: four departments each report their own data. The lead reported on time; a
 * second department did not. As a supporting department its silence leaves the measure green; as a
 * joint lead (共同牵头) it turns the measure red, counts in the key task's progress and the 通报.
 */
function input(secondIsJointLead: boolean): DashboardInput {
  const accepted = [
    { on: "2023-04-05", at: Date.parse("2023-04-05T02:00:00Z"), event: "SUBMITTED" as const },
    { on: "2023-04-06", at: Date.parse("2023-04-06T02:00:00Z"), event: "ACCEPTED" as const },
  ];
  const period: PeriodHistory = {
    periodId: "q1",
    measureId: "m12",
    keyTaskNumber: 1,
    measureNumber: 2,
    kind: "QUARTER",
    periodStart: "2023-01-01",
    periodEnd: "2023-03-31",
    originalDueDate: "2023-04-10",
    dueChanges: [],
    departments: [
      { departmentId: "zhujian", isLead: true, isJointLead: false, events: accepted },
      { departmentId: "jiaoyun", isLead: false, isJointLead: secondIsJointLead, events: [] },
    ],
  };
  return {
    histories: [period],
    departments: [
      { id: "zhujian", shortName: "市住建委" },
      { id: "jiaoyun", shortName: "市交运局" },
    ],
    tasks: [{ number: 1, title: "任务一" }],
  };
}

/** The 通报's tables for the quarter holding `asOf`, keyed by table. */
function tongbaoOf(data: DashboardInput, asOf: string) {
  const t = buildTongbao({
    plan: { code: "t", title: "测试计划", issuer: "市人社局" },
    quarter: quarterFromKey("2023-Q2")!,
    asOf,
    generatedAt: new Date("2023-05-01T02:00:00Z"),
    dashboard: computeDashboard(data, asOf),
    input: data,
    notices: new Map(),
    weights: DEFAULT_RANKING_WEIGHTS,
    departmentId: null,
    measureTexts: new Map(),
    locale: "zh-CN",
    words: tongbaoWords("zh-CN"),
  });
  return Object.fromEntries(tongbaoTables(t).map((tb) => [tb.key, tb.rows]));
}

describe("joint leads in the overview", () => {
  const asOf = "2023-05-01";

  it("a supporting department's missing feedback leaves the measure's light to the lead", () => {
    const d = computeDashboard(input(false), asOf);
    expect(d.measures).toEqual([expect.objectContaining({ measureId: "m12", light: "GREEN", status: "COMPLETED" })]);
    expect(d.tasks[0]).toMatchObject({ periodsDue: 1, periodsDone: 1, red: 0 });
    // The 通报 lists it among the measures' overdue tasks only as a joint lead; its feedback stays in the detail, as 配合.
    const tables = tongbaoOf(input(false), asOf);
    expect(tables["overdue-by-measure"]).toEqual([]);
    expect(tables.overdue).toEqual([["1.2", "", "2023年第1季度", "2023-04-10", 21, "市交运局", "配合"]]);
  });

  it("a joint lead's missing report turns the measure red, like the lead's would, and counts everywhere the lead's does", () => {
    const d = computeDashboard(input(true), asOf);
    expect(d.measures).toEqual([expect.objectContaining({ measureId: "m12", light: "RED", status: "OVERDUE" })]);
    expect(d.tasks[0]).toMatchObject({ periodsDue: 2, periodsDone: 1, red: 1 });
    expect(d.overdue).toEqual([expect.objectContaining({ departmentId: "jiaoyun", isLead: false, isJointLead: true })]);
    expect(tongbaoOf(input(true), asOf)["overdue-by-measure"]).toEqual([["1.2", "", "市交运局", "共同牵头", 1, "2023-04-10", 21]]);
    // The list behind the key task's progress has as many rows as the figure.
    expect(listPeriods(input(true), asOf, { task: 1, metric: "due" })).toHaveLength(2);
  });
});
