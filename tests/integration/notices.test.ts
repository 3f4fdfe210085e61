/**
 * 督办单 and the leader-instruction loop, against a real database: each step's permissions, its
 * audit row (in the step's transaction), its notifications (in the same transaction: there at
 * once, no scan), the notice numbers under concurrency, and the counts the 通报 reads.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { decideNoticeReply, issueNotice, replyNotice, signNotice, type IssueNoticeInput } from "../../src/features/notices/mutations";
import { noticeCountsByDepartment } from "../../src/features/notices/facts";
import { addInstruction, assignInstruction, decideInstructionReply, replyInstruction } from "../../src/features/instructions/mutations";
import { openNotification } from "../../src/features/notifications/mutations";
import { decideExtension, requestExtension, reviewReport, saveReport } from "../../src/features/reports/mutations";
import { folderStore } from "../../src/features/reports/evidence";
import type { Actor } from "../../src/lib/permissions";
import { addDays } from "../../src/lib/periods";
import { todayInChina } from "../../src/lib/due";
import { testDb } from "../support/db";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const db = testDb();
const PLAN = "hs-gsyf-2021-2025";
const today = todayInChina();
const year = Number(today.slice(0, 4));

let admin: Actor;
let leader: Actor;
let wjw: Actor; // 市卫健委: leads measure 6.3
let czj: Actor; // 市财政局: does not carry 6.3
let measureId: string;
let measureNo: string;
let wjwId: string;
let czjId: string;

async function actor(loginName: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

/** The department's active liaisons (other files of the run may have added some), sorted by id. */
const liaisonsOf = async (departmentId: string) =>
  (await db.user.findMany({ where: { departmentId, role: "LIAISON", active: true }, select: { id: true }, orderBy: { id: "asc" } })).map((u) => u.id);

