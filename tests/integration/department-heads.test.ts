/**
 * Decision 032 against a real database: 部门负责人审签 (a liaison's report waits for the department
 * head's sign-off when the plan asks for it), the notifications of closure steps and of closing a
 * notice or an instruction (written in the step's transaction), the 分管 departments of leaders, and
 * the escalations the scan tells a department's head and 分管领导 once per occurrence.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { folderStore } from "../../src/features/reports/evidence";
import { reviewReport, saveReport, signoffReport, type SaveReportInput } from "../../src/features/reports/mutations";
import { applyClosure, reopenMeasure, reviewClosure, setProgressSettings, signoffClosure } from "../../src/features/closure/mutations";
import { decideNoticeReply, issueNotice, replyNotice } from "../../src/features/notices/mutations";
import { addInstruction, decideInstructionReply, replyInstruction } from "../../src/features/instructions/mutations";
import { createUser, setLedDepartments, setUserRole } from "../../src/features/admin/mutations";
import { scanNotifications } from "../../src/features/notifications/scan";
import { loadPlanHistory } from "../../src/features/dashboard/load-history";
import { computeDashboard, measureProgressOn } from "../../src/features/dashboard/compute";
import { addDays } from "../../src/lib/periods";
import { dayToDate, todayInChina } from "../../src/lib/due";
import { Forbidden, type Actor } from "../../src/lib/permissions";
import { testDb } from "../support/db";

const db = testDb();
vi.mock("@/server/db", () => ({ db }));
const { getSignoffQueue } = await import("../../src/features/reports/queries");

const suffix = Date.now().toString(36);
const DEPT = `审签甲${suffix}`;
const OTHER = `审签乙${suffix}`;
const year = Number(todayInChina().slice(0, 4));
const today = todayInChina();
const plan = {
  plan: { code: `heads-${suffix}`, title: "审签测试计划", issuer: "测试", startYear: year, endYear: year + 1 },
  departments: [
    { shortName: DEPT, fullName: `${DEPT}全称`, aliases: [], sortOrder: 301 },
    { shortName: OTHER, fullName: `${OTHER}全称`, aliases: [], sortOrder: 302 },
  ],
  keyTasks: [
    {
      number: 1,
      title: "任务一",
      measures: [
        { number: 1, text: "按季度推进的措施。", departmentsText: `${DEPT}牵头`, timeArrangement: "每季度" },
        // A deadline that passed this year without being met: its 进度 light is red.
        { number: 2, text: "年中完成的措施。", departmentsText: `${DEPT}牵头`, timeArrangement: `${year}年6月底前` },
        { number: 3, text: "另一部门的措施。", departmentsText: `${OTHER}牵头`, timeArrangement: "每季度" },
      ],
    },
  ],
};
const limits = { maxBytes: 5 * 1024 * 1024, maxFiles: 10 };

let dir = "";
let planId = "";
let measureId = "";
let deadlineMeasureId = "";
let deptId = "";
let otherId = "";
let periods: string[] = [];
const actors = {} as Record<"liaison" | "head" | "otherHead" | "admin" | "leader" | "leaderElsewhere", Actor>;

async function user(role: "ADMIN" | "LIAISON" | "LEADER" | "DEPARTMENT_HEAD", departmentId: string | null, name: string): Promise<Actor> {
  const u = await db.user.create({ data: { loginName: `${name}-${suffix}`, displayName: name, role, departmentId, passwordHash: "unused" } });
  return { id: u.id, loginName: u.loginName, role, departmentId, ip: "127.0.0.1" };
}

const auditOf = async (entityId: string) => (await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } })).map((r) => [r.action, r.actorId]);
/** The kinds of the notifications `who` has, newest last. */
const kindsOf = async (who: Actor) => (await db.notification.findMany({ where: { userId: who.id }, orderBy: { createdAt: "asc" } })).map((n) => n.kind);
const notificationsOf = (who: Actor, kind: string) => db.notification.findMany({ where: { userId: who.id, kind: kind as never }, orderBy: { createdAt: "asc" } });

