/**
 * The plan's structure, edited by administrators (decision 021): key tasks and measures added,
 * renamed and withdrawn; a measure's departments with one lead and joint leads; indicators added,
 * corrected and confirmed. Each mutation: its rule, its refusal in Chinese with nothing changed,
 * its audit event, the lost-update guard and the plan's lifecycle. Works on a plan of its own.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import zh from "../../messages/zh-CN.json";
import { seedPlan, ensureReportingPeriods } from "../../src/features/seed/seed-plan";
import {
  addIndicator,
  addKeyTask,
  addMeasure,
  confirmIndicator,
  setMeasureDepartments,
  updateIndicator,
  updateKeyTask,
  withdrawKeyTask,
  withdrawMeasure,
} from "@/features/structure/mutations";
import { setMeasureDepartmentsAction, withdrawMeasureAction } from "@/features/structure/actions";
import { initialActionState } from "@/lib/action-state";
import type { Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
const { loadDashboardInput } = await import("@/features/dashboard/queries");
const { getMeasure, getPlanTasks, getPlanCounts } = await import("@/features/plan/queries");
const { getWorklist } = await import("@/features/reports/queries");

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const [GENG, XIN, REN] = [`庚局${suffix}`, `辛局${suffix}`, `壬局${suffix}`];
const plan = {
  plan: { code: `struct-${suffix}`, title: "结构测试计划", issuer: "测试", startYear: 2026, endYear: 2027, status: "ACTIVE" as const },
  departments: [
    { shortName: GENG, fullName: "庚局全称", aliases: [], sortOrder: 401 },
    { shortName: XIN, fullName: "辛局全称", aliases: [], sortOrder: 402 },
    { shortName: REN, fullName: "壬局全称", aliases: [], sortOrder: 403 },
  ],
  keyTasks: [
    {
      number: 1,
      title: "任务一",
      measures: [{ number: 1, text: "措施一，工伤保险覆盖率达到90%以上，千人工伤发生率5年降低20%左右。", departmentsText: `${GENG}牵头，${XIN}、${REN}配合`, timeArrangement: "每季度" }],
    },
    { number: 2, title: "任务二", measures: [{ number: 1, text: "措施三。", departmentsText: GENG, timeArrangement: "2027年底前" }] },
  ],
};

let planId = "";
const ids = { geng: "", xin: "", ren: "" };
let admin: Actor;
const liaison: Actor = { id: "", loginName: "liaison", role: "LIAISON", departmentId: null };

const measureOf = (task: number, number: number) =>
  db.measure.findFirstOrThrow({ where: { number, keyTask: { number: task, planId } }, include: { departments: { orderBy: { sortOrder: "asc" } }, indicators: true, periods: { orderBy: [{ dueDate: "asc" }, { kind: "asc" }] } } });
const lastAuditId = async () => (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
const auditSince = async (id: bigint) => (await db.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((e) => [e.action, e.entityType, e.entityId, e.actorId]);
/** Everything of the test plan a refused call must leave as it was. */
const world = async () => ({
  plan: await db.plan.findUniqueOrThrow({
    where: { id: planId },
    include: { keyTasks: { orderBy: { number: "asc" }, include: { measures: { orderBy: { number: "asc" }, include: { departments: true, indicators: true, periods: { orderBy: { id: "asc" } }, reports: true } } } } },
  }),
  audit: await lastAuditId(),
});

async function refusal(call: () => Promise<unknown>): Promise<RuleError> {
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  return error as RuleError;
}

/** A refused call: the given key, nothing changed. */
async function expectRefused(call: () => Promise<unknown>, key: string) {
  const before = await world();
  expect((await refusal(call)).key).toBe(key);
  expect(await world()).toEqual(before);
}

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

beforeAll(async () => {
  await seedPlan(db, plan);
  planId = (await db.plan.findUniqueOrThrow({ where: { code: plan.plan.code } })).id;
  const depts = await db.department.findMany({ where: { shortName: { in: [GENG, XIN, REN] } } });
  ids.geng = depts.find((d) => d.shortName === GENG)!.id;
  ids.xin = depts.find((d) => d.shortName === XIN)!.id;
  ids.ren = depts.find((d) => d.shortName === REN)!.id;
  const a = await db.user.create({ data: { loginName: `struct-admin-${suffix}`, displayName: "管理员", role: "ADMIN", passwordHash: "unused" } });
  admin = { id: a.id, loginName: a.loginName, role: "ADMIN", departmentId: null, ip: "127.0.0.1" };
  state.user = { id: a.id, loginName: a.loginName, displayName: a.displayName, role: "ADMIN", departmentId: null, departmentName: null };
  liaison.departmentId = ids.geng;
});
afterAll(() => db.$disconnect());

