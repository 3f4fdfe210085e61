import ExcelJS from "exceljs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { computeDashboard, type Dashboard, type DashboardInput } from "../../src/features/dashboard/compute";
import { LIST_LIGHTS, LIST_STATUSES, listFor, listHref, parseListFilter, taskTimeline, type ListFilter } from "../../src/features/dashboard/drill";
import { parseAsOf } from "../../src/features/dashboard/as-of";
import { todayInChina } from "../../src/lib/due";
import { buildTongbao } from "../../src/features/tongbao/content";
import { tongbaoWorkbook } from "../../src/features/tongbao/workbook";
import { tongbaoWords } from "../../src/features/tongbao/words";
import { DEFAULT_RANKING_WEIGHTS } from "../../src/lib/ranking";
import { quarterFromKey } from "../../src/lib/report-quarter";
import { testDb } from "../support/db";

const db = testDb();
vi.mock("@/server/db", () => ({ db }));
const { loadDashboardInput } = await import("../../src/features/dashboard/queries");

// A crafted plan whose right answers were worked out by hand.
const plan = {
  plan: { code: `dash-${Date.now()}`, title: "测试计划", issuer: "测试", startYear: 2023, endYear: 2023 },
  departments: [
    { shortName: "甲局", fullName: "甲局全称", aliases: [], sortOrder: 101 },
    { shortName: "乙局", fullName: "乙局全称", aliases: [], sortOrder: 102 },
  ],
  keyTasks: [
    {
      number: 1,
      title: "任务一",
      measures: [
        { number: 1, text: "措施一。", departmentsText: "甲局、乙局", timeArrangement: "每季度" },
        { number: 2, text: "措施二。", departmentsText: "乙局牵头", timeArrangement: "2023年底前" },
      ],
    },
    { number: 2, title: "任务二", measures: [{ number: 1, text: "措施三。", departmentsText: "甲局", timeArrangement: "持续推进" }] },
  ],
};

let planId = "";
let jia = "";
let yi = "";

async function report(task: number, measure: number, quarterEnd: string, department: string, events: [string, "SUBMITTED" | "RETURNED" | "ACCEPTED"][]) {
  const period = await db.reportingPeriod.findFirstOrThrow({
    where: { kind: "QUARTER", periodEnd: new Date(`${quarterEnd}T00:00:00Z`), measure: { number: measure, keyTask: { number: task, planId } } },
    include: { measure: { include: { departments: true } } },
  });
  const created = await db.progressReport.create({
    data: {
      periodId: period.id,
      measureId: period.measureId,
      departmentId: department,
      isLead: period.measure.departments.find((d) => d.departmentId === department)!.isLead,
      state: events.at(-1)![1],
      progress: "IN_PROGRESS",
      workDone: "测试",
    },
  });
  let n = 0;
  for (const [at, event] of events) {
    await db.progressReportRevision.create({ data: { reportId: created.id, number: ++n, event, actorId: "test", snapshot: {}, at: new Date(at) } });
  }
}

beforeAll(async () => {
  await seedPlan(db, plan);
  planId = (await db.plan.findUniqueOrThrow({ where: { code: plan.plan.code } })).id;
  jia = (await db.department.findUniqueOrThrow({ where: { shortName: "甲局" } })).id;
  yi = (await db.department.findUniqueOrThrow({ where: { shortName: "乙局" } })).id;
  // Times are UTC; 02:00Z is 10:00 in China.
  await report(1, 1, "2023-03-31", jia, [["2023-04-05T02:00:00Z", "SUBMITTED"], ["2023-04-06T02:00:00Z", "ACCEPTED"]]);
  await report(1, 1, "2023-06-30", jia, [["2023-07-12T02:00:00Z", "SUBMITTED"], ["2023-07-13T02:00:00Z", "RETURNED"]]);
  await report(1, 2, "2023-03-31", yi, [["2023-04-15T02:00:00Z", "SUBMITTED"], ["2023-04-16T02:00:00Z", "ACCEPTED"]]);
  // Later than every day the tests above ask about: returned before its due date (2023-10-10), then accepted late.
  await report(2, 1, "2023-09-30", jia, [
    ["2023-09-20T02:00:00Z", "SUBMITTED"],
    ["2023-09-22T02:00:00Z", "RETURNED"],
    ["2023-10-15T02:00:00Z", "SUBMITTED"],
    ["2023-10-16T02:00:00Z", "ACCEPTED"],
  ]);
});
afterAll(() => db.$disconnect());

