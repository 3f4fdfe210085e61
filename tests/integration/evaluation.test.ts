import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { annualReport, finalReport } from "../../src/features/evaluation/documents";
import { loadEvaluation, type EvaluationData, type MeasureRecord } from "../../src/features/evaluation/facts";
import { confirmVerdict } from "../../src/features/evaluation/mutations";
import { reportToWord } from "../../src/features/evaluation/word";
import { Forbidden, type Actor } from "../../src/lib/permissions";
import { SHIPPED_PLAN } from "../support/plans";
import { testDb } from "../support/db";

const db = testDb();
vi.mock("@/server/db", () => ({ db }));
const { readEvaluation } = await import("../../src/features/evaluation/queries");

const suffix = Date.now().toString(36);
const TODAY = "2026-12-02";
const actors = {} as Record<"admin" | "leader" | "liaison", Actor>;
const created: string[] = [];
const measures = new Map<string, { id: string; lead: string; periods: { id: string; kind: string; periodEnd: string; dueDate: string }[] }>();
let restoreMeasures: { id: string; closedAt: Date | null; normalizedAt: Date | null }[] = [];
let dir = "";

const day = (d: Date) => d.toISOString().slice(0, 10);
const at = (iso: string, plusDays: number) => new Date(Date.parse(`${iso}T02:00:00Z`) + plusDays * 86_400_000);

async function user(role: "ADMIN" | "LIAISON" | "LEADER", departmentId: string | null, name: string): Promise<Actor> {
  const u = await db.user.create({ data: { loginName: `${name}-${suffix}`, displayName: `${name}${suffix}`, role, departmentId, passwordHash: "unused" } });
  return { id: u.id, loginName: u.loginName, role, departmentId, ip: "127.0.0.1" };
}

/**
 * A lead department's report on one period as the review loop leaves it: its revisions (what the
 * overview's history replays), values and evidence. `late`: submitted five days after the due date;
 * `returnedFirst`: returned once before.
 */
async function report(
  label: string,
  periodEnd: string,
  o: { state: "ACCEPTED" | "RETURNED"; rating: "IN_PROGRESS" | "COMPLETED" | "DIFFICULT"; workDone: string; problems?: string; values?: Record<string, number>; evidence?: string[]; late?: boolean; returnedFirst?: boolean },
) {
  const m = measures.get(label)!;
  const period = m.periods.find((p) => p.periodEnd === periodEnd);
  if (!period) throw new Error(`no period ${periodEnd} for ${label}`);
  const submitted = at(period.dueDate, o.late ? 5 : -2);
  const snapshot = { progress: o.rating, workDone: o.workDone, values: Object.entries(o.values ?? {}).map(([indicatorId, value]) => ({ indicatorId, value: String(value) })) };
  const r = await db.progressReport.create({
    data: {
      periodId: period.id,
      measureId: m.id,
      departmentId: m.lead,
      isLead: true,
      state: o.state,
      progress: o.rating,
      workDone: o.workDone,
      problems: o.problems ?? "",
      submittedAt: submitted,
      reviewedAt: at(day(submitted), 1),
      returnReason: o.state === "RETURNED" ? "请补充材料" : null,
      values: { create: Object.entries(o.values ?? {}).map(([indicatorId, value]) => ({ indicatorId, value })) },
      attachments: {
        create: (o.evidence ?? []).map((name, i) => ({ originalName: name, storedName: `eval-${suffix}-${label}-${periodEnd}-${i}`, mimeType: "application/pdf", size: 10, sha256: "0", uploadedById: actors.liaison.id })),
      },
    },
  });
  created.push(r.id);
  const events: [string, Date][] = [];
  if (o.returnedFirst) events.push(["SUBMITTED", at(day(submitted), -3)], ["RETURNED", at(day(submitted), -2)]);
  events.push(["SUBMITTED", submitted], [o.state, at(day(submitted), 1)]);
  await db.progressReportRevision.createMany({ data: events.map(([event, when], i) => ({ reportId: r.id, number: i + 1, event, actorId: actors.liaison.id, snapshot, at: when })) });
}