describe("key tasks", () => {
  it("adds a key task after the last one, audited; refused to a liaison", async () => {
    await expectRefused(() => addKeyTask(db, liaison, { planId, title: "越权" }), "forbidden");
    const before = await lastAuditId();
    const { keyTaskId, number } = await addKeyTask(db, admin, { planId, title: "任务三" });
    expect(number).toBe(3);
    expect(await db.keyTask.findUniqueOrThrow({ where: { id: keyTaskId } })).toMatchObject({ title: "任务三", version: 1, withdrawnAt: null });
    expect(await auditSince(before)).toEqual([["keyTask.create", "KeyTask", keyTaskId, admin.id]]);
  });

  it("renames a key task; a rename from a stale version is refused", async () => {
    const task = await db.keyTask.findFirstOrThrow({ where: { planId, number: 3 } });
    expect(await updateKeyTask(db, admin, { keyTaskId: task.id, expectedVersion: 1, title: "任务三（更正）" })).toBe(2);
    expect((await db.keyTask.findUniqueOrThrow({ where: { id: task.id } })).title).toBe("任务三（更正）");
    await expectRefused(() => updateKeyTask(db, admin, { keyTaskId: task.id, expectedVersion: 1, title: "过时的改名" }), "keyTaskConflict");
  });

  it("refuses every change to an archived plan (read-only)", async () => {
    const task = await db.keyTask.findFirstOrThrow({ where: { planId, number: 3 } });
    await db.plan.update({ where: { id: planId }, data: { status: "ARCHIVED" } });
    try {
      await expectRefused(() => addKeyTask(db, admin, { planId, title: "归档后" }), "planReadOnly");
      await expectRefused(() => updateKeyTask(db, admin, { keyTaskId: task.id, expectedVersion: 2, title: "归档后" }), "planReadOnly");
      await expectRefused(() => addMeasure(db, admin, { keyTaskId: task.id, text: "归档后。", departmentsText: GENG, timeArrangement: "每季度" }), "planReadOnly");
    } finally {
      await db.plan.update({ where: { id: planId }, data: { status: "ACTIVE" } });
    }
  });
});

describe("adding a measure", () => {
  it("reads its departments and schedule like an import, proposes its indicators (待确认) and makes its periods with the import's function", async () => {
    const task = await db.keyTask.findFirstOrThrow({ where: { planId, number: 3 } });
    const before = await lastAuditId();
    const { measureId, number } = await addMeasure(db, admin, {
      keyTaskId: task.id,
      text: "建立数据共享机制，事故起数下降10%以上。",
      departmentsText: `${REN}牵头，${GENG}配合`,
      timeArrangement: "每季度",
    });
    expect(number).toBe("3.1");
    const m = await measureOf(3, 1);
    expect(m.id).toBe(measureId);
    expect(m).toMatchObject({ scheduleKind: "QUARTERLY", currentText: null, withdrawnAt: null, version: 1 });
    expect(m.departments.map((d) => [d.departmentId, d.isLead, d.isJointLead])).toEqual([
      [ids.ren, true, false],
      [ids.geng, false, false],
    ]);
    // The same periods as the imported quarterly measure 1.1, made by the same function.
    const expected = (await measureOf(1, 1)).periods;
    expect(expected.length).toBeGreaterThan(0);
    expect(m.periods.map((p) => [p.kind, p.periodEnd, p.dueDate])).toEqual(expected.map((p) => [p.kind, p.periodEnd, p.dueDate]));
    expect(m.indicators.map((i) => [i.name, i.direction, Number(i.target), i.comparison, i.unit, i.confirmedAt])).toEqual([["事故起数", "DECREASE", 10, "GTE", "%", null]]);
    expect(await auditSince(before)).toEqual([["measure.create", "Measure", measureId, admin.id]]);
  });

  it("refuses a department cell naming an unknown department, naming it, and writes nothing", async () => {
    const task = await db.keyTask.findFirstOrThrow({ where: { planId, number: 3 } });
    const error = await refusal(() => addMeasure(db, admin, { keyTaskId: task.id, text: "新措施。", departmentsText: `${GENG}、不存在局`, timeArrangement: "每季度" }));
    expect(error.key).toBe("unknownDepartments");
    expect(error.detail.names).toBe("不存在局");
    expect(await db.measure.count({ where: { keyTaskId: task.id } })).toBe(1);
  });
});

