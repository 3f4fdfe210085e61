import { describe, it, expect } from "vitest";
import plan from "../../prisma/seed/plan-2021-2025.json" with { type: "json" };
import { parseTimeArrangement } from "./schedule";
import { parseResponsibleDepartments } from "./departments";
import { extractIndicators } from "./indicators";

const measures = plan.keyTasks.flatMap((task) => task.measures.map((measure) => ({ task: task.number, ...measure })));
const label = (m: { task: number; number: number }): string => `measure ${m.task}.${m.number}`;

describe("committed plan data", () => {
  it("describes the plan and its 8 departments", () => {
    expect(plan.plan).toEqual({
      code: "hs-gsyf-2021-2025",
      title: "黄石市工伤预防五年行动计划（2021—2025年）",
      issuer: "黄石市人力资源和社会保障局",
      startYear: 2021,
      endYear: 2025,
      // A fresh installation imports it as it is now: ended on 2025-12-31 (decision 016).
      status: "ENDED",
    });
    expect(plan.departments.map((d) => [d.sortOrder, d.shortName, d.fullName])).toEqual([
      [1, "市人社局", "黄石市人力资源和社会保障局"],
      [2, "市住建局", "黄石市住房和城乡建设局"],
      [3, "市交运局", "黄石市交通运输局"],
      [4, "市卫健委", "黄石市卫生健康委员会"],
      [5, "市应急局", "黄石市应急管理局"],
      [6, "市财政局", "黄石市财政局"],
      [7, "市经信局", "黄石市经济和信息化局"],
      [8, "市总工会", "黄石市总工会"],
    ]);
    expect(plan.departments.find((d) => d.shortName === "市住建局")?.aliases).toEqual(["市住建委"]);
    expect(plan.departments.filter((d) => d.aliases.length > 0)).toHaveLength(1);
  });

  it("has 11 key tasks numbered 1–11 with their 34 measures", () => {
    expect(plan.keyTasks.map((t) => t.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    // Task 6 (尘肺病防治) has 5 measures in the source; 2+1+5+3+4+5+2+3+3+2+4 = 34.
    expect(plan.keyTasks.map((t) => t.measures.length)).toEqual([2, 1, 5, 3, 4, 5, 2, 3, 3, 2, 4]);
    expect(measures).toHaveLength(34);
    for (const task of plan.keyTasks) {
      expect(task.measures.map((m) => m.number)).toEqual(task.measures.map((_, i) => i + 1));
    }
  });

  it("keeps the task titles as issued, artifacts removed", () => {
    expect(plan.keyTasks.map((t) => t.title)).toEqual([
      "建立健全工伤预防联防联控机制",
      "严格落实工伤保险费率浮动机制",
      "开展工伤预防宣传全民行动",
      "开展重点行业工伤预防专项行动",
      "开展建设领域工伤保险扩面行动",
      "开展尘肺病防治攻坚行动",
      "实施“互联网+工伤预防”行动计划",
      "实施工伤预防专业化职业化建设工程",
      "实施工伤预防能力提升培训工程",
      "建立工伤预防宣传教育基地",
      "加强工伤预防工作监督管理",
    ]);
  });

  it("has no whitespace artifacts in any text", () => {
    for (const m of measures) {
      for (const value of [m.text, m.departmentsText, m.timeArrangement]) {
        expect(value, label(m)).not.toMatch(/\s/u);
        expect(value, label(m)).not.toBe("");
      }
    }
    for (const task of plan.keyTasks) expect(task.title).not.toMatch(/\s/u);
  });

  it("keeps the text as issued, typo and punctuation included", () => {
    const texts = measures.map((m) => m.text);
    expect(texts.filter((t) => t.includes("第三方基数服务机构"))).toHaveLength(1);
    expect(texts.filter((t) => t.includes("第三方技术服务机构"))).toHaveLength(1);
    expect(texts.some((t) => t.includes("“一企一策”“一企一案”,深入推进"))).toBe(true);
    // 11.1 is issued without a closing 。; every other measure ends with one.
    expect(measures.filter((m) => !m.text.endsWith("。")).map(label)).toEqual(["measure 11.1"]);
    expect(measures.find((m) => m.task === 1 && m.number === 1)?.text).toBe(
      "建立工伤预防部门联系会议制度，定期或不定期召开联席会议。",
    );
  });

  it("parses every time arrangement", () => {
    for (const m of measures) {
      const parsed = parseTimeArrangement(m.timeArrangement, plan.plan);
      expect(parsed.ok, `${label(m)}: ${m.timeArrangement}`).toBe(true);
    }
    const byKind = new Map<string, number>();
    for (const m of measures) {
      const parsed = parseTimeArrangement(m.timeArrangement, plan.plan);
      if (parsed.ok) byKind.set(parsed.schedule.kind, (byKind.get(parsed.schedule.kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(byKind)).toEqual({ QUARTERLY: 2, ANNUAL: 2, ONGOING: 23, DEADLINE: 5, RANGE: 2 });
  });

  it("flags only the 2020 deadline as before the plan start", () => {
    const flagged = measures.filter((m) => {
      const parsed = parseTimeArrangement(m.timeArrangement, plan.plan);
      return parsed.ok && parsed.schedule.flags.length > 0;
    });
    expect(flagged.map(label)).toEqual(["measure 6.5"]);
    const parsed = parseTimeArrangement(flagged[0].timeArrangement, plan.plan);
    expect(parsed.ok && parsed.schedule.flags).toEqual(["BEFORE_PLAN_START"]);
  });

  it("resolves every department text with exactly one lead and no unknown names", () => {
    for (const m of measures) {
      const parsed = parseResponsibleDepartments(m.departmentsText, plan.departments);
      expect(parsed.unknownNames, label(m)).toEqual([]);
      expect(parsed.assignments.length, label(m)).toBeGreaterThan(0);
      expect(parsed.assignments.filter((a) => a.lead), label(m)).toHaveLength(1);
    }
  });

  it("gives the 等8部门 measures all 8 departments led by 市人社局", () => {
    const group = measures.filter((m) => m.departmentsText === "市人社局等8部门");
    expect(group.map(label)).toEqual(["measure 3.4", "measure 4.1"]);
    for (const m of group) {
      const parsed = parseResponsibleDepartments(m.departmentsText, plan.departments);
      expect(parsed.inferredFromCount).toBe(true);
      expect(parsed.assignments).toHaveLength(8);
      expect(parsed.assignments.filter((a) => a.lead)).toEqual([{ shortName: "市人社局", lead: true }]);
      expect(new Set(parsed.assignments.map((a) => a.shortName))).toEqual(new Set(plan.departments.map((d) => d.shortName)));
    }
  });

  it("resolves 市住建委 to 市住建局 and records the open lists", () => {
    const m12 = measures.find((m) => m.task === 1 && m.number === 2);
    expect(m12?.departmentsText).toBe("市住建委、市交运局、市卫健委、市应急局");
    const parsed = parseResponsibleDepartments(m12?.departmentsText ?? "", plan.departments);
    expect(parsed.assignments).toEqual([
      { shortName: "市住建局", lead: true },
      { shortName: "市交运局", lead: false },
      { shortName: "市卫健委", lead: false },
      { shortName: "市应急局", lead: false },
    ]);
    const open = measures.filter((m) => parseResponsibleDepartments(m.departmentsText, plan.departments).openList);
    expect(open.map(label)).toEqual(["measure 5.1", "measure 6.3"]);
  });

  it("finds exactly the plan's five quantitative targets", () => {
    const found = measures.flatMap((m) => extractIndicators(m.text).map((i) => [label(m), i.key, i.comparison, i.target, i.period]));
    expect(found).toEqual([
      ["measure 2.1", "rate-adjust-cycle", "LTE", 3, "CYCLE"],
      ["measure 6.1", "coverage-rate", "GTE", 90, "PLAN"],
      ["measure 9.2", "annual-trainees", "GTE", 200, "YEAR"],
      ["measure 9.2", "trainee-coverage", "GTE", 100, "PLAN"],
      ["measure 11.2", "prevention-fund-ratio", "LTE", 3, "YEAR"],
    ]);
  });
});