const report = (periodId: string, expectedVersion: number, submit = true): SaveReportInput => ({
  periodId,
  expectedVersion,
  progress: "IN_PROGRESS",
  workDone: "本季度完成专项检查",
  problems: "",
  nextSteps: "",
  values: {},
  uploads: [],
  removeAttachmentIds: [],
  submit,
});
const save = (input: SaveReportInput, who = actors.liaison) => saveReport(db, folderStore(dir), limits, who, input);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-heads-"));
  await seedPlan(db, plan);
  planId = (await db.plan.findUniqueOrThrow({ where: { code: plan.plan.code } })).id;
  measureId = (await db.measure.findFirstOrThrow({ where: { number: 1, keyTask: { planId } } })).id;
  deadlineMeasureId = (await db.measure.findFirstOrThrow({ where: { number: 2, keyTask: { planId } } })).id;
  deptId = (await db.department.findUniqueOrThrow({ where: { shortName: DEPT } })).id;
  otherId = (await db.department.findUniqueOrThrow({ where: { shortName: OTHER } })).id;
  periods = (await db.reportingPeriod.findMany({ where: { measureId, periodStart: { lte: dayToDate(today) } }, orderBy: { periodEnd: "asc" } })).map((p) => p.id);
  expect(periods.length).toBeGreaterThanOrEqual(3);
  actors.liaison = await user("LIAISON", deptId, "liaison");
  actors.admin = await user("ADMIN", null, "admin");
  actors.leader = await user("LEADER", null, "leader");
  actors.leaderElsewhere = await user("LEADER", null, "leader-elsewhere");
  actors.otherHead = await user("DEPARTMENT_HEAD", otherId, "other-head");
});
afterAll(async () => {
  await db.escalation.deleteMany({ where: { departmentId: { in: [deptId, otherId] } } });
  await db.plan.delete({ where: { id: planId } }).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("department-head accounts and 分管 departments", () => {
  it("creates a head only with a department, and lets only a leader be in charge of departments (audited)", async () => {
    await expect(createUser(db, actors.admin, { loginName: `head-nodept-${suffix}`, displayName: "无部门负责人", role: "DEPARTMENT_HEAD", departmentId: null })).rejects.toMatchObject({ key: "liaisonNeedsDepartment" });
    const { userId } = await createUser(db, actors.admin, { loginName: `head-${suffix}`, displayName: "审签甲负责人", role: "DEPARTMENT_HEAD", departmentId: deptId });
    actors.head = { id: userId, loginName: `head-${suffix}`, role: "DEPARTMENT_HEAD", departmentId: deptId, ip: "127.0.0.1" };
    // The database says the same: a head without a department is refused.
    await expect(db.user.update({ where: { id: userId }, data: { departmentId: null } })).rejects.toThrow();

    await expect(setLedDepartments(db, actors.leader, { userId: actors.leader.id, departmentIds: [deptId] })).rejects.toBeInstanceOf(Forbidden);
    await expect(setLedDepartments(db, actors.admin, { userId: actors.head.id, departmentIds: [deptId] })).rejects.toMatchObject({ key: "notInCharge" });
    await expect(setLedDepartments(db, actors.admin, { userId: actors.leader.id, departmentIds: ["nope"] })).rejects.toMatchObject({ key: "departmentNotFound" });
    await setLedDepartments(db, actors.admin, { userId: actors.leader.id, departmentIds: [deptId, deptId] });
    await setLedDepartments(db, actors.admin, { userId: actors.leaderElsewhere.id, departmentIds: [otherId] });
    expect(await db.leaderDepartment.findMany({ where: { userId: actors.leader.id }, select: { departmentId: true } })).toEqual([{ departmentId: deptId }]);
    const audit = await db.auditEvent.findMany({ where: { entityId: actors.leader.id, action: "user.led_departments" } });
    expect(audit.map((a) => [a.actorId, a.after])).toEqual([[actors.admin.id, { departmentIds: [deptId] }]]);
    // Setting the same again records nothing.
    await setLedDepartments(db, actors.admin, { userId: actors.leader.id, departmentIds: [deptId] });
    expect(await db.auditEvent.count({ where: { entityId: actors.leader.id, action: "user.led_departments" } })).toBe(1);
  });
});

describe("部门负责人审签", () => {
  it("without the plan's setting, a submission goes straight to the bureau as before", async () => {
    const saved = await save(report(periods[0], 0));
    expect(saved.state).toBe("SUBMITTED");
    const r = await db.progressReport.findUniqueOrThrow({ where: { id: saved.reportId }, include: { revisions: true } });
    expect(r.submittedAt).not.toBeNull();
    expect(r.revisions.map((v) => v.event)).toEqual(["SUBMITTED"]);
    expect(await getSignoffQueue(actors.head)).toEqual([]);
  });

  it("with it, the report waits for the head: locked for the liaison, unseen by the bureau, the head told in the same transaction", async () => {
    await setProgressSettings(db, actors.admin, { planId, yellowPoints: 10, redPoints: 30, closureSignoff: true, headSignoff: true });
    expect((await db.plan.findUniqueOrThrow({ where: { id: planId } })).headSignoff).toBe(true);
    const saved = await save(report(periods[1], 0));
    expect(saved.state).toBe("AWAITING_HEAD");
    const r = await db.progressReport.findUniqueOrThrow({ where: { id: saved.reportId }, include: { revisions: true } });
    // Not yet 报送: no submission time, and the replay sees nothing submitted.
    expect(r.submittedAt).toBeNull();
    expect(r.revisions.map((v) => v.event)).toEqual(["SUBMITTED_TO_HEAD"]);
    expect(await auditOf(saved.reportId)).toEqual([["report.submit_to_head", actors.liaison.id]]);
    const awaiting = await notificationsOf(actors.head, "REPORT_AWAITING_HEAD");
    expect(awaiting.map((n) => [n.params, n.link])).toEqual([[{ measure: "1.1", period: expect.any(String) }, `/reports/${periods[1]}`]]);
    expect(await notificationsOf(actors.otherHead, "REPORT_AWAITING_HEAD")).toEqual([]);

    const history = await loadPlanHistory(db, planId);
    const events = history.histories.find((h) => h.periodId === periods[1])!.departments.find((d) => d.departmentId === deptId)!.events;
    expect(events).toEqual([]);

    await expect(save(report(periods[1], saved.version, false))).rejects.toMatchObject({ key: "locked" });
    await expect(reviewReport(db, actors.admin, { reportId: saved.reportId, expectedVersion: saved.version, decision: "ACCEPT", reason: "" })).rejects.toMatchObject({ key: "notSubmitted" });
    const queue = await getSignoffQueue(actors.head);
    expect(queue.map((q) => [q.id, q.number, q.periodId])).toEqual([[saved.reportId, "1.1", periods[1]]]);
    for (const who of [actors.liaison, actors.otherHead, actors.admin, actors.leader]) expect(await getSignoffQueue(who)).toEqual([]);
  });

  it("only the department's own head signs off; a return needs a reason and tells the liaisons; nothing changes on a refusal", async () => {
    const r = await db.progressReport.findFirstOrThrow({ where: { periodId: periods[1], departmentId: deptId } });
    for (const who of [actors.liaison, actors.admin, actors.leader]) {
      await expect(signoffReport(db, who, { reportId: r.id, expectedVersion: r.version, decision: "APPROVE", reason: "" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(signoffReport(db, actors.otherHead, { reportId: r.id, expectedVersion: r.version, decision: "APPROVE", reason: "" })).rejects.toMatchObject({ key: "notYours" });
    await expect(signoffReport(db, actors.head, { reportId: r.id, expectedVersion: r.version, decision: "RETURN", reason: "  " })).rejects.toMatchObject({ key: "reasonRequired" });
    await expect(signoffReport(db, actors.head, { reportId: r.id, expectedVersion: r.version + 3, decision: "APPROVE", reason: "" })).rejects.toMatchObject({ key: "conflict" });
    expect(await db.progressReport.findUniqueOrThrow({ where: { id: r.id } })).toMatchObject({ state: "AWAITING_HEAD", version: r.version });

    await signoffReport(db, actors.head, { reportId: r.id, expectedVersion: r.version, decision: "RETURN", reason: "请补充检查数据" });
    const returned = await db.progressReport.findUniqueOrThrow({ where: { id: r.id }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(returned).toMatchObject({ state: "RETURNED", returnReason: "请补充检查数据", submittedAt: null });
    expect(returned.revisions.map((v) => [v.event, v.reason, v.actorId])).toEqual([
      ["SUBMITTED_TO_HEAD", null, actors.liaison.id],
      ["HEAD_RETURNED", "请补充检查数据", actors.head.id],
    ]);
    expect((await notificationsOf(actors.liaison, "REPORT_HEAD_RETURNED")).map((n) => n.params)).toEqual([{ measure: "1.1", reason: "请补充检查数据" }]);
    // The head's return is the department's own: the replay counts no return by the bureau.
    const history = await loadPlanHistory(db, planId);
    expect(history.histories.find((h) => h.periodId === periods[1])!.departments.find((d) => d.departmentId === deptId)!.events).toEqual([]);
  });

  it("resubmitted and signed off, the report reaches the bureau then (its 报送), and the bureau reviews it", async () => {
    const r = await db.progressReport.findFirstOrThrow({ where: { periodId: periods[1], departmentId: deptId } });
    const again = await save(report(periods[1], r.version));
    expect(again.state).toBe("AWAITING_HEAD");
    const before = new Date();
    await signoffReport(db, actors.head, { reportId: r.id, expectedVersion: again.version, decision: "APPROVE", reason: "" });
    const signed = await db.progressReport.findUniqueOrThrow({ where: { id: r.id }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(signed.state).toBe("SUBMITTED");
    expect(signed.returnReason).toBeNull();
    expect(signed.submittedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    expect(signed.revisions.map((v) => [v.event, v.actorId])).toEqual([
      ["SUBMITTED_TO_HEAD", actors.liaison.id],
      ["HEAD_RETURNED", actors.head.id],
      ["SUBMITTED_TO_HEAD", actors.liaison.id],
      ["SUBMITTED", actors.head.id],
    ]);
    expect(await auditOf(r.id)).toEqual([
      ["report.submit_to_head", actors.liaison.id],
      ["report.head_return", actors.head.id],
      ["report.submit_to_head", actors.liaison.id],
      ["report.head_approve", actors.head.id],
    ]);
    const history = await loadPlanHistory(db, planId);
    const events = history.histories.find((h) => h.periodId === periods[1])!.departments.find((d) => d.departmentId === deptId)!.events;
    expect(events.map((e) => [e.event, e.at])).toEqual([["SUBMITTED", signed.revisions[3].at.getTime()]]);
    // A second sign-off of the same report is refused.
    await expect(signoffReport(db, actors.head, { reportId: r.id, expectedVersion: signed.version, decision: "APPROVE", reason: "" })).rejects.toMatchObject({ key: "notAwaitingHead" });
    await reviewReport(db, actors.admin, { reportId: r.id, expectedVersion: signed.version, decision: "ACCEPT", reason: "" });
    expect((await db.progressReport.findUniqueOrThrow({ where: { id: r.id } })).state).toBe("ACCEPTED");
  });

  it("refuses to send a report for sign-off when the department has no active head, and saves nothing", async () => {
    await db.user.update({ where: { id: actors.head.id }, data: { active: false } });
    try {
      await expect(save(report(periods[2], 0))).rejects.toMatchObject({ key: "noHead" });
      expect(await db.progressReport.findFirst({ where: { periodId: periods[2], departmentId: deptId } })).toBeNull();
    } finally {
      await db.user.update({ where: { id: actors.head.id }, data: { active: true } });
    }
  });

  it("a head turned liaison signs off nothing any more", async () => {
    const temp = await user("DEPARTMENT_HEAD", deptId, "temp-head");
    await setUserRole(db, actors.admin, { userId: temp.id, role: "LIAISON" });
    await expect(signoffReport(db, { ...temp, role: "LIAISON" }, { reportId: "x", expectedVersion: 1, decision: "APPROVE", reason: "" })).rejects.toBeInstanceOf(Forbidden);
  });
});

describe("closure notifications, in the step's transaction", () => {
  it("apply → the bureau; accept → the department and the leaders to sign; sign-off → closed for both; reopen → the department", async () => {
    const applied = await applyClosure(db, folderStore(dir), limits, actors.liaison, { measureId, summary: "已全部完成。", uploads: [] });
    const told = await notificationsOf(actors.admin, "CLOSURE_APPLIED");
    expect(told.map((n) => [n.params, n.link])).toEqual([[{ measure: "1.1", department: DEPT }, `/measures/${measureId}`]]);

    const v = (await db.measureClosure.findUniqueOrThrow({ where: { id: applied } })).version;
    expect(await reviewClosure(db, actors.admin, { closureId: applied, expectedVersion: v, decision: "ACCEPT", reason: "" })).toBe("AWAITING_SIGNOFF");
    expect((await notificationsOf(actors.liaison, "CLOSURE_ACCEPTED")).length).toBe(1);
    expect((await notificationsOf(actors.head, "CLOSURE_ACCEPTED")).length).toBe(1);
    expect((await notificationsOf(actors.leader, "CLOSURE_AWAITING_SIGNOFF")).length).toBe(1);
    // Another department's head hears nothing of it.
    expect(await notificationsOf(actors.otherHead, "CLOSURE_ACCEPTED")).toEqual([]);

    await signoffClosure(db, actors.leader, { closureId: applied, expectedVersion: v + 1, decision: "ACCEPT", reason: "" });
    for (const who of [actors.liaison, actors.head, actors.admin]) expect((await notificationsOf(who, "CLOSURE_CLOSED")).map((n) => n.params)).toEqual([{ measure: "1.1", department: DEPT }]);

    await reopenMeasure(db, actors.admin, { measureId, reason: "发现新问题" });
    expect((await notificationsOf(actors.liaison, "CLOSURE_REOPENED")).map((n) => n.params)).toEqual([{ measure: "1.1", department: DEPT, reason: "发现新问题" }]);

    const second = await applyClosure(db, folderStore(dir), limits, actors.liaison, { measureId, summary: "问题已整改。", uploads: [] });
    const v2 = (await db.measureClosure.findUniqueOrThrow({ where: { id: second } })).version;
    await reviewClosure(db, actors.admin, { closureId: second, expectedVersion: v2, decision: "RETURN", reason: "材料不全" });
    expect((await notificationsOf(actors.liaison, "CLOSURE_RETURNED")).map((n) => n.params)).toEqual([{ measure: "1.1", department: DEPT, reason: "材料不全" }]);
    expect((await notificationsOf(actors.admin, "CLOSURE_APPLIED")).length).toBe(2);
  });

  it("a refused step tells nobody", async () => {
    const count = await db.notification.count();
    await expect(reopenMeasure(db, actors.admin, { measureId, reason: "没有关闭的措施" })).rejects.toMatchObject({ key: "closureNotClosed" });
    expect(await db.notification.count()).toBe(count);
  });

  it("closing a notice and closing an instruction tell the department, naming the measure", async () => {
    const notice = await issueNotice(db, actors.admin, { measureId: deadlineMeasureId, departmentId: deptId, periodId: null, colour: "BLUE", dueDate: addDays(today, 10), text: "请报送进展" });
    await replyNotice(db, actors.liaison, { noticeId: notice.id, expectedVersion: 1, reply: "已报送" });
    await decideNoticeReply(db, actors.admin, { noticeId: notice.id, expectedVersion: 2, decision: "ACCEPT", reason: "" });
    for (const who of [actors.liaison, actors.head]) expect((await notificationsOf(who, "NOTICE_CLOSED")).map((n) => n.params)).toEqual([{ measure: "1.2", number: notice.number }]);

    const instruction = await addInstruction(db, actors.leader, { measureId: deadlineMeasureId, text: "请抓紧完成", departmentId: deptId, deadline: addDays(today, 5) });
    await replyInstruction(db, actors.liaison, { instructionId: instruction, expectedVersion: 1, reply: "已完成" });
    await decideInstructionReply(db, actors.admin, { instructionId: instruction, expectedVersion: 2, decision: "CLOSE", reason: "" });
    expect((await notificationsOf(actors.liaison, "INSTRUCTION_CLOSED")).map((n) => [n.params, n.link])).toEqual([[{ measure: "1.2" }, `/measures/${deadlineMeasureId}`]]);
  });
});

describe("escalations to the department head and its 分管领导, once per occurrence", () => {
  const escalationsOf = async (who: Actor, kind: string) => (await notificationsOf(who, kind)).map((n) => n.params);

  it("a red 进度 light (a missed deadline) reaches the head and the leader in charge, and no one else; a second scan repeats nothing", async () => {
    const lights = measureProgressOn(await loadPlanHistory(db, planId), today);
    expect(lights.get(deadlineMeasureId)).toMatchObject({ light: "RED", state: "DEADLINE_MISSED" });
    await scanNotifications(db);
    expect(await escalationsOf(actors.head, "ESCALATION_PROGRESS_RED")).toEqual([{ measure: "1.2", department: DEPT }]);
    expect(await escalationsOf(actors.leader, "ESCALATION_PROGRESS_RED")).toEqual([{ measure: "1.2", department: DEPT }]);
    expect(await escalationsOf(actors.leaderElsewhere, "ESCALATION_PROGRESS_RED")).toEqual([]);
    expect(await escalationsOf(actors.liaison, "ESCALATION_PROGRESS_RED")).toEqual([]);
    await scanNotifications(db);
    expect((await notificationsOf(actors.head, "ESCALATION_PROGRESS_RED")).length).toBe(1);
    expect(await db.escalation.count({ where: { subjectId: deadlineMeasureId, closedAt: null } })).toBe(1);
  });

  it("a red notice is told when it is red and unanswered; answered, the occurrence ends; returned, it is told again", async () => {
    const notice = await issueNotice(db, actors.admin, { measureId: deadlineMeasureId, departmentId: deptId, periodId: null, colour: "RED", dueDate: addDays(today, 10), text: "红色督办：请立即整改" });
    await scanNotifications(db);
    await scanNotifications(db);
    const told = await notificationsOf(actors.head, "ESCALATION_NOTICE_RED");
    expect(told.map((n) => [n.params, n.link])).toEqual([[{ measure: "1.2", number: notice.number, department: DEPT, date: addDays(today, 10) }, `/notices/${notice.id}`]]);
    expect((await notificationsOf(actors.leader, "ESCALATION_NOTICE_RED")).length).toBe(1);

    await replyNotice(db, actors.liaison, { noticeId: notice.id, expectedVersion: 1, reply: "已整改" });
    await scanNotifications(db);
    expect(await db.escalation.findMany({ where: { subjectId: notice.id }, select: { closedAt: true } })).toEqual([{ closedAt: expect.any(Date) }]);

    await decideNoticeReply(db, actors.admin, { noticeId: notice.id, expectedVersion: 2, decision: "RETURN", reason: "整改不到位" });
    await scanNotifications(db);
    expect((await notificationsOf(actors.head, "ESCALATION_NOTICE_RED")).length).toBe(2);
    expect(await db.escalation.count({ where: { subjectId: notice.id } })).toBe(2);
  });

  it("an instruction past its deadline without a reply is told the day after the deadline, once", async () => {
    const deadline = addDays(today, 3);
    const id = await addInstruction(db, actors.leader, { measureId: deadlineMeasureId, text: "请三日内报送落实情况", departmentId: deptId, deadline });
    await scanNotifications(db, dayToDate(addDays(deadline, 0)));
    expect(await notificationsOf(actors.head, "ESCALATION_INSTRUCTION_OVERDUE")).toEqual([]);
    const after = new Date(dayToDate(addDays(deadline, 1)).getTime() + 4 * 3600_000);
    await scanNotifications(db, after);
    await scanNotifications(db, after);
    expect(await escalationsOf(actors.head, "ESCALATION_INSTRUCTION_OVERDUE")).toEqual([{ measure: "1.2", department: DEPT, date: deadline }]);
    expect(await escalationsOf(actors.leader, "ESCALATION_INSTRUCTION_OVERDUE")).toEqual([{ measure: "1.2", department: DEPT, date: deadline }]);
    expect(await db.escalation.count({ where: { subjectId: id } })).toBe(1);
    // Every notification the head received names its measure.
    const all = await db.notification.findMany({ where: { userId: actors.head.id } });
    expect(all.length).toBe((await kindsOf(actors.head)).length);
    for (const n of all) expect(n.params).toMatchObject({ measure: expect.stringMatching(/^1\.\d$/) });
  });
});

describe("进度 thresholds as history", () => {
  it("keeps the earlier thresholds with their day: the replay of a day uses those in force then; the change is audited", async () => {
    const history = async () => (await db.planThresholds.findMany({ where: { planId }, orderBy: { effectiveFrom: "asc" } })).map((r) => [r.effectiveFrom.toISOString().slice(0, 10), r.progressYellowPoints, r.progressRedPoints]);
    // The sign-off settings above changed no threshold: no history yet.
    expect(await history()).toEqual([]);
    const changeDay = `${year}-07-01`;
    await setProgressSettings(db, actors.admin, { planId, yellowPoints: 5, redPoints: 15, closureSignoff: true, headSignoff: true }, new Date(`${changeDay}T04:00:00Z`));
    expect(await history()).toEqual([
      [`${year}-01-01`, 10, 30],
      [changeDay, 5, 15],
    ]);
    // The same day again replaces that day's values; the plan holds the current ones.
    await setProgressSettings(db, actors.admin, { planId, yellowPoints: 8, redPoints: 20, closureSignoff: true, headSignoff: true }, new Date(`${changeDay}T09:00:00Z`));
    expect(await history()).toEqual([
      [`${year}-01-01`, 10, 30],
      [changeDay, 8, 20],
    ]);
    expect(await db.plan.findUniqueOrThrow({ where: { id: planId } })).toMatchObject({ progressYellowPoints: 8, progressRedPoints: 20 });
    const input = await loadPlanHistory(db, planId);
    expect(computeDashboard(input, `${year}-06-30`).progressThresholds).toEqual({ yellowPoints: 10, redPoints: 30 });
    expect(computeDashboard(input, changeDay).progressThresholds).toEqual({ yellowPoints: 8, redPoints: 20 });
    const audit = await db.auditEvent.findMany({ where: { entityId: planId, action: "plan.progress_settings" }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.after)).toContainEqual({ progressYellowPoints: 8, progressRedPoints: 20, closureSignoff: true, headSignoff: true });
    // Refused thresholds change nothing.
    await expect(setProgressSettings(db, actors.admin, { planId, yellowPoints: 40, redPoints: 20, closureSignoff: true }, new Date())).rejects.toMatchObject({ key: "progressThresholds" });
    expect((await history()).length).toBe(2);
  });
});