describe("a measure's departments: one lead, joint leads (共同牵头), supporting", () => {
  it("marks joint leads; the overview's input carries them", async () => {
    const m = await measureOf(1, 1);
    const before = await lastAuditId();
    const version = await setMeasureDepartments(db, admin, {
      measureId: m.id,
      expectedVersion: m.version,
      departments: [
        { departmentId: ids.geng, role: "LEAD" },
        { departmentId: ids.xin, role: "JOINT_LEAD" },
        { departmentId: ids.ren, role: "SUPPORT" },
      ],
    });
    expect(version).toBe(m.version + 1);
    expect((await measureOf(1, 1)).departments.map((d) => [d.departmentId, d.isLead, d.isJointLead])).toEqual([
      [ids.geng, true, false],
      [ids.xin, false, true],
      [ids.ren, false, false],
    ]);
    const input = await loadDashboardInput(planId);
    const parts = input.histories.find((h) => h.measureId === m.id)!.departments.map((d) => [d.departmentId, d.isLead, d.isJointLead]);
    expect(parts).toEqual([
      [ids.geng, true, false],
      [ids.xin, false, true],
      [ids.ren, false, false],
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { id: { gt: before } } });
    expect(event).toMatchObject({ action: "measure.departments", entityId: m.id, actorId: admin.id });
    expect(event.after).toEqual({ departments: [{ department: GENG, role: "LEAD" }, { department: XIN, role: "JOINT_LEAD" }, { department: REN, role: "SUPPORT" }] });
    expect((await getMeasure(m.id))!.departments.map((d) => [d.shortName, d.isLead, d.isJointLead])).toEqual([
      [GENG, true, false],
      [XIN, false, true],
      [REN, false, false],
    ]);
  });

  it("moves the lead: the reports already made follow (isLead marks the new lead's)", async () => {
    const m = await measureOf(1, 1);
    const period = m.periods[0];
    for (const departmentId of [ids.geng, ids.xin]) {
      await db.progressReport.create({ data: { periodId: period.id, measureId: m.id, departmentId, isLead: departmentId === ids.geng } });
    }
    await setMeasureDepartments(db, admin, {
      measureId: m.id,
      expectedVersion: m.version,
      departments: [
        { departmentId: ids.xin, role: "LEAD" },
        { departmentId: ids.geng, role: "JOINT_LEAD" },
        { departmentId: ids.ren, role: "SUPPORT" },
      ],
    });
    const reports = await db.progressReport.findMany({ where: { measureId: m.id }, select: { departmentId: true, isLead: true } });
    expect(Object.fromEntries(reports.map((r) => [r.departmentId, r.isLead]))).toEqual({ [ids.xin]: true, [ids.geng]: false });
  });

  it.each([
    ["two leads", [{ departmentId: "a", role: "LEAD" }, { departmentId: "b", role: "LEAD" }], "oneLead"],
    ["no lead", [{ departmentId: "a", role: "JOINT_LEAD" }], "leadRequired"],
    ["no department", [], "departmentsRequired"],
    ["a department twice", [{ departmentId: "a", role: "LEAD" }, { departmentId: "a", role: "SUPPORT" }], "departmentTwice"],
  ] as const)("refuses %s and changes nothing", async (_label, departments, key) => {
    const m = await measureOf(1, 1);
    const list = departments.map((d) => ({ ...d, departmentId: d.departmentId === "a" ? ids.geng : ids.ren }));
    await expectRefused(() => setMeasureDepartments(db, admin, { measureId: m.id, expectedVersion: m.version, departments: list }), key);
  });

  it("refuses a stale version, a liaison, and says so in Chinese through the action", async () => {
    const m = await measureOf(1, 1);
    const departments = [{ departmentId: ids.geng, role: "LEAD" as const }];
    await expectRefused(() => setMeasureDepartments(db, admin, { measureId: m.id, expectedVersion: m.version - 1, departments }), "measureConflict");
    await expectRefused(() => setMeasureDepartments(db, liaison, { measureId: m.id, expectedVersion: m.version, departments }), "forbidden");
    const before = await world();
    const result = await setMeasureDepartmentsAction(
      initialActionState,
      form({ measureId: m.id, expectedVersion: String(m.version), [`role:${ids.geng}`]: "LEAD", [`role:${ids.xin}`]: "LEAD", [`role:${ids.ren}`]: "REMOVE" }),
    );
    expect(result).toMatchObject({ ok: false, message: zh.admin.oneLead });
    expect(await world()).toEqual(before);
  });
});