describe("leader overview on a crafted dataset", () => {
  it("counts, lights, departments and the overdue list as of 2023-07-20", async () => {
    const d = computeDashboard(await loadDashboardInput(planId), "2023-07-20");
    expect(d.measureCount).toBe(3);
    expect(d.byLight).toEqual({ RED: 3, YELLOW: 0, GREEN: 0 });
    expect(d.byStatus.OVERDUE).toBe(3);

    const row = (id: string) => d.departments.find((x) => x.id === id)!;
    expect(row(jia)).toMatchObject({ led: 2, supported: 0, dueSoFar: 4, onTime: 1, onTimePct: 25, overdue: 3, returned: 1, avgReviewHours: 24 });
    expect(row(yi)).toMatchObject({ led: 1, supported: 1, dueSoFar: 4, onTime: 0, onTimePct: 0, overdue: 3, returned: 0, avgReviewHours: 24 });

    const lead = d.overdue.filter((o) => o.isLead);
    expect(lead.map((o) => [o.number, o.dueDate, o.daysOverdue])).toEqual([
      ["2.1", "2023-04-10", 101],
      ["1.1", "2023-07-10", 10],
      ["1.2", "2023-07-10", 10],
      ["2.1", "2023-07-10", 10],
    ]);
    expect(d.tasks.map((t) => [t.number, t.periodsDue, t.periodsDone, t.progressPct])).toEqual([
      [1, 4, 2, 50],
      [2, 2, 0, 0],
    ]);
    expect(d.submissions).toEqual([
      { quarter: "2023-Q1", count: 0 },
      { quarter: "2023-Q2", count: 2 },
      { quarter: "2023-Q3", count: 1 },
    ]);
    expect(d.heatmap.cells[`${jia}:2023-Q1`]).toBe(50); // 1.1 accepted, 2.1 not
    expect(d.heatmap.cells[`${yi}:2023-Q1`]).toBe(50); // 1.2 accepted (late), support on 1.1 not
  });

  it("lists the periods behind a heat-map cell", async () => {
    const input = await loadDashboardInput(planId);
    const d = computeDashboard(input, "2023-07-20");
    const cell = listFor(input, d, "2023-07-20", parseListFilter({ metric: "quarter", dept: jia, quarter: "2023-Q1" }));
    expect(cell.metric).toBe("quarter");
    if (cell.metric !== "quarter") return;
    // 甲's parts of the first quarter: 1.1 (accepted) and 2.1 (not), so the cell's 50.
    expect(cell.rows.map((r) => [`${r.keyTaskNumber}.${r.measureNumber}`, r.facts.done])).toEqual([
      ["1.1", true],
      ["2.1", false],
    ]);
    expect(cell.summary).toMatchObject({ count: 2, done: 1, donePct: 50 });
  });

  it("lists the submissions behind a bar of the chart", async () => {
    const input = await loadDashboardInput(planId);
    const d = computeDashboard(input, "2023-07-20");
    const bar = listFor(input, d, "2023-07-20", parseListFilter({ metric: "submitted", quarter: "2023-Q2" }));
    expect(bar.metric).toBe("submitted");
    if (bar.metric !== "submitted") return;
    expect(bar.rows).toHaveLength(d.submissions.find((s) => s.quarter === "2023-Q2")!.count);
    expect(bar.rows).toHaveLength(2);
    expect(bar.rows.every((r) => r.submittedOn >= "2023-04-01" && r.submittedOn <= "2023-06-30")).toBe(true);
  });

  it("replays an earlier day from the stored history", async () => {
    const d = computeDashboard(await loadDashboardInput(planId), "2023-04-08");
    expect(d.byLight).toEqual({ RED: 0, YELLOW: 2, GREEN: 1 });
    expect(d.overdue).toHaveLength(0);
    expect(d.departments.find((x) => x.id === jia)).toMatchObject({ dueSoFar: 1, onTime: 1, returned: 0 });
  });

  it("exports the same figures to the Excel workbook, and only the caller's share to a liaison", async () => {
    const input = await loadDashboardInput(planId);
    const d = computeDashboard(input, "2023-07-20");
    const measureTexts = new Map((await db.measure.findMany({ where: { keyTask: { planId } }, select: { id: true, text: true, currentText: true } })).map((m) => [m.id, m.currentText ?? m.text]));
    const workbook = async (departmentId: string | null, locale = "zh-CN") => {
      const t = buildTongbao({
        plan: { code: "t", title: "测试计划", issuer: "测试" },
        quarter: quarterFromKey("2023-Q3")!,
        asOf: "2023-07-20",
        generatedAt: new Date(),
        dashboard: d,
        input,
        notices: new Map(),
        weights: DEFAULT_RANKING_WEIGHTS,
        departmentId,
        measureTexts,
        locale,
        words: tongbaoWords(locale),
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await tongbaoWorkbook(t)) as unknown as ArrayBuffer);
      return wb;
    };
    const full = await workbook(null);
    expect(full.worksheets.map((w) => w.name)).toEqual(["说明", "部门排名", "评分明细", "按重点任务", "按措施", "按部门", "逾期措施", "逾期明细"]);
    // Both lights of every measure, side by side.
    const byMeasure = full.getWorksheet("按措施")!;
    expect(byMeasure.getRow(1).getCell(1).text).toMatch(/^测试计划落实情况通报（2023年第三季度）· .*　数据截至 2023-07-20$/);
    expect(byMeasure.getRow(2).values).toEqual([undefined, "措施", "措施内容", "报送", "报送状态", "进度", "进度状态", "落后序时进度(百分点)", "销号日期"]);
    // Each measure named by its number and its wording.
    expect(byMeasure.getRow(3).getCell(2).value).toBe(measureTexts.get(d.measures.find((m) => `${m.keyTaskNumber}.${m.measureNumber}` === byMeasure.getRow(3).getCell(1).value)!.measureId));
    expect(String(byMeasure.getRow(3).getCell(2).value).length).toBeGreaterThan(0);
    expect(byMeasure.rowCount).toBe(2 + d.measures.length);
    const byDept = full.getWorksheet("按部门")!;
    expect(byDept.getRow(2).values).toEqual([undefined, "部门", "牵头措施", "配合措施", "累计按时报送率(%)", "逾期（牵头/共同牵头）", "逾期（配合反馈）", "逾期合计", "被退回待重报"]);
    expect(byDept.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const jiaRow = byDept.getRows(3, byDept.rowCount - 2)!.find((r) => r.getCell(1).value === "甲局")!;
    expect([2, 3, 4, 5, 6, 7, 8].map((c) => jiaRow.getCell(c).value)).toEqual([2, 0, 25, 3, 0, 3, 1]);
    // The 合计 row adds up the overdue columns, and the detail has one row per overdue task.
    const total = byDept.getRow(byDept.rowCount);
    expect(total.getCell(1).value).toBe("合计");
    expect(total.getCell(7).value).toBe(d.overdue.length);
    const overdue = full.getWorksheet("逾期明细")!;
    // Every overdue task, the supporting departments' feedback included (the department counts include it too): 4 lead + 2 feedback.
    expect(overdue.rowCount).toBe(2 + 6);
    expect(d.overdue).toHaveLength(6);
    const detail = overdue.getRows(3, 6)!.map((r) => (r.values as unknown[]).slice(1));
    // Days are dates in the sheet, not text.
    expect(detail.map((r) => [r[0], ...r.slice(2)])).toContainEqual(["2.1", "2023年第1季度", new Date("2023-04-10T00:00:00Z"), 101, "甲局", "牵头"]);
    expect(detail.every((r) => typeof r[1] === "string" && r[1].length > 0)).toBe(true);
    expect(overdue.getRow(3).getCell(4).numFmt).toBe("yyyy-mm-dd");
    const roles = overdue.getRows(3, 6)!.map((r) => r.getCell(7).value);
    expect(roles.filter((r) => r === "配合")).toHaveLength(2);
    // The measures' list holds the lead's four, as its 合计 says.
    const byMeasureOverdue = full.getWorksheet("逾期措施")!;
    expect(byMeasureOverdue.getRow(byMeasureOverdue.rowCount).getCell(5).value).toBe(4);

    const mine = await workbook(yi);
    expect(mine.worksheets.map((w) => w.name)).toEqual(["说明", "部门排名", "评分明细", "按部门", "逾期措施", "逾期明细"]);
    expect(mine.getWorksheet("按部门")!.rowCount).toBe(3);
    const mineOverdue = mine.getWorksheet("逾期明细")!;
    expect(mineOverdue.rowCount).toBe(2 + 3);
    for (let r = 3; r <= mineOverdue.rowCount; r++) expect(mineOverdue.getRow(r).getCell(6).value).toBe("乙局");

    // In English the product's words follow the reader; the plan's own words (titles, measure texts, departments) stay as issued.
    const english = await workbook(null, "en");
    expect(english.worksheets.map((w) => w.name)).toEqual(["About", "Ranking", "Score parts", "By key task", "By measure", "By department", "Overdue measures", "Overdue detail"]);
    expect(english.getWorksheet("About")!.getRow(2).getCell(1).text).toBe("(2023 Q3)");
    // A paragraph longer than the sheet's one column is given the height of its wrapped lines, so lines never overlap when printed.
    const about = english.getWorksheet("About")!;
    const long = about.getRows(1, about.rowCount)!.filter((r) => r.getCell(1).text.length > 200);
    expect(long.length).toBeGreaterThan(0);
    for (const r of long) expect(r.height).toBeGreaterThanOrEqual(Math.ceil(r.getCell(1).text.length / 116) * 15);
    const enMeasures = english.getWorksheet("By measure")!;
    expect(enMeasures.getRow(1).getCell(1).text).toBe("测试计划: implementation report (2023 Q3) · Both lights of each measure as of 2023-07-20 · figures as of 2023-07-20");
    expect(enMeasures.getRow(2).values).toEqual([undefined, "Measure", "Measure text", "Reporting", "Reporting status", "Progress", "Progress state", "Behind schedule (points)", "Closed on"]);
    expect(enMeasures.getRow(3).getCell(2).value).toBe(byMeasure.getRow(3).getCell(2).value);
    const enOverdue = english.getWorksheet("Overdue detail")!;
    expect(enOverdue.getRow(2).values).toEqual([undefined, "Measure", "Measure text", "Period", "Due date", "Days overdue", "Department", "Role"]);
    const enDetail = enOverdue.getRows(3, 6)!.map((r) => (r.values as unknown[]).slice(1));
    expect(enDetail.map((r) => [r[0], ...r.slice(2)])).toContainEqual(["2.1", "2023 Q1", new Date("2023-04-10T00:00:00Z"), 101, "甲局", "Lead"]);
    expect(english.getWorksheet("By department")!.getRow(english.getWorksheet("By department")!.rowCount).getCell(1).value).toBe("Total");
    // No Chinese of the product's own is left in the English workbook: every Han character comes from the plan's data.
    const planWords = new Set(["测试计划", "测试", "甲局", "乙局", ...measureTexts.values(), ...input.tasks.map((k) => k.title), ...input.departments.map((x) => x.shortName)]);
    for (const ws of english.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          let rest = cell.text;
          for (const w of [...planWords].sort((a, b) => b.length - a.length)) rest = rest.split(w).join("");
          expect(rest, `${ws.name}: ${cell.text}`).not.toMatch(/\p{Script=Han}/u);
        }),
      );
  });
});