let data: EvaluationData;
const measureOf = (d: EvaluationData, label: string): MeasureRecord => d.tasks.flatMap((t) => t.measures).find((m) => m.label === label)!;
const indicatorId = async (label: string, name: string) => {
  const [task, number] = label.split(".").map(Number);
  return (await db.indicator.findFirstOrThrow({ where: { name, measure: { number, keyTask: { number: task, plan: { code: SHIPPED_PLAN } } } } })).id;
};
const text = async (buffer: Buffer) => {
  const { value, messages } = await mammoth.extractRawText({ buffer });
  expect(messages.filter((m) => m.type === "error")).toEqual([]);
  return value;
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-evaluation-"));
  await seedShippedPlans(db);
  const rows = await db.measure.findMany({
    where: { keyTask: { plan: { code: SHIPPED_PLAN } } },
    select: {
      id: true,
      number: true,
      closedAt: true,
      normalizedAt: true,
      keyTask: { select: { number: true } },
      departments: { where: { isLead: true }, select: { departmentId: true } },
      periods: { select: { id: true, kind: true, periodEnd: true, dueDate: true } },
    },
  });
  for (const r of rows) {
    measures.set(`${r.keyTask.number}.${r.number}`, {
      id: r.id,
      lead: r.departments[0]?.departmentId ?? "",
      periods: r.periods.map((p) => ({ id: p.id, kind: p.kind, periodEnd: day(p.periodEnd), dueDate: day(p.dueDate) })),
    });
  }
  restoreMeasures = rows.map((r) => ({ id: r.id, closedAt: r.closedAt, normalizedAt: r.normalizedAt }));
  actors.admin = await user("ADMIN", null, "eval-admin");
  actors.leader = await user("LEADER", null, "eval-leader");
  actors.liaison = await user("LIAISON", measures.get("1.1")!.lead, "eval-liaison");

  // 1.1: every quarter due so far accepted, the last rated 已完成, one late; evidence in 2024.
  const q11 = measures.get("1.1")!.periods.filter((p) => p.dueDate <= TODAY && p.kind === "QUARTER");
  for (const [i, p] of q11.entries()) {
    const last = i === q11.length - 1;
    await report("1.1", p.periodEnd, {
      state: "ACCEPTED",
      rating: last ? "COMPLETED" : "IN_PROGRESS",
      workDone: `召开工伤预防联席会议${p.periodEnd}`,
      late: p.periodEnd === "2024-06-30",
      evidence: p.periodEnd === "2024-09-30" ? ["2024年第三季度联席会议纪要.pdf"] : [],
      problems: p.periodEnd === "2024-03-31" ? "部分成员单位参会层级偏低" : "",
    });
  }
  // 9.2 (年度培训人数 ≥200 a year, 培训对象覆盖率 100% by the end): every period accepted, the deadline
  // (2025-12-31) reported 已完成; trainees rising to 210 at the end of 2024 and 230 in 2025, coverage 95%.
  const trainees = await indicatorId("9.2", "年度培训人数");
  const coverage = await indicatorId("9.2", "培训对象覆盖率");
  const yearly: Record<string, [number, number]> = { "2021": [100, 40], "2022": [120, 60], "2023": [150, 75], "2024": [180, 90], "2025": [230, 95] };
  for (const p of measures.get("9.2")!.periods.filter((p) => p.dueDate <= TODAY)) {
    const [t, c] = p.periodEnd === "2024-12-31" ? [210, 90] : yearly[p.periodEnd.slice(0, 4)];
    const milestone = p.kind === "MILESTONE";
    await report("9.2", p.periodEnd, { state: "ACCEPTED", rating: milestone ? "COMPLETED" : "IN_PROGRESS", workDone: `开展工伤预防培训${p.periodEnd}`, values: { [trainees]: t, [coverage]: c } });
  }
  // 1.2: one report in 2024, returned twice (once before, once now) and never accepted.
  await report("1.2", "2024-06-30", { state: "RETURNED", rating: "DIFFICULT", workDone: "信息交换平台建设滞后", returnedFirst: true });
  // 2.1 常态化, 3.1 closed.
  await db.measure.update({ where: { id: measures.get("2.1")!.id }, data: { normalizedAt: new Date("2024-05-01T00:00:00Z") } });
  await db.measure.update({ where: { id: measures.get("3.1")!.id }, data: { closedAt: new Date("2025-06-01T00:00:00Z") } });
  data = (await loadEvaluation(db, SHIPPED_PLAN, TODAY))!;
});