describe("indicators", () => {
  it("an imported measure's indicators are the parser's proposals: 待确认", async () => {
    const m = await measureOf(1, 1);
    const rows = m.indicators.map((i) => [i.name, i.direction, i.target === null ? null : Number(i.target), i.comparison, i.confirmedAt]);
    // The absolute target and the trend (decision 031: an import stores trends too, with their direction; the baseline waits for an administrator).
    expect(rows).toEqual(expect.arrayContaining([["工伤保险覆盖率", null, 90, "GTE", null], ["千人工伤发生率", "DECREASE", 20, "EQ", null]]));
    expect(m.indicators).toHaveLength(2);
    expect(m.indicators.find((i) => i.direction)!.baseline).toBeNull();
    expect((await getMeasure(m.id))!.indicators.every((i) => !i.confirmed)).toBe(true);
  });

  it("confirms a proposed indicator once, audited; a second confirmation and a stale version are refused", async () => {
    const indicator = (await measureOf(1, 1)).indicators.find((i) => i.direction === null)!;
    const before = await lastAuditId();
    expect(await confirmIndicator(db, admin, { indicatorId: indicator.id, expectedVersion: 1 })).toBe(2);
    expect((await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).confirmedAt).not.toBeNull();
    expect(await auditSince(before)).toEqual([["indicator.confirm", "Indicator", indicator.id, admin.id]]);
    await expectRefused(() => confirmIndicator(db, admin, { indicatorId: indicator.id, expectedVersion: 2 }), "indicatorConfirmed");
    await expectRefused(() => confirmIndicator(db, admin, { indicatorId: indicator.id, expectedVersion: 1 }), "indicatorConflict");
  });

  it("adds a trend with a direction and a baseline (confirmed), and corrects it; an absolute target needs its number", async () => {
    const m = await measureOf(1, 1);
    const fields = { name: "千人工伤发生率", unit: "%", comparison: "EQ" as const, target: 20, period: "PLAN" as const, direction: "DECREASE" as const, baseline: 1.35 };
    const { indicatorId } = await addIndicator(db, admin, { measureId: m.id, ...fields });
    expect(await db.indicator.findUniqueOrThrow({ where: { id: indicatorId } })).toMatchObject({ direction: "DECREASE", version: 1, confirmedAt: expect.any(Date) });
    const version = await updateIndicator(db, admin, { indicatorId, expectedVersion: 1, ...fields, baseline: 1.4, target: null });
    expect(version).toBe(2);
    const stored = await db.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
    expect([Number(stored.baseline), stored.target]).toEqual([1.4, null]);
    await expectRefused(() => updateIndicator(db, admin, { indicatorId, expectedVersion: 1, ...fields }), "indicatorConflict");
    await expectRefused(() => updateIndicator(db, admin, { indicatorId, expectedVersion: 2, ...fields, direction: null, target: null, baseline: null }), "indicatorTargetRequired");
    await expectRefused(() => addIndicator(db, admin, { measureId: m.id, ...fields, direction: null }), "indicatorBaselineWithoutTrend");
    await expectRefused(() => addIndicator(db, liaison, { measureId: m.id, ...fields }), "forbidden");
  });
});