const lastAuditId = async () => (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0n;
const auditSince = async (id: bigint) =>
  (await db.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((e) => [e.action, e.entityType, e.entityId, e.actorId]);

const notice = (over: Partial<IssueNoticeInput> = {}): IssueNoticeInput => ({
  measureId,
  departmentId: wjwId,
  periodId: null,
  colour: "RED",
  dueDate: addDays(today, 10),
  text: "你单位尘肺病通报工作进度滞后，请于时限内报送整改情况。",
  ...over,
});

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  [admin, leader, wjw, czj] = await Promise.all([actor("admin"), actor("leader"), actor("wjw"), actor("czj")]);
  // 6.3 (持续推进, quarterly): 6.5, the department's only measure of its own, owes nothing until its 2020 deadline is confirmed (decision 020).
  const measure = await db.measure.findFirstOrThrow({ where: { number: 3, keyTask: { number: 6, plan: { code: PLAN } } }, include: { departments: true } });
  measureId = measure.id;
  measureNo = "6.3";
  wjwId = wjw.departmentId!;
  czjId = czj.departmentId!;
  expect(measure.departments.filter((d) => d.isLead).map((d) => d.departmentId)).toEqual([wjwId]);
  expect(measure.departments.map((d) => d.departmentId)).not.toContain(czjId);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("督办单: issue, sign, reply, return, close", () => {
  it("the bureau issues a numbered red notice; the department's liaisons are told at once; audited in the same transaction", async () => {
    const mark = await lastAuditId();
    const { _max } = await db.supervisionNotice.aggregate({ where: { year }, _max: { serial: true } });
    const issued = await issueNotice(db, admin, notice());
    expect(issued.number).toBe(`督〔${year}〕${(_max.serial ?? 0) + 1}号`);
    const row = await db.supervisionNotice.findUniqueOrThrow({ where: { id: issued.id } });
    expect(row).toMatchObject({ state: "ISSUED", colour: "RED", departmentId: wjwId, issuedById: admin.id, version: 1 });
    expect(await auditSince(mark)).toEqual([["notice.issue", "SupervisionNotice", issued.id, admin.id]]);
    const told = await db.notification.findMany({ where: { dedupeKey: `notice:${issued.id}:issued` } });
    expect(told.map((n) => n.userId).sort()).toEqual(await liaisonsOf(wjwId));
    expect(told[0]).toMatchObject({ kind: "NOTICE_ISSUED", link: `/notices/${issued.id}`, params: { measure: measureNo, number: issued.number, date: addDays(today, 10) } });
  });

  it("refuses anyone but the bureau, a department that does not carry the measure, a period of another measure and a limit in the past; nothing is written", async () => {
    const mark = await lastAuditId();
    const count = await db.supervisionNotice.count();
    await expect(issueNotice(db, leader, notice())).rejects.toMatchObject({ namespace: "authz", key: "forbidden" });
    await expect(issueNotice(db, wjw, notice())).rejects.toMatchObject({ namespace: "authz", key: "forbidden" });
    await expect(issueNotice(db, admin, notice({ departmentId: czjId }))).rejects.toMatchObject({ namespace: "notices", key: "departmentNotOnMeasure" });
    const foreignPeriod = await db.reportingPeriod.findFirstOrThrow({ where: { measureId: { not: measureId } } });
    await expect(issueNotice(db, admin, notice({ periodId: foreignPeriod.id }))).rejects.toMatchObject({ key: "periodNotOnMeasure" });
    await expect(issueNotice(db, admin, notice({ dueDate: addDays(today, -1) }))).rejects.toMatchObject({ key: "dueDatePast" });
    expect(await db.supervisionNotice.count()).toBe(count);
    expect(await lastAuditId()).toBe(mark);
  });

  it("two notices issued at the same moment never get the same number", async () => {
    const { _max } = await db.supervisionNotice.aggregate({ where: { year }, _max: { serial: true } });
    const issued = await Promise.all(Array.from({ length: 6 }, (_, i) => issueNotice(db, admin, notice({ colour: "BLUE", text: `并发下发第 ${i + 1} 份` }))));
    const serials = (await db.supervisionNotice.findMany({ where: { id: { in: issued.map((n) => n.id) } }, select: { serial: true } })).map((n) => n.serial).sort((a, b) => a - b);
    const first = (_max.serial ?? 0) + 1;
    expect(serials).toEqual([first, first + 1, first + 2, first + 3, first + 4, first + 5]);
    expect(new Set(issued.map((n) => n.number)).size).toBe(6);
  });

  it("the department signs (timed) and replies; the bureau returns the reply with a reason, the department replies again, the bureau closes it", async () => {
    const { id } = await issueNotice(db, admin, notice({ colour: "YELLOW" }));
    const mark = await lastAuditId();
    // Another department's liaison, a leader and the bureau cannot sign or reply for 市卫健委.
    await expect(signNotice(db, czj, { noticeId: id, expectedVersion: 1 })).rejects.toMatchObject({ namespace: "authz", key: "notYours" });
    await expect(signNotice(db, leader, { noticeId: id, expectedVersion: 1 })).rejects.toMatchObject({ key: "forbidden" });
    await expect(replyNotice(db, admin, { noticeId: id, expectedVersion: 1, reply: "代答" })).rejects.toMatchObject({ key: "forbidden" });
    expect(await lastAuditId()).toBe(mark);

    const signedAt = new Date();
    await signNotice(db, wjw, { noticeId: id, expectedVersion: 1 }, signedAt);
    expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "SIGNED", signedById: wjw.id, signedAt, version: 2 });
    // Signing twice, or from a stale page, is refused.
    await expect(signNotice(db, wjw, { noticeId: id, expectedVersion: 2 })).rejects.toMatchObject({ key: "notIssued" });

    await expect(replyNotice(db, wjw, { noticeId: id, expectedVersion: 1, reply: "旧页面" })).rejects.toMatchObject({ key: "conflict" });
    await replyNotice(db, wjw, { noticeId: id, expectedVersion: 2, reply: "已约谈3家企业，整改报告已上报。" });
    const bureau = await db.notification.findMany({ where: { dedupeKey: `notice:${id}:replied:3` }, include: { user: true } });
    expect(bureau.length).toBeGreaterThan(0);
    expect(bureau.every((n) => n.user.role === "ADMIN" && n.kind === "NOTICE_REPLIED")).toBe(true);

    await expect(decideNoticeReply(db, wjw, { noticeId: id, expectedVersion: 3, decision: "ACCEPT", reason: "" })).rejects.toMatchObject({ key: "forbidden" });
    await expect(decideNoticeReply(db, admin, { noticeId: id, expectedVersion: 3, decision: "RETURN", reason: " " })).rejects.toMatchObject({ key: "reasonRequired" });
    await decideNoticeReply(db, admin, { noticeId: id, expectedVersion: 3, decision: "RETURN", reason: "请附整改台账" });
    expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "SIGNED", returnReason: "请附整改台账", version: 4 });
    const returned = await db.notification.findMany({ where: { dedupeKey: `notice:${id}:returned:4` } });
    expect(returned.map((n) => [n.userId, n.kind, (n.params as { reason: string }).reason]).sort()).toEqual((await liaisonsOf(wjwId)).map((id) => [id, "NOTICE_RETURNED", "请附整改台账"]));

    await replyNotice(db, wjw, { noticeId: id, expectedVersion: 4, reply: "已补充整改台账。" });
    await decideNoticeReply(db, admin, { noticeId: id, expectedVersion: 5, decision: "ACCEPT", reason: "" });
    expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "CLOSED", closedById: admin.id, reply: "已补充整改台账。", version: 6 });
    await expect(replyNotice(db, wjw, { noticeId: id, expectedVersion: 6, reply: "再答" })).rejects.toMatchObject({ key: "notSigned" });

    expect((await auditSince(mark)).map((e) => [e[0], e[3]])).toEqual([
      ["notice.sign", wjw.id],
      ["notice.reply", wjw.id],
      ["notice.return", admin.id],
      ["notice.reply", wjw.id],
      ["notice.close", admin.id],
    ]);
  });

  it("counts per department and quarter: issued, red (issued so or escalated), overdue and unanswered", async () => {
    const quarter = { from: `${year}-01-01`, to: `${year}-12-31` };
    const before = (await noticeCountsByDepartment(db, quarter, today)).get(wjwId) ?? { issued: 0, red: 0, yellow: 0, overdueUnanswered: 0 };
    // A blue notice whose limit passed ten days ago, unanswered: red by now and overdue.
    const { id } = await issueNotice(db, admin, notice({ colour: "BLUE" }));
    await db.supervisionNotice.update({ where: { id }, data: { dueDate: new Date(`${addDays(today, -10)}T00:00:00Z`) } });
    const plan = await db.plan.findUniqueOrThrow({ where: { code: PLAN } });
    const after = (await noticeCountsByDepartment(db, quarter, today, plan.id)).get(wjwId)!;
    expect(after).toEqual({ issued: before.issued + 1, red: before.red + 1, yellow: before.yellow, overdueUnanswered: before.overdueUnanswered + 1 });
    expect((await noticeCountsByDepartment(db, quarter, today, "no-such-plan")).size).toBe(0);
  });
});