describe("the computed overview is reused until the data changes", () => {
  it("returns the same result while nothing changes, and exact new figures after any write", async () => {
    const { getDashboard } = await import("../../src/features/dashboard/cached");
    const first = await getDashboard(planId, "2023-07-20");
    expect(await getDashboard(planId, "2023-07-20")).toBe(first);
    expect(first.departments.find((x) => x.id === jia)).toMatchObject({ overdue: 3, returned: 1 });

    // A write that bypasses the application entirely still invalidates: the triggers see it.
    const returned = await db.progressReport.findFirstOrThrow({ where: { state: "RETURNED", measure: { keyTask: { planId } } }, include: { revisions: true } });
    await db.progressReportRevision.createMany({
      data: [
        { reportId: returned.id, number: 3, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-18T02:00:00Z") },
        { reportId: returned.id, number: 4, event: "ACCEPTED", actorId: "test", snapshot: {}, at: new Date("2023-07-19T02:00:00Z") },
      ],
    });
    const second = await getDashboard(planId, "2023-07-20");
    expect(second).not.toBe(first);
    expect(second.departments.find((x) => x.id === jia)).toMatchObject({ overdue: 2, returned: 0, onTime: 1 });
    expect(second).toEqual({ ...computeDashboard(await loadDashboardInput(planId), "2023-07-20"), updatedAt: second.updatedAt });
    // Another day is its own entry, computed from the same data.
    expect((await getDashboard(planId, "2023-04-08")).byLight).toEqual({ RED: 0, YELLOW: 2, GREEN: 1 });

    // Put the crafted history back, so the other tests of this file may run in any order.
    await db.progressReportRevision.deleteMany({ where: { reportId: returned.id, number: { in: [3, 4] } } });
    expect((await getDashboard(planId, "2023-07-20")).departments.find((x) => x.id === jia)).toMatchObject({ overdue: 3, returned: 1 });
  });
});

describe("pages read the figures in place while newer ones are computed", () => {
  it("answers at once with the figures in place after a write, and with the new ones within seconds, saying as of when", async () => {
    const { getDashboard } = await import("../../src/features/dashboard/cached");
    const { dashboardGeneration } = await import("../../src/server/dashboard-freshness");
    const before = await getDashboard(planId, "2023-07-20", "recent");
    expect(Date.parse(before.updatedAt)).toBeLessThanOrEqual(Date.now());
    expect(await getDashboard(planId, "2023-07-20", "recent")).toBe(before);
    const generation = dashboardGeneration();

    const returned = await db.progressReport.findFirstOrThrow({ where: { state: "RETURNED", measure: { keyTask: { planId } } } });
    await db.progressReportRevision.create({
      data: { reportId: returned.id, number: 3, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-18T02:00:00Z") },
    });
    // The reader does not wait for the recomputation: the figures in place, as they were.
    const stale = await getDashboard(planId, "2023-07-20", "recent");
    expect(stale).toBe(before);
    expect(stale.departments.find((x) => x.id === jia)).toMatchObject({ returned: 1 });

    // Within a few seconds the new figures take their place, with a later time, and the generation that keys the rendered overview moves.
    let fresh = stale;
    for (let i = 0; i < 100 && fresh === stale; i++) {
      await new Promise((r) => setTimeout(r, 100));
      fresh = await getDashboard(planId, "2023-07-20", "recent");
    }
    expect(fresh).not.toBe(stale);
    expect(fresh.departments.find((x) => x.id === jia)).toMatchObject({ returned: 0 });
    expect(fresh).toEqual({ ...computeDashboard(await loadDashboardInput(planId), "2023-07-20"), updatedAt: fresh.updatedAt });
    expect(Date.parse(fresh.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    expect(dashboardGeneration()).toBeGreaterThan(generation);
    // An export waits for the latest figures.
    await db.progressReportRevision.deleteMany({ where: { reportId: returned.id, number: 3 } });
    expect((await getDashboard(planId, "2023-07-20")).departments.find((x) => x.id === jia)).toMatchObject({ returned: 1 });
  });
});

describe("a department's page and a measure's page compute their own figures", () => {
  it.each(["2023-04-08", "2023-07-20", "2023-12-31"])("gives a department's row and its measures' lights exactly as the whole plan's figures, as of %s", async (day) => {
    const { getDashboard, getScopedDashboard } = await import("../../src/features/dashboard/cached");
    const whole = await getDashboard(planId, day);
    for (const departmentId of [jia, yi]) {
      const scoped = await getScopedDashboard(planId, day, { departmentId });
      expect(scoped.departments.find((d) => d.id === departmentId)).toEqual(whole.departments.find((d) => d.id === departmentId));
      const own = await db.measureDepartment.findMany({ where: { departmentId, measure: { keyTask: { planId } } }, select: { measureId: true } });
      expect(scoped.measures.map((m) => m.measureId).sort()).toEqual(own.map((m) => m.measureId).sort());
      for (const m of scoped.measures) expect(m).toEqual(whole.measures.find((w) => w.measureId === m.measureId));
    }
    for (const m of whole.measures) expect((await getScopedDashboard(planId, day, { measureId: m.measureId })).measures).toEqual([m]);
  });

  it("is never older than the data: a new review event shows at once", async () => {
    const { getScopedDashboard } = await import("../../src/features/dashboard/cached");
    const day = "2023-07-20";
    expect((await getScopedDashboard(planId, day, { departmentId: jia })).departments.find((d) => d.id === jia)).toMatchObject({ returned: 1 });
    const returned = await db.progressReport.findFirstOrThrow({ where: { state: "RETURNED", measure: { keyTask: { planId } } } });
    await db.progressReportRevision.create({ data: { reportId: returned.id, number: 3, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-18T02:00:00Z") } });
    expect((await getScopedDashboard(planId, day, { departmentId: jia })).departments.find((d) => d.id === jia)).toMatchObject({ returned: 0 });
    await db.progressReportRevision.deleteMany({ where: { reportId: returned.id, number: 3 } });
    expect((await getScopedDashboard(planId, day, { departmentId: jia })).departments.find((d) => d.id === jia)).toMatchObject({ returned: 1 });
  });

  it("keeps a department's figures through events on measures it is not on, and reads them again for events on its own", async () => {
    const { getDashboard, getScopedDashboard } = await import("../../src/features/dashboard/cached");
    const day = "2023-07-20";
    const yiRow = async () => (await getScopedDashboard(planId, day, { departmentId: yi })).departments.find((d) => d.id === yi);
    const before = await yiRow();
    // Measure 2.1 is 甲局's alone: an event on it leaves 乙局's figures as they were, and they still match the whole plan's.
    const jiaOnly = await db.progressReport.findFirstOrThrow({ where: { departmentId: jia, measure: { number: 1, keyTask: { number: 2, planId } } }, include: { revisions: true } });
    await db.progressReportRevision.create({ data: { reportId: jiaOnly.id, number: jiaOnly.revisions.length + 1, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-02T02:00:00Z") } });
    expect(await yiRow()).toEqual(before);
    expect(await yiRow()).toEqual((await getDashboard(planId, day)).departments.find((d) => d.id === yi));
    // An event on 乙局's own measure 1.2 is read at once.
    const yiOwn = await db.progressReport.findFirstOrThrow({ where: { departmentId: yi, measure: { number: 2, keyTask: { number: 1, planId } } }, include: { revisions: true } });
    await db.progressReportRevision.create({ data: { reportId: yiOwn.id, number: yiOwn.revisions.length + 1, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-03T02:00:00Z") } });
    const after = await yiRow();
    expect(after).toEqual((await getDashboard(planId, day)).departments.find((d) => d.id === yi));
    expect(after).not.toEqual(before);
    await db.progressReportRevision.deleteMany({ where: { OR: [{ reportId: jiaOnly.id, number: jiaOnly.revisions.length + 1 }, { reportId: yiOwn.id, number: yiOwn.revisions.length + 1 }] } });
  });
});

describe("the figures are brought up to date measure by measure (decision 034)", () => {
  it("reads again only the measures with new review events, and the whole history after any other change, with the same figures as a full recomputation", async () => {
    const { getDashboard, lastRecomputation } = await import("../../src/features/dashboard/cached");
    const day = "2023-07-20";
    const exact = async () => ({ ...computeDashboard(await loadDashboardInput(planId), day) });
    const same = async (d: Dashboard) => expect({ ...d, updatedAt: undefined }).toEqual({ ...(await exact()), updatedAt: undefined });
    await getDashboard(planId, day);

    // A new review event: only its measure is read again.
    const returned = await db.progressReport.findFirstOrThrow({ where: { state: "RETURNED", measure: { keyTask: { planId } } } });
    await db.progressReportRevision.create({ data: { reportId: returned.id, number: 3, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-18T02:00:00Z") } });
    const afterEvent = await getDashboard(planId, day);
    expect(lastRecomputation(planId)).toMatchObject({ read: "measures", measures: 1 });
    expect(afterEvent.departments.find((x) => x.id === jia)).toMatchObject({ returned: 0 });
    await same(afterEvent);

    // An event written by a transaction still open when the figures were read, committed after: found by the snapshot, not by its time.
    // (Another event committed first, so that the figures are read again while that transaction is open.)
    // Only a PostgreSQL server has two sessions: on the embedded database an open transaction holds the
    // one session, so nothing else reads until it ends (decision 037), and the event is simply committed.
    const twoSessions = inject("databaseKind").startsWith("PostgreSQL server");
    const other = await db.progressReport.findFirstOrThrow({ where: { state: "ACCEPTED", departmentId: yi, measure: { keyTask: { planId } } } });
    await db.progressReportRevision.create({ data: { reportId: other.id, number: 3, event: "SUBMITTED", actorId: "test", snapshot: {}, at: new Date("2023-07-01T02:00:00Z") } });
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`INSERT INTO "ProgressReportRevision" ("id", "reportId", "number", "event", "actorId", "snapshot", "at") VALUES ($1, $2, 4, 'ACCEPTED', 'test', '{}', $3)`, [
        `late-${Date.now()}`,
        returned.id,
        new Date("2023-07-19T02:00:00Z"),
      ]);
      if (twoSessions) {
        const whileOpen = await getDashboard(planId, day);
        expect(lastRecomputation(planId)).toMatchObject({ read: "measures", measures: 1 });
        expect(whileOpen.departments.find((x) => x.id === jia)).toMatchObject({ overdue: 3 });
      }
      await client.query("COMMIT");
    } finally {
      await client.end();
    }
    const afterCommit = await getDashboard(planId, day);
    // On the server the other event was read while the transaction was open; on the embedded database both are read now.
    expect(lastRecomputation(planId)).toMatchObject({ read: "measures", measures: twoSessions ? 1 : 2 });
    expect(afterCommit.departments.find((x) => x.id === jia)).toMatchObject({ overdue: 2 });
    await same(afterCommit);
    await db.progressReportRevision.deleteMany({ where: { reportId: other.id, number: 3 } });

    // Removing events is not a new event: the whole history is read again.
    await db.progressReportRevision.deleteMany({ where: { reportId: returned.id, number: { in: [3, 4] } } });
    const afterRemoval = await getDashboard(planId, day);
    expect(lastRecomputation(planId)).toMatchObject({ read: "whole", measures: 3 });
    expect(afterRemoval.departments.find((x) => x.id === jia)).toMatchObject({ overdue: 3, returned: 1 });
    await same(afterRemoval);

    // A change to the structure (here a due date) reads the whole history too.
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { measure: { keyTask: { planId } } }, orderBy: { periodEnd: "asc" } });
    await db.reportingPeriod.update({ where: { id: period.id }, data: { dueDate: period.dueDate } });
    await same(await getDashboard(planId, day));
    expect(lastRecomputation(planId)).toMatchObject({ read: "whole" });
  });
});

/**
 * What the list page does with a link from the overview: read the day and the
 * filter back from the address, then list.
 */
function follow(href: string, input: DashboardInput, d: Dashboard) {
  const params = Object.fromEntries(new URL(href, "http://localhost").searchParams);
  const asOf = parseAsOf(params.asOf);
  expect(asOf).toBe(d.asOf);
  return listFor(input, d, asOf, parseListFilter(params));
}

/** Every figure of the overview that links to a list, with the filter it links with. */
function linkedFigures(d: Dashboard): [string, number | null, ListFilter, (r: ReturnType<typeof follow>) => number | null][] {
  const rows = (r: ReturnType<typeof follow>) => r.rows.length;
  const figures: ReturnType<typeof linkedFigures> = [];
  for (const light of LIST_LIGHTS) figures.push([`light ${light}`, d.byLight[light], { metric: "measures", light }, rows]);
  for (const status of LIST_STATUSES) figures.push([`status ${status}`, d.byStatus[status] ?? 0, { metric: "measures", status }, rows]);
  figures.push(["overdue (lead)", d.overdue.filter((o) => o.isLead).length, { metric: "overdue" }, rows]);
  for (const t of d.tasks) {
    figures.push([`task ${t.number} red`, t.red, { metric: "measures", task: t.number, light: "RED" }, rows]);
    figures.push([`task ${t.number} yellow`, t.yellow, { metric: "measures", task: t.number, light: "YELLOW" }, rows]);
    figures.push([`task ${t.number} green`, t.green, { metric: "measures", task: t.number, light: "GREEN" }, rows]);
    figures.push([`task ${t.number} periods due`, t.periodsDue, { metric: "due", task: t.number }, rows]);
    figures.push([`task ${t.number} progress`, t.progressPct, { metric: "due", task: t.number }, (r) => (r.metric === "due" ? r.summary.donePct : null)]);
  }
  for (const row of d.departments) {
    figures.push([`${row.shortName} led`, row.led, { metric: "measures", dept: row.id, role: "lead" }, rows]);
    figures.push([`${row.shortName} supported`, row.supported, { metric: "measures", dept: row.id, role: "support" }, rows]);
    figures.push([`${row.shortName} due so far`, row.dueSoFar, { metric: "due", dept: row.id }, rows]);
    figures.push([`${row.shortName} on time`, row.onTimePct, { metric: "due", dept: row.id }, (r) => (r.metric === "due" ? r.summary.onTimePct : null)]);
    figures.push([`${row.shortName} overdue`, row.overdue, { metric: "overdue", dept: row.id }, rows]);
    figures.push([`${row.shortName} returned`, row.returned, { metric: "returned", dept: row.id }, rows]);
    figures.push([`${row.shortName} review hours`, row.avgReviewHours, { metric: "reviews", dept: row.id }, (r) => (r.metric === "reviews" ? r.averageHours : null)]);
  }
  return figures;
}

describe("every figure of the overview links to the list behind it", () => {
  const number = (r: ReturnType<typeof follow>) => r.rows.map((x) => `${x.keyTaskNumber}.${x.measureNumber}`);

  it("lists exactly the measures and periods worked out by hand as of 2023-07-20", async () => {
    const { getDashboardWithInput } = await import("../../src/features/dashboard/cached");
    const { dashboard: d, input } = await getDashboardWithInput(planId, "2023-07-20");
    const red = follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "measures", light: "RED" }), input, d);
    expect(number(red)).toEqual(["1.1", "1.2", "2.1"]);
    expect(follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "measures", light: "GREEN" }), input, d).rows).toEqual([]);

    const jiaOverdue = follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "overdue", dept: jia }), input, d);
    if (jiaOverdue.metric !== "overdue") throw new Error("expected the overdue list");
    expect(jiaOverdue.rows.map((r) => [`${r.keyTaskNumber}.${r.measureNumber}`, r.daysOverdue])).toEqual([
      ["2.1", 101],
      ["1.1", 10],
      ["2.1", 10],
    ]);
    const returned = follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "returned", dept: jia }), input, d);
    if (returned.metric !== "returned") throw new Error("expected the returned list");
    expect(returned.rows.map((r) => [`${r.keyTaskNumber}.${r.measureNumber}`, r.periodEnd, r.facts.reportState])).toEqual([["1.1", "2023-06-30", "RETURNED"]]);
    // The row links to the report page of that period, where the returned report is.
    const report = await db.progressReport.findFirstOrThrow({ where: { periodId: returned.rows[0].periodId, departmentId: jia } });
    expect(report.state).toBe("RETURNED");

    const taskOne = follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "due", task: 1 }), input, d);
    expect(taskOne.metric === "due" && taskOne.summary).toEqual({ count: 4, done: 2, onTime: 1, donePct: 50, onTimePct: 25 });

    const yiLed = follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "measures", dept: yi, role: "lead" }), input, d);
    expect(number(yiLed)).toEqual(["1.2"]);
    expect(number(follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "measures", dept: yi, role: "support" }), input, d))).toEqual(["1.1"]);

    const reviews = follow(listHref({ code: "hs-test" }, "2023-07-20", { metric: "reviews", dept: jia }), input, d);
    expect(reviews.metric === "reviews" && [reviews.rows.length, reviews.averageHours]).toEqual([2, 24]);
  });

  it("tells a returned report that is not yet due from an overdue one (as of 2023-09-25)", async () => {
    const { getDashboardWithInput } = await import("../../src/features/dashboard/cached");
    const { dashboard: d, input } = await getDashboardWithInput(planId, "2023-09-25");
    const row = d.departments.find((x) => x.id === jia)!;
    expect(row).toMatchObject({ returned: 2, overdue: 3 });
    const returned = follow(listHref({ code: "hs-test" }, "2023-09-25", { metric: "returned", dept: jia }), input, d);
    if (returned.metric !== "returned") throw new Error("expected the returned list");
    expect(returned.rows.map((r) => [`${r.keyTaskNumber}.${r.measureNumber}`, r.periodEnd, r.facts.status])).toEqual([
      ["1.1", "2023-06-30", "OVERDUE"],
      ["2.1", "2023-09-30", "DUE_SOON"],
    ]);
    const overdue = follow(listHref({ code: "hs-test" }, "2023-09-25", { metric: "overdue", dept: jia }), input, d);
    if (overdue.metric !== "overdue") throw new Error("expected the overdue list");
    expect(overdue.rows.map((r) => `${r.keyTaskNumber}.${r.measureNumber} ${r.periodEnd}`)).toEqual(["2.1 2023-03-31", "1.1 2023-06-30", "2.1 2023-06-30"]);
    // Measure 2.1 is red for its overdue quarters, not yellow for the returned one: the worst light wins.
    expect(number(follow(listHref({ code: "hs-test" }, "2023-09-25", { metric: "measures", light: "RED" }), input, d))).toEqual(["1.1", "1.2", "2.1"]);
  });

  for (const day of ["2023-04-08", "2023-07-20", "2023-09-25", "today"]) {
    it(`has as many rows as each figure, as of ${day}`, async () => {
      const { getDashboardWithInput, getDashboard } = await import("../../src/features/dashboard/cached");
      const asOf = day === "today" ? todayInChina() : day;
      const { dashboard: d, input } = await getDashboardWithInput(planId, asOf);
      // The list page and the overview read the same figures.
      expect(d).toEqual(await getDashboard(planId, asOf));
      const figures = linkedFigures(d);
      expect(figures.length).toBeGreaterThan(20);
      for (const [name, figure, filter, read] of figures) {
        expect(read(follow(listHref({ code: "hs-test" }, asOf, filter), input, d)), name).toBe(figure);
      }
      // Not all zero: the comparisons above say something.
      expect(figures.filter(([, figure]) => figure).length).toBeGreaterThan(5);
    });
  }

  it("a key task's timeline shows each measure's periods with the lead's report and light on the day asked", async () => {
    const { getDashboardWithInput } = await import("../../src/features/dashboard/cached");
    const { dashboard: d, input } = await getDashboardWithInput(planId, "2023-07-20");
    const tl = taskTimeline(input, d, 1, "2023-07-20");
    expect(tl.columns.map((c) => `${c.kind}:${c.periodEnd}`)).toEqual([
      "QUARTER:2023-03-31",
      "QUARTER:2023-06-30",
      "QUARTER:2023-09-30",
      "QUARTER:2023-12-31",
      "MILESTONE:2023-12-31",
    ]);
    expect(tl.rows.map((r) => [r.measureNumber, r.light, r.cells.map((c) => (c ? `${c.dueDate} ${c.reportState ?? "-"} ${c.status}` : null))])).toEqual([
      [1, "RED", ["2023-04-10 ACCEPTED COMPLETED", "2023-07-10 RETURNED OVERDUE", "2023-10-10 - ON_TRACK", "2024-01-10 - NOT_STARTED", null]],
      // 「2023年底前」: the deadline's report covers the last quarter (decision 020), due on the first working day after 31 December 2023 (a Sunday) and New Year's Day.
      [2, "RED", ["2023-04-10 ACCEPTED COMPLETED_LATE", "2023-07-10 - OVERDUE", "2023-10-10 - ON_TRACK", null, "2024-01-02 - ON_TRACK"]],
    ]);
    // Earlier, the same measures as they stood then: the lights agree with the overview of that day.
    const early = await getDashboardWithInput(planId, "2023-04-08");
    const before = taskTimeline(early.input, early.dashboard, 1, "2023-04-08");
    expect(before.rows.map((r) => [r.measureNumber, r.light, r.cells[0]?.status, r.cells[0]?.reportState])).toEqual([
      [1, "GREEN", "COMPLETED", "ACCEPTED"],
      [2, "YELLOW", "DUE_SOON", null],
    ]);
    const t1 = early.dashboard.tasks.find((t) => t.number === 1)!;
    expect([t1.green, t1.yellow, t1.red]).toEqual([1, 1, 0]);
  });
});
