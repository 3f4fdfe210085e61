import { describe, expect, it } from "vitest";
import { assignmentProblem, flagsOf, indicatorProblem, proposedIndicators, roleOf, type IndicatorFields, type MeasureRole } from "./rules";

describe("a measure's departments", () => {
  it.each<[string, { departmentId: string; role: MeasureRole }[], string | null]>([
    ["one lead", [{ departmentId: "a", role: "LEAD" }], null],
    ["a lead, joint leads and supporters", [{ departmentId: "a", role: "LEAD" }, { departmentId: "b", role: "JOINT_LEAD" }, { departmentId: "c", role: "JOINT_LEAD" }, { departmentId: "d", role: "SUPPORT" }], null],
    ["nobody", [], "departmentsRequired"],
    ["no lead", [{ departmentId: "a", role: "JOINT_LEAD" }, { departmentId: "b", role: "SUPPORT" }], "leadRequired"],
    ["two leads", [{ departmentId: "a", role: "LEAD" }, { departmentId: "b", role: "LEAD" }], "oneLead"],
    ["a department twice", [{ departmentId: "a", role: "LEAD" }, { departmentId: "a", role: "JOINT_LEAD" }], "departmentTwice"],
  ])("%s → %s", (_label, list, problem) => {
    expect(assignmentProblem(list)).toBe(problem);
  });

  it("stores each role as the two flags and reads it back", () => {
    for (const role of ["LEAD", "JOINT_LEAD", "SUPPORT"] as const) expect(roleOf(flagsOf(role))).toBe(role);
    expect(flagsOf("JOINT_LEAD")).toEqual({ isLead: false, isJointLead: true });
  });
});

describe("an indicator", () => {
  const absolute: IndicatorFields = { name: "覆盖率", unit: "%", comparison: "GTE", target: 90, period: "YEAR", direction: null, baseline: null };
  it.each<[string, IndicatorFields, string | null]>([
    ["an absolute target", absolute, null],
    ["an absolute target without its number", { ...absolute, target: null }, "indicatorTargetRequired"],
    ["an absolute target with a baseline", { ...absolute, baseline: 3 }, "indicatorBaselineWithoutTrend"],
    ["a trend with a change and a baseline", { ...absolute, direction: "DECREASE", target: 20, baseline: 1.2 }, null],
    ["a trend giving a direction only", { ...absolute, direction: "DECREASE", target: null }, null],
  ])("%s → %s", (_label, fields, problem) => {
    expect(indicatorProblem(fields)).toBe(problem);
  });

  it("proposes the parser's absolute targets and its trends, with direction and change, baseline left open", () => {
    const proposed = proposedIndicators("工伤保险覆盖率达到90%以上，千人工伤发生率5年降低20%左右，有效降低重点企业职业病发生率。");
    expect(proposed.map((p) => [p.name, p.direction, p.comparison, p.target, p.unit, p.baseline])).toEqual([
      ["工伤保险覆盖率", null, "GTE", 90, "%", null],
      ["千人工伤发生率", "DECREASE", "EQ", 20, "%", null],
      ["重点企业职业病发生率", "DECREASE", "GTE", null, "%", null],
    ]);
    expect(proposed.every((p) => indicatorProblem(p) === null)).toBe(true);
    expect(new Set(proposed.map((p) => p.key)).size).toBe(proposed.length);
  });

  it("proposes nothing for a text without a target", () => {
    expect(proposedIndicators("建立完善定期信息交换机制。")).toEqual([]);
  });
});