describe("领导批示 as a loop: assign, report, close or send back", () => {
  it("a leader assigns an instruction to a department that does not carry the measure; it is told at once and may read and answer it", async () => {
    const mark = await lastAuditId();
    const deadline = addDays(today, 14);
    const id = await addInstruction(db, leader, { measureId, text: "请财政局保障尘肺病筛查经费。", departmentId: czjId, deadline });
    expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "ASSIGNED", departmentId: czjId, assignedById: leader.id });
    expect(await auditSince(mark)).toEqual([["instruction.create", "LeaderInstruction", id, leader.id]]);
    const told = await db.notification.findMany({ where: { dedupeKey: `instruction:${id}:assigned:1` } });
    expect(told.map((n) => [n.userId, n.kind, n.params])).toEqual([[czj.id, "INSTRUCTION_ASSIGNED", { measure: measureNo, date: deadline }]]);

    // 市卫健委 carries the measure but the instruction is not theirs to answer.
    await expect(replyInstruction(db, wjw, { instructionId: id, expectedVersion: 1, reply: "代答" })).rejects.toMatchObject({ namespace: "authz", key: "notYours" });
    await replyInstruction(db, czj, { instructionId: id, expectedVersion: 1, reply: "已安排专项经费80万元。" });
    const toLeader = await db.notification.findMany({ where: { dedupeKey: `instruction:${id}:replied:2` } });
    expect(toLeader.map((n) => [n.userId, n.kind])).toEqual([[leader.id, "INSTRUCTION_REPLIED"]]);

    // Sent back by the bureau, answered again, closed by the leader.
    await expect(decideInstructionReply(db, czj, { instructionId: id, expectedVersion: 2, decision: "CLOSE", reason: "" })).rejects.toMatchObject({ key: "forbidden" });
    await decideInstructionReply(db, admin, { instructionId: id, expectedVersion: 2, decision: "RETURN", reason: "请说明资金拨付时间" });
    expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "ASSIGNED", returnReason: "请说明资金拨付时间" });
    expect(await db.notification.count({ where: { userId: czj.id, kind: "INSTRUCTION_RETURNED", dedupeKey: `instruction:${id}:returned:3` } })).toBe(1);
    await replyInstruction(db, czj, { instructionId: id, expectedVersion: 3, reply: "经费已于本月拨付。" });
    await decideInstructionReply(db, leader, { instructionId: id, expectedVersion: 4, decision: "CLOSE", reason: "" });
    expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "CLOSED", closedById: leader.id, reply: "经费已于本月拨付。" });
    expect((await auditSince(mark)).map((e) => [e[0], e[3]])).toEqual([
      ["instruction.create", leader.id],
      ["instruction.reply", czj.id],
      ["instruction.return", admin.id],
      ["instruction.reply", czj.id],
      ["instruction.close", leader.id],
    ]);
  });

  it("an instruction without a deadline waits to be assigned (待交办); the bureau assigns it; nobody can report on it before", async () => {
    const id = await addInstruction(db, leader, { measureId, text: "请牵头单位研究提出措施。" });
    expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "PENDING", departmentId: wjwId, deadline: null });
    await expect(replyInstruction(db, wjw, { instructionId: id, expectedVersion: 1, reply: "先答" })).rejects.toMatchObject({ key: "notAssigned" });
    await expect(assignInstruction(db, wjw, { instructionId: id, expectedVersion: 1, departmentId: wjwId, deadline: addDays(today, 5) })).rejects.toMatchObject({ key: "forbidden" });
    await expect(assignInstruction(db, admin, { instructionId: id, expectedVersion: 1, departmentId: wjwId, deadline: addDays(today, -1) })).rejects.toMatchObject({ key: "deadlinePast" });
    const mark = await lastAuditId();
    await assignInstruction(db, admin, { instructionId: id, expectedVersion: 1, departmentId: wjwId, deadline: addDays(today, 5) });
    expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "ASSIGNED", assignedById: admin.id, version: 2 });
    expect(await auditSince(mark)).toEqual([["instruction.assign", "LeaderInstruction", id, admin.id]]);
    expect(await db.notification.count({ where: { userId: wjw.id, kind: "INSTRUCTION_ASSIGNED", dedupeKey: `instruction:${id}:assigned:2` } })).toBe(1);
  });
});