describe("withdrawing (撤销)", () => {
  it("refuses a withdrawal without a reason, in Chinese, through the action", async () => {
    const m = await measureOf(1, 1);
    const before = await world();
    const result = await withdrawMeasureAction(initialActionState, form({ measureId: m.id, expectedVersion: String(m.version), reason: "  " }));
    expect(result).toMatchObject({ ok: false, message: zh.admin.invalidInput, fieldErrors: { reason: [zh.admin.withdrawReasonRequired] } });
    expect(await world()).toEqual(before);
  });

  it("withdraws a measure: it owes nothing further, leaves the overview, keeps its reported periods and stays readable, marked", async () => {
    const m = await measureOf(1, 1);
    const reported = m.periods[0].id;
    await expectRefused(() => withdrawMeasure(db, admin, { measureId: m.id, expectedVersion: m.version - 1, reason: "并入其他措施" }), "measureConflict");
    const countsBefore = await getPlanCounts(planId);
    const owed = async () => (await getWorklist(admin, ids.xin, "2027-12-31", "zh-CN")).filter((i) => i.measureId === m.id).map((i) => i.periodId);
    // 辛局's draft on the first period keeps it on the department's to-do list until the withdrawal.
    expect(await owed()).toContain(reported);
    const before = await lastAuditId();
    await withdrawMeasure(db, admin, { measureId: m.id, expectedVersion: m.version, reason: "并入其他措施" });
    const after = await measureOf(1, 1);
    expect(after).toMatchObject({ withdrawnReason: "并入其他措施", withdrawnAt: expect.any(Date), version: m.version + 1 });
    expect(after.periods.map((p) => p.id)).toEqual([reported]);
    const [event] = await db.auditEvent.findMany({ where: { id: { gt: before } } });
    expect(event).toMatchObject({ action: "measure.withdraw", entityId: m.id, after: { number: "1.1", reason: "并入其他措施", periodsRemoved: m.periods.length - 1 } });

    expect((await loadDashboardInput(planId)).histories.some((h) => h.measureId === m.id)).toBe(false);
    expect(await getPlanCounts(planId)).toMatchObject({ measures: countsBefore.measures - 1 });
    expect((await getPlanTasks(planId)).flatMap((t) => t.measures).some((x) => x.id === m.id)).toBe(false);
    const listed = (await getPlanTasks(planId, { includeWithdrawn: true })).flatMap((t) => t.measures).find((x) => x.id === m.id);
    expect(listed?.withdrawn).toMatchObject({ reason: "并入其他措施", on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect((await getMeasure(m.id))!.withdrawn?.reason).toBe("并入其他措施");
    expect(await owed()).toEqual([]);

    // Nothing brings its obligations back, and nothing more changes it.
    await ensureReportingPeriods(db, 10);
    expect((await measureOf(1, 1)).periods).toHaveLength(1);
    await expectRefused(() => withdrawMeasure(db, admin, { measureId: m.id, expectedVersion: m.version + 1, reason: "再撤" }), "measureWithdrawn");
    await expectRefused(
      () => setMeasureDepartments(db, admin, { measureId: m.id, expectedVersion: m.version + 1, departments: [{ departmentId: ids.geng, role: "LEAD" }] }),
      "measureWithdrawn",
    );
    await expectRefused(() => addIndicator(db, admin, { measureId: m.id, name: "x", unit: "", comparison: "GTE", target: 1, period: "YEAR", direction: null, baseline: null }), "measureWithdrawn");
  });

  it("withdraws a key task with its standing measures; nothing more is added to it", async () => {
    const task = await db.keyTask.findFirstOrThrow({ where: { planId, number: 2 } });
    const before = await lastAuditId();
    await withdrawKeyTask(db, admin, { keyTaskId: task.id, expectedVersion: task.version, reason: "任务调整" });
    expect(await db.keyTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ withdrawnReason: "任务调整", version: task.version + 1 });
    const measure = await measureOf(2, 1);
    expect(measure).toMatchObject({ withdrawnReason: "任务调整", periods: [] });
    expect(await auditSince(before)).toEqual([["keyTask.withdraw", "KeyTask", task.id, admin.id]]);
    expect((await getPlanTasks(planId)).map((t) => t.number)).toEqual([1, 3]);
    await expectRefused(() => addMeasure(db, admin, { keyTaskId: task.id, text: "补充。", departmentsText: GENG, timeArrangement: "每季度" }), "keyTaskWithdrawn");
    await expectRefused(() => updateKeyTask(db, admin, { keyTaskId: task.id, expectedVersion: task.version + 1, title: "改名" }), "keyTaskWithdrawn");
  });
});