afterAll(async () => {
  await db.measureEvaluation.deleteMany({ where: { plan: { code: SHIPPED_PLAN } } });
  await db.progressReport.deleteMany({ where: { id: { in: created } } });
  for (const m of restoreMeasures) await db.measure.update({ where: { id: m.id }, data: { closedAt: m.closedAt, normalizedAt: m.normalizedAt } });
  await db.plan.update({ where: { code: SHIPPED_PLAN }, data: { status: "ENDED" } });
  await db.plan.deleteMany({ where: { code: `eval-running-${suffix}` } });
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("proposed verdicts from the stored data", () => {
  it("proposes each measure's verdict by the rule", () => {
    expect(data.evaluable).toBe(true);
    expect(data.tasks.flatMap((t) => t.measures)).toHaveLength(34);
    expect(measureOf(data, "1.1")).toMatchObject({ proposed: "COMPLETED", basis: "allMet", stored: null });
    expect(measureOf(data, "1.1").facts).toMatchObject({ lastRating: "COMPLETED", milestonesDue: 0, indicators: [] });
    expect(measureOf(data, "1.1").facts.reportsAccepted).toBe(measureOf(data, "1.1").facts.reportsDue);
    expect(measureOf(data, "9.2")).toMatchObject({ proposed: "MOSTLY_COMPLETED", basis: "mostlyMet" });
    expect(measureOf(data, "9.2").facts).toMatchObject({ milestonesDue: 1, milestonesMet: 1, indicators: [100, 95], lastRating: "COMPLETED" });
    expect(measureOf(data, "1.2")).toMatchObject({ proposed: "NOT_COMPLETED", basis: "shortfall" });
    expect(measureOf(data, "2.1")).toMatchObject({ proposed: "NORMALIZED", basis: "normalized" });
    expect(measureOf(data, "3.1")).toMatchObject({ proposed: "COMPLETED", basis: "closed" });
    expect(measureOf(data, "5.1")).toMatchObject({ proposed: "NOT_COMPLETED", basis: "noReports" });
  });

  it("counts delays and returns as the overview does", () => {
    const lead11 = measureOf(data, "1.1").parts.filter((p) => p.reporting);
    expect(lead11.filter((p) => p.late).map((p) => p.periodEnd)).toEqual(["2024-06-30"]);
    const lead12 = measureOf(data, "1.2").parts.filter((p) => p.reporting);
    expect(lead12.flatMap((p) => p.returnedOn)).toHaveLength(2);
  });
});

describe("confirming and changing verdicts", () => {
  const audit = async (measureId: string) => (await db.auditEvent.findMany({ where: { entityId: measureId, action: { startsWith: "evaluation." } }, orderBy: { id: "asc" } })).map((e) => [e.action, e.actorId, e.after]);

  it("stores a confirmed proposal with who and when, audited", async () => {
    const id = measures.get("1.1")!.id;
    const saved = await confirmVerdict(db, actors.admin, { measureId: id, verdict: "COMPLETED", reason: "", expectedVersion: 0 }, TODAY);
    expect(saved).toEqual({ verdict: "COMPLETED", proposed: "COMPLETED", version: 1 });
    expect(await db.measureEvaluation.findUniqueOrThrow({ where: { measureId: id } })).toMatchObject({ verdict: "COMPLETED", proposed: "COMPLETED", reason: null, confirmedById: actors.admin.id });
    expect(await audit(id)).toEqual([["evaluation.confirm", actors.admin.id, { proposed: "COMPLETED", verdict: "COMPLETED", reason: null }]]);
  });

  it("refuses a change without a reason and keeps nothing; takes it with one", async () => {
    const id = measures.get("1.2")!.id;
    await expect(confirmVerdict(db, actors.admin, { measureId: id, verdict: "MOSTLY_COMPLETED", reason: "  ", expectedVersion: 0 }, TODAY)).rejects.toMatchObject({ namespace: "evaluation", key: "reasonRequired" });
    expect(await db.measureEvaluation.findUnique({ where: { measureId: id } })).toBeNull();
    expect(await audit(id)).toEqual([]);
    await confirmVerdict(db, actors.admin, { measureId: id, verdict: "MOSTLY_COMPLETED", reason: "信息交换平台已于2025年底上线运行", expectedVersion: 0 }, TODAY);
    expect(await db.measureEvaluation.findUniqueOrThrow({ where: { measureId: id } })).toMatchObject({ proposed: "NOT_COMPLETED", verdict: "MOSTLY_COMPLETED", reason: "信息交换平台已于2025年底上线运行" });
    expect(await audit(id)).toEqual([["evaluation.change", actors.admin.id, { proposed: "NOT_COMPLETED", verdict: "MOSTLY_COMPLETED", reason: "信息交换平台已于2025年底上线运行" }]]);
  });

  it("refuses a confirmation based on a stale version", async () => {
    const id = measures.get("1.1")!.id;
    await expect(confirmVerdict(db, actors.admin, { measureId: id, verdict: "COMPLETED", reason: "", expectedVersion: 0 }, TODAY)).rejects.toMatchObject({ key: "conflict" });
    expect((await db.measureEvaluation.findUniqueOrThrow({ where: { measureId: id } })).version).toBe(1);
  });

  it("refuses leaders and liaisons, changing nothing", async () => {
    const id = measures.get("9.2")!.id;
    for (const who of [actors.leader, actors.liaison]) {
      await expect(confirmVerdict(db, who, { measureId: id, verdict: "MOSTLY_COMPLETED", reason: "", expectedVersion: 0 }, TODAY)).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await db.measureEvaluation.findUnique({ where: { measureId: id } })).toBeNull();
    expect(await audit(id)).toEqual([]);
  });

  it("lets leaders read the evaluation, not liaisons", async () => {
    expect(await readEvaluation(actors.liaison, SHIPPED_PLAN)).toBeNull();
    expect((await readEvaluation(actors.leader, SHIPPED_PLAN))?.plan.code).toBe(SHIPPED_PLAN);
  });

  it("refuses a plan that has not ended, and an archived plan", async () => {
    const code = `eval-running-${suffix}`;
    await seedPlan(db, {
      plan: { code, title: "评估测试计划", issuer: "测试", startYear: 2026, endYear: 2027 },
      departments: [{ shortName: `评估部门${suffix}`, fullName: `评估部门${suffix}全称`, aliases: [], sortOrder: 300 }],
      keyTasks: [{ number: 1, title: "任务一", measures: [{ number: 1, text: "一条措施。", departmentsText: `评估部门${suffix}`, timeArrangement: "每季度" }] }],
    });
    const running = await db.measure.findFirstOrThrow({ where: { keyTask: { plan: { code } } } });
    await expect(confirmVerdict(db, actors.admin, { measureId: running.id, verdict: "NOT_COMPLETED", reason: "", expectedVersion: 0 }, TODAY)).rejects.toMatchObject({ key: "notEvaluable" });
    await db.plan.update({ where: { code: SHIPPED_PLAN }, data: { status: "ARCHIVED" } });
    try {
      await expect(confirmVerdict(db, actors.admin, { measureId: measures.get("9.2")!.id, verdict: "MOSTLY_COMPLETED", reason: "", expectedVersion: 0 }, TODAY)).rejects.toMatchObject({ namespace: "admin", key: "planReadOnly" });
    } finally {
      await db.plan.update({ where: { code: SHIPPED_PLAN }, data: { status: "ENDED" } });
    }
    expect(await db.measureEvaluation.count({ where: { measureId: { in: [running.id, measures.get("9.2")!.id] } } })).toBe(0);
  });

  it("has the database refuse a changed verdict without a reason", async () => {
    const id = measures.get("5.1")!.id;
    const plan = await db.plan.findUniqueOrThrow({ where: { code: SHIPPED_PLAN } });
    await expect(
      db.measureEvaluation.create({ data: { planId: plan.id, measureId: id, proposed: "NOT_COMPLETED", verdict: "COMPLETED", reason: " ", confirmedById: actors.admin.id, confirmedAt: new Date() } }),
    ).rejects.toThrow();
  });
});

describe("the reports", () => {
  it("writes the 终期评估报告 with every key task, measure and indicator, the verdicts, work done and evidence", async () => {
    const after = (await loadEvaluation(db, SHIPPED_PLAN, TODAY))!;
    const doc = finalReport(after);
    const body = await text(await reportToWord(doc));
    expect(body).toContain("黄石市工伤预防五年行动计划（2021—2025年）终期评估报告");
    expect(body).toContain("黄石市人力资源和社会保障局");
    for (const task of after.tasks) {
      expect(body).toContain(task.title);
      for (const m of task.measures) expect(body).toContain(`措施${m.label}　${m.text}`);
    }
    for (const i of after.indicators) expect(body).toContain(i.name);
    expect(body).toMatch(/经评估，完成\d+条，基本完成\d+条/);
    expect(body).toContain("调整，理由：信息交换平台已于2025年底上线运行");
    expect(body).toContain("召开工伤预防联席会议2025-09-30");
    expect(body).toContain("2024年第三季度联席会议纪要.pdf");
    expect(body).toContain("部分成员单位参会层级偏低");
    // The indicator table: 9.2's yearly actuals (each year's latest), final values, met or not.
    expect(body).toMatch(/2023年：150\s*2024年：210\s*2025年：230\s*230人\s*达标/);
    expect(body).toMatch(/2024年：90\s*2025年：95\s*95%\s*未达标（95%）/);
  });

  it("writes the 2024 年度总结 with that year's reports, indicator actuals and departments", async () => {
    const doc = annualReport(data, 2024);
    const body = await text(await reportToWord(doc));
    expect(body).toContain("2024年度工作总结");
    for (const task of data.tasks) {
      expect(body).toContain(task.title);
      for (const m of task.measures) expect(body).toContain(`措施${m.label}　${m.text}`);
    }
    for (const i of data.indicators) expect(body).toContain(i.name);
    expect(body).toContain("召开工伤预防联席会议2024-09-30");
    expect(body).not.toContain("召开工伤预防联席会议2023-09-30");
    expect(body).toContain("信息交换平台建设滞后");
    expect(body).toContain("2024年实际值");
    expect(body).toMatch(/年度培训人数(?:（待确认）)?\s*—\s*≥200人\s*210人\s*达标/);
    const html = (await mammoth.convertToHtml({ buffer: await reportToWord(doc) })).value;
    // The departments' table has one row per department carrying the plan, under its header.
    expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThan(data.departments.length + data.indicators.length);
  });

  it("writes both reports in English for an English reader: the product's words translated, the plan's texts as issued", async () => {
    const after = (await loadEvaluation(db, SHIPPED_PLAN, TODAY))!;
    const final = await text(await reportToWord(finalReport(after, "en")));
    expect(final).toContain("黄石市工伤预防五年行动计划（2021—2025年）: final evaluation report");
    expect(final).toMatch(/The plan ran from 2021 to 2025 with \d+ key tasks and \d+ measures\. Evaluated: \d+ completed, \d+ mostly completed/);
    for (const text of ["1. Overall", "2. Key tasks", "3. Quantitative indicators", "4. Responsible departments", "Verdict: ", "; basis: ", "Key task", "Reached", "Note: verdicts are proposed"]) expect(final).toContain(text);
    for (const m of after.tasks[0].measures) expect(final).toContain(`Measure ${m.label}　${m.text}`);
    // The periods are named the English way, and no product word is left in Chinese.
    expect(final).toMatch(/20\d\d Q[1-4] \(/);
    for (const word of ["经评估", "评估结论", "工作进展：", "存在问题：", "说明：", "年第一季度", "未达标（"]) expect(final).not.toContain(word);
    const annual = await text(await reportToWord(annualReport(after, 2024, "en")));
    for (const text of ["work summary 2024", "In 2024 the plan's", "Actual 2024", "Reporting of the departments in 2024"]) expect(annual).toContain(text);
    expect(annual).not.toContain("年度工作总结");
    // Chinese stays the default, unchanged.
    expect(await text(await reportToWord(finalReport(after)))).toContain("一、总体情况");
  });

  it("writes the reports from the command line", async () => {
    const out = path.join(dir, "final.docx");
    const annual = path.join(dir, "annual.docx");
    const env = { ...process.env, DATABASE_URL: inject("databaseUrl") };
    const run = promisify(execFile);
    await run("npx", ["tsx", "--conditions=react-server", "scripts/report-final.ts", "--plan", SHIPPED_PLAN, "--out", out], { env });
    await run("npx", ["tsx", "--conditions=react-server", "scripts/report-annual.ts", "--plan", SHIPPED_PLAN, "--year", "2024", "--out", annual], { env });
    const final = await text(readFileSync(out));
    for (const task of data.tasks) expect(final).toContain(task.title);
    expect(final).toContain("终期评估报告");
    expect(await text(readFileSync(annual))).toContain("2024年度工作总结");
    await expect(run("npx", ["tsx", "--conditions=react-server", "scripts/report-annual.ts", "--plan", SHIPPED_PLAN, "--year", "2019", "--out", annual], { env })).rejects.toMatchObject({ code: 1 });
  }, 120_000);
});
