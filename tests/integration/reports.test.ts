import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { folderStore, type EvidenceStore } from "../../src/features/reports/evidence";
import {
  addInstruction,
  decideExtension,
  requestExtension,
  reviewReport,
  saveReport,
  type SaveReportInput,
} from "../../src/features/reports/mutations";
import type { Actor } from "../../src/lib/permissions";
import { receiveUpload } from "../../src/features/reports/uploads";
import { testDb } from "../support/db";

const db = testDb();
const dir = mkdtempSync(path.join(tmpdir(), "duban-evidence-"));
const store = folderStore(dir);
const limits = { maxBytes: 64 * 1024, maxFiles: 3 };
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);

let liaison: Actor; // 市卫健委, leads measure 6.3
let other: Actor; // 市财政局, does not carry 6.3
let admin: Actor;
let leader: Actor;
let periods: { id: string; dueDate: Date }[];
let measureId: string;

async function actor(loginName: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

const draft = (periodId: string, over: Partial<SaveReportInput> = {}): SaveReportInput => ({
  periodId,
  expectedVersion: 0,
  progress: "IN_PROGRESS",
  workDone: "已召开专题会议，印发工作方案。",
  problems: "",
  nextSteps: "下季度开展专项检查。",
  values: {},
  uploads: [],
  removeAttachmentIds: [],
  submit: false,
  ...over,
});

/** Uploads one file as the upload route does, and returns its reference. */
const upload = async (periodId: string, name: string, bytes: Uint8Array, who: Actor = liaison) =>
  (await receiveUpload(db, store, limits, who, { periodId, name, declaredLength: bytes.byteLength, body: Readable.from([bytes]) })).reference;

const reportOf = (periodId: string, departmentId: string | null) =>
  db.progressReport.findUnique({ where: { periodId_departmentId: { periodId, departmentId: departmentId! } }, include: { attachments: true, revisions: true } });

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  [liaison, other, admin, leader] = await Promise.all([actor("wjw"), actor("czj"), actor("admin"), actor("leader")]);
  // 6.3 (持续推进): 6.5 「2020年底前」 owes nothing until its deadline is confirmed (decision 020); evidence-uploads uses 6.3's first periods.
  const measure = await db.measure.findFirstOrThrow({ where: { number: 3, keyTask: { number: 6 } }, select: { id: true } });
  measureId = measure.id;
  // The last periods of the measure, so other test files (which use the first ones) are not disturbed.
  periods = await db.reportingPeriod.findMany({ where: { measureId, kind: "QUARTER" }, orderBy: { periodEnd: "desc" }, take: 8, select: { id: true, dueDate: true } });
});
afterAll(() => db.$disconnect());

describe("saving and submitting a report", () => {
  it("saves a draft, then refuses a save based on an older version and keeps the newer one", async () => {
    const p = periods[0].id;
    const first = await saveReport(db, store, limits, liaison, draft(p));
    expect(first).toMatchObject({ version: 1, state: "DRAFT" });
    const second = await saveReport(db, store, limits, liaison, draft(p, { expectedVersion: 1, workDone: "第二次保存的内容" }));
    expect(second.version).toBe(2);
    // A second person still holding version 1 tries to save.
    await expect(saveReport(db, store, limits, liaison, draft(p, { expectedVersion: 1, workDone: "会覆盖他人修改的内容" }))).rejects.toMatchObject({
      key: "conflict",
      detail: { current: 2 },
    });
    expect((await reportOf(p, liaison.departmentId))?.workDone).toBe("第二次保存的内容");
  });

  it("makes a submitted report read-only to its department until it is returned", async () => {
    const p = periods[1].id;
    const submitted = await saveReport(db, store, limits, liaison, draft(p, { submit: true, uploads: [await upload(p, "方案.pdf", PDF)] }));
    expect(submitted.state).toBe("SUBMITTED");
    await expect(saveReport(db, store, limits, liaison, draft(p, { expectedVersion: submitted.version }))).rejects.toMatchObject({ key: "locked" });

    await reviewReport(db, admin, { reportId: submitted.reportId, expectedVersion: submitted.version, decision: "RETURN", reason: "请补充会议纪要" });
    const returned = await reportOf(p, liaison.departmentId);
    expect(returned).toMatchObject({ state: "RETURNED", returnReason: "请补充会议纪要" });

    const revised = await saveReport(db, store, limits, liaison, draft(p, { expectedVersion: returned!.version, submit: true, workDone: "已补充会议纪要", uploads: [await upload(p, "纪要.png", PNG)] }));
    const latest = await reportOf(p, liaison.departmentId);
    await reviewReport(db, admin, { reportId: revised.reportId, expectedVersion: latest!.version, decision: "ACCEPT", reason: "" });

    const final = await reportOf(p, liaison.departmentId);
    expect(final?.state).toBe("ACCEPTED");
    expect(final?.revisions.sort((a, b) => a.number - b.number).map((r) => [r.number, r.event])).toEqual([
      [1, "SUBMITTED"],
      [2, "RETURNED"],
      [3, "SUBMITTED"],
      [4, "ACCEPTED"],
    ]);
    // Every version stays readable: the first snapshot still has the first text and file.
    const firstSnapshot = final!.revisions.find((r) => r.number === 1)!.snapshot as { workDone: string; attachments: { originalName: string }[] };
    expect(firstSnapshot.workDone).toBe("已召开专题会议，印发工作方案。");
    expect(firstSnapshot.attachments.map((a) => a.originalName)).toEqual(["方案.pdf"]);
    expect(final!.attachments).toHaveLength(2);
    const trail = await db.auditEvent.findMany({ where: { entityId: submitted.reportId }, orderBy: { id: "asc" } });
    expect(trail.map((e) => e.action)).toEqual(["report.submit", "report.return", "report.submit", "report.accept"]);
  });

  it("refuses to submit without a progress status and work done", async () => {
    await expect(saveReport(db, store, limits, liaison, draft(periods[2].id, { submit: true, progress: null }))).rejects.toMatchObject({ key: "incomplete" });
    await expect(saveReport(db, store, limits, liaison, draft(periods[2].id, { submit: true, workDone: "   " }))).rejects.toMatchObject({ key: "incomplete" });
    expect(await reportOf(periods[2].id, liaison.departmentId)).toBeNull();
  });
});