describe("event notifications in the event's transaction", () => {
  it("a report returned, resubmitted and returned again notifies twice, at once, without any scan; the text names the measure", async () => {
    const store = folderStore(mkdtempSync(path.join(tmpdir(), "duban-notice-")));
    const limits = { maxBytes: 1024, maxFiles: 1 };
    // The earliest free quarter: reports.test writes on the measure's last ones.
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { measureId, kind: "QUARTER", reports: { none: {} }, extensions: { none: {} } }, orderBy: { dueDate: "asc" } });
    const submit = async (expectedVersion: number) => {
      const saved = await saveReport(db, store, limits, wjw, { periodId: period.id, expectedVersion, progress: "IN_PROGRESS", workDone: "已通报", problems: "", nextSteps: "", values: {}, uploads: [], removeAttachmentIds: [], submit: true });
      return saved;
    };
    const first = await submit(0);
    await reviewReport(db, admin, { reportId: first.reportId, expectedVersion: first.version, decision: "RETURN", reason: "缺少数据" });
    const second = await submit(first.version + 1);
    await reviewReport(db, admin, { reportId: second.reportId, expectedVersion: second.version, decision: "RETURN", reason: "仍缺少数据" });
    const notes = await db.notification.findMany({ where: { userId: wjw.id, kind: "RETURNED", dedupeKey: { startsWith: `returned:${first.reportId}:` } }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.params)).toEqual([
      { measure: measureNo, reason: "缺少数据" },
      { measure: measureNo, reason: "仍缺少数据" },
    ]);
    // A refused review (a stale version) writes no notification.
    const count = await db.notification.count();
    await expect(reviewReport(db, admin, { reportId: first.reportId, expectedVersion: 1, decision: "RETURN", reason: "x" })).rejects.toBeTruthy();
    expect(await db.notification.count()).toBe(count);
  });

  it("an extension decision tells the requester at once, naming the measure", async () => {
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { measureId, kind: "QUARTER", reports: { none: {} }, extensions: { none: {} } }, orderBy: { dueDate: "asc" } });
    const requested = addDays(period.dueDate.toISOString().slice(0, 10), 20);
    const extensionId = await requestExtension(db, wjw, { periodId: period.id, requestedDueDate: requested, reason: "等待省级数据" });
    await decideExtension(db, admin, { extensionId, approve: true, note: "" });
    const note = await db.notification.findUniqueOrThrow({ where: { userId_dedupeKey: { userId: wjw.id, dedupeKey: `extension:${extensionId}` } } });
    expect(note).toMatchObject({ kind: "EXTENSION_DECIDED", params: { measure: measureNo, state: "APPROVED", date: requested }, link: `/reports/${period.id}` });
  });

  it("opening a notification marks it read, once, audited; another user's answers like none", async () => {
    const note = await db.notification.findFirstOrThrow({ where: { userId: wjw.id, readAt: null } });
    const mark = await lastAuditId();
    expect(await openNotification(db, czj, note.id)).toBeNull();
    expect(await lastAuditId()).toBe(mark);
    expect(await openNotification(db, wjw, note.id)).toBe(note.link);
    expect((await db.notification.findUniqueOrThrow({ where: { id: note.id } })).readAt).not.toBeNull();
    expect(await auditSince(mark)).toEqual([["notification.read", "Notification", note.id, wjw.id]]);
    expect(await openNotification(db, wjw, note.id)).toBe(note.link);
    expect(await auditSince(mark)).toHaveLength(1);
  });
});