describe("evidence files", () => {
  const filesInStore = () => readdirSync(dir).length;

  it("refuses a file whose content is not an accepted type, whatever its name", async () => {
    const before = filesInStore();
    const fake = new TextEncoder().encode("<script>alert(1)</script> pretending to be a PDF");
    await expect(upload(periods[3].id, "报告.pdf", fake)).rejects.toMatchObject({ key: "fileType", detail: { name: "报告.pdf" } });
    expect(await reportOf(periods[3].id, liaison.departmentId)).toBeNull();
    expect(filesInStore()).toBe(before);
  });

  it("refuses a file over the size limit and too many files", async () => {
    const big = new Uint8Array(limits.maxBytes + 1);
    big.set(PDF);
    await expect(upload(periods[3].id, "big.pdf", big)).rejects.toMatchObject({ key: "fileSize" });
    const four = await Promise.all(Array.from({ length: 4 }, (_, i) => upload(periods[3].id, `f${i}.pdf`, PDF)));
    await expect(saveReport(db, store, limits, liaison, draft(periods[3].id, { uploads: four }))).rejects.toMatchObject({ key: "tooManyFiles" });
    expect(await reportOf(periods[3].id, liaison.departmentId)).toBeNull();
  });

  it("saves nothing when the database fails halfway, and the upload can be attached on the next try", async () => {
    const indicator = await db.indicator.create({
      data: { measureId, key: `test-${Date.now()}`, name: "测试指标", unit: "人", comparison: "GTE", target: 1, period: "YEAR", sourceText: "test" },
    });
    const reference = await upload(periods[4].id, "a.pdf", PDF);
    const before = readdirSync(dir).sort();
    // 10^15 does not fit NUMERIC(14,2): the insert fails inside the transaction.
    await expect(saveReport(db, store, limits, liaison, draft(periods[4].id, { values: { [indicator.id]: 1e15 }, uploads: [reference] }))).rejects.toThrow();
    expect(await reportOf(periods[4].id, liaison.departmentId)).toBeNull();
    expect(readdirSync(dir).sort()).toEqual(before);
    await saveReport(db, store, limits, liaison, draft(periods[4].id, { uploads: [reference] }));
    expect((await reportOf(periods[4].id, liaison.departmentId))!.attachments.map((a) => a.storedName)).toEqual([reference]);
    await db.indicator.delete({ where: { id: indicator.id } });
  });

  it("keeps the file of a removed attachment, because earlier versions cite it", async () => {
    const p = periods[5].id;
    const saved = await saveReport(db, store, limits, liaison, draft(p, { uploads: [await upload(p, "a.pdf", PDF)] }));
    const attachment = (await reportOf(p, liaison.departmentId))!.attachments[0];
    await saveReport(db, store, limits, liaison, draft(p, { expectedVersion: saved.version, removeAttachmentIds: [attachment.id] }));
    const after = await db.attachment.findUniqueOrThrow({ where: { id: attachment.id } });
    expect(after.removedAt).not.toBeNull();
    expect(readdirSync(dir)).toContain(after.storedName);
  });
});

describe("forged and foreign ids", () => {
  it("refuses a liaison whose department does not carry the measure, and changes nothing", async () => {
    const auditBefore = await db.auditEvent.count();
    await expect(saveReport(db, store, limits, other, draft(periods[6].id))).rejects.toMatchObject({ namespace: "authz", key: "notYours" });
    await expect(requestExtension(db, other, { periodId: periods[6].id, requestedDueDate: "2030-01-01", reason: "x" })).rejects.toMatchObject({ namespace: "authz", key: "notYours" });
    expect(await db.progressReport.count({ where: { periodId: periods[6].id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("refuses an unknown period, an indicator of another measure, and roles that do not report", async () => {
    await expect(saveReport(db, store, limits, liaison, draft("forged-period-id"))).rejects.toMatchObject({ key: "notFound" });
    const foreign = await db.indicator.findFirstOrThrow({ where: { measureId: { not: measureId } } });
    await expect(saveReport(db, store, limits, liaison, draft(periods[6].id, { values: { [foreign.id]: 5 } }))).rejects.toMatchObject({ key: "unknownIndicator" });
    await expect(saveReport(db, store, limits, admin, draft(periods[6].id))).rejects.toMatchObject({ key: "forbidden" });
    await expect(reviewReport(db, liaison, { reportId: "x", expectedVersion: 1, decision: "ACCEPT", reason: "" })).rejects.toMatchObject({ key: "forbidden" });
    await expect(addInstruction(db, admin, { measureId, text: "x" })).rejects.toMatchObject({ key: "forbidden" });
  });
});

describe("extensions and instructions", () => {
  it("moves the department's own due date on approval and keeps the original one", async () => {
    const period = periods[7];
    const original = period.dueDate.toISOString().slice(0, 10);
    await expect(requestExtension(db, liaison, { periodId: period.id, requestedDueDate: original, reason: "x" })).rejects.toMatchObject({ key: "extensionDate" });
    const id = await requestExtension(db, liaison, { periodId: period.id, requestedDueDate: "2026-06-30", reason: "等待省厅文件" });
    await expect(requestExtension(db, liaison, { periodId: period.id, requestedDueDate: "2026-07-30", reason: "x" })).rejects.toMatchObject({ key: "extensionPending" });
    await decideExtension(db, admin, { extensionId: id, approve: true, note: "同意" });
    await expect(decideExtension(db, admin, { extensionId: id, approve: false, note: "" })).rejects.toMatchObject({ key: "extensionAlreadyDecided" });
    const after = await db.reportingPeriod.findUniqueOrThrow({ where: { id: period.id } });
    const own = await db.departmentDueDate.findUniqueOrThrow({ where: { periodId_departmentId: { periodId: period.id, departmentId: liaison.departmentId! } } });
    expect(own.dueDate.toISOString().slice(0, 10)).toBe("2026-06-30");
    // The period's date (every other department's) stays.
    expect(after.dueDate.toISOString().slice(0, 10)).toBe(original);
    expect(after.originalDueDate.toISOString().slice(0, 10)).toBe(original);
  });

  it("lets a leader write an instruction, recorded in the audit trail", async () => {
    const id = await addInstruction(db, leader, { measureId, text: "请市卫健委加快推进。" });
    expect((await db.leaderInstruction.findUniqueOrThrow({ where: { id } })).text).toBe("请市卫健委加快推进。");
    expect(await db.auditEvent.count({ where: { entityId: id, action: "instruction.create" } })).toBe(1);
  });
});

describe("two people saving the same draft at once", () => {
  it("lets exactly one of them win", async () => {
    // A quarter between the ones evidence-uploads uses (the first six) and the ones above (the last eight).
    const p = (await db.reportingPeriod.findFirstOrThrow({ where: { measureId }, orderBy: { periodEnd: "asc" }, skip: 8 })).id;
    const results = await Promise.allSettled([
      saveReport(db, store as EvidenceStore, limits, liaison, draft(p, { workDone: "甲的内容" })),
      saveReport(db, store, limits, liaison, draft(p, { workDone: "乙的内容" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason.key)).toEqual(["conflict"]);
    expect(await db.progressReport.count({ where: { periodId: p } })).toBe(1);
  });
});
