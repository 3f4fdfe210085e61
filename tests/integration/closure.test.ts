import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { assignmentFacts, computeDashboard } from "../../src/features/dashboard/compute";
import { folderStore } from "../../src/features/reports/evidence";
import { applyClosure, receiveClosureUpload, reopenMeasure, reviewClosure, setNormalized, setProgressSettings, signoffClosure } from "../../src/features/closure/mutations";
import { scanNotifications } from "../../src/features/notifications/scan";
import { todayInChina } from "../../src/lib/due";
import { Forbidden, type Actor } from "../../src/lib/permissions";
import { testDb } from "../support/db";

const db = testDb();
vi.mock("@/server/db", () => ({ db }));
const { loadDashboardInput } = await import("../../src/features/dashboard/queries");
const { getWorklist } = await import("../../src/features/reports/queries");

const suffix = Date.now().toString(36);
const LEAD = `销号甲${suffix}`;
const SUPPORT = `销号乙${suffix}`;
// The plan runs this year and next, so that this year's quarters are owed (or overdue) today.
const year = Number(todayInChina().slice(0, 4));
const plan = {
  plan: { code: `closure-${suffix}`, title: "销号测试计划", issuer: "测试", startYear: year, endYear: year + 1 },
  departments: [
    { shortName: LEAD, fullName: `${LEAD}全称`, aliases: [], sortOrder: 201 },
    { shortName: SUPPORT, fullName: `${SUPPORT}全称`, aliases: [], sortOrder: 202 },
  ],
  keyTasks: [
    {
      number: 1,
      title: "任务一",
      measures: [
        { number: 1, text: "按季度推进的措施。", departmentsText: `${LEAD}牵头，${SUPPORT}配合`, timeArrangement: "每季度" },
        { number: 2, text: "长期坚持的措施。", departmentsText: `${LEAD}牵头`, timeArrangement: "持续推进" },
      ],
    },
  ],
};
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
const limits = { maxBytes: 5 * 1024 * 1024, maxFiles: 10 };

let dir = "";
let planId = "";
let measureId = "";
let ongoingId = "";
let leadDept = "";
const actors = {} as Record<"lead" | "support" | "admin" | "leader", Actor>;

async function user(role: "ADMIN" | "LIAISON" | "LEADER", departmentId: string | null, name: string): Promise<Actor> {
  const u = await db.user.create({ data: { loginName: `${name}-${suffix}`, displayName: name, role, departmentId, passwordHash: "unused" } });
  return { id: u.id, loginName: u.loginName, role, departmentId, ip: "127.0.0.1" };
}

/** Audit rows about one closure (or measure), oldest first, as [action, actorId]. */
async function auditOf(entityId: string) {
  const rows = await db.auditEvent.findMany({ where: { entityId }, orderBy: { id: "asc" } });
  return rows.map((r) => [r.action, r.actorId]);
}

/** A closure application by the lead department's liaison, with one evidence file. */
async function apply(summary: string) {
  const store = folderStore(dir);
  const upload = await receiveClosureUpload(db, store, limits, actors.lead, { measureId, name: "办结报告.pdf", declaredLength: PDF.byteLength, body: Readable.from([PDF]) });
  return applyClosure(db, store, limits, actors.lead, { measureId, summary, uploads: [upload.reference] });
}

const owes = async () => (await getWorklist(actors.lead, leadDept, todayInChina(), "zh-CN")).filter((w) => w.measureId === measureId).length;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-closure-"));
  await seedPlan(db, plan);
  planId = (await db.plan.findUniqueOrThrow({ where: { code: plan.plan.code } })).id;
  measureId = (await db.measure.findFirstOrThrow({ where: { number: 1, keyTask: { planId } } })).id;
  ongoingId = (await db.measure.findFirstOrThrow({ where: { number: 2, keyTask: { planId } } })).id;
  leadDept = (await db.department.findUniqueOrThrow({ where: { shortName: LEAD } })).id;
  const supportDept = (await db.department.findUniqueOrThrow({ where: { shortName: SUPPORT } })).id;
  actors.lead = await user("LIAISON", leadDept, "lead");
  actors.support = await user("LIAISON", supportDept, "support");
  actors.admin = await user("ADMIN", null, "admin");
  actors.leader = await user("LEADER", null, "leader");
});
afterAll(async () => {
  await db.plan.delete({ where: { id: planId } }).catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("办结销号: apply, review, close, reopen", () => {
  it("lets only the lead department's liaison apply, and records it with its evidence in one audited step", async () => {
    const store = folderStore(dir);
    for (const who of [actors.support, actors.admin, actors.leader]) {
      await expect(applyClosure(db, store, limits, who, { measureId, summary: "已完成", uploads: [] })).rejects.toBeInstanceOf(Forbidden);
      await expect(receiveClosureUpload(db, store, limits, who, { measureId, name: "a.pdf", declaredLength: PDF.byteLength, body: Readable.from([PDF]) })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(applyClosure(db, store, limits, actors.lead, { measureId, summary: "  ", uploads: [] })).rejects.toMatchObject({ key: "closureSummaryRequired" });
    expect(await db.measureClosure.count({ where: { measureId } })).toBe(0);

    const id = await apply("各项工作均已完成。");
    const closure = await db.measureClosure.findUniqueOrThrow({ where: { id }, include: { evidence: true } });
    expect(closure).toMatchObject({ state: "SUBMITTED", departmentId: leadDept, appliedById: actors.lead.id, summary: "各项工作均已完成。" });
    expect(closure.evidence.map((e) => [e.originalName, e.mimeType])).toEqual([["办结报告.pdf", "application/pdf"]]);
    expect(await auditOf(id)).toEqual([["closure.apply", actors.lead.id]]);
    // A second application while one is pending is refused.
    await expect(apply("再次申请")).rejects.toMatchObject({ key: "closureAlreadyOpen" });
  });

  it("lets only the bureau review: a return needs a reason; acceptance closes the measure, which then owes nothing", async () => {
    const pending = await db.measureClosure.findFirstOrThrow({ where: { measureId, state: "SUBMITTED" } });
    for (const who of [actors.lead, actors.support, actors.leader]) {
      await expect(reviewClosure(db, who, { closureId: pending.id, expectedVersion: pending.version, decision: "ACCEPT", reason: "" })).rejects.toBeInstanceOf(Forbidden);
    }
    await expect(reviewClosure(db, actors.admin, { closureId: pending.id, expectedVersion: pending.version, decision: "RETURN", reason: " " })).rejects.toMatchObject({ key: "reasonRequired" });
    expect(await reviewClosure(db, actors.admin, { closureId: pending.id, expectedVersion: pending.version, decision: "RETURN", reason: "佐证材料不全" })).toBe("RETURNED");
    expect(await db.measureClosure.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ state: "RETURNED", returnReason: "佐证材料不全", reviewedById: actors.admin.id });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measureId } })).closedAt).toBeNull();

    // Before closing: this year's begun quarters are owed, and some are overdue in the overview.
    expect(await owes()).toBeGreaterThan(0);
    const today = todayInChina();
    const before = computeDashboard(await loadDashboardInput(planId), today);
    expect(before.measures.find((m) => m.measureId === measureId)?.progress?.state).not.toBe("CLOSED");

    const again = await apply("补充材料后再次申请。");
    const v = (await db.measureClosure.findUniqueOrThrow({ where: { id: again } })).version;
    await expect(reviewClosure(db, actors.admin, { closureId: again, expectedVersion: v + 5, decision: "ACCEPT", reason: "" })).rejects.toMatchObject({ key: "closureConflict" });
    expect(await reviewClosure(db, actors.admin, { closureId: again, expectedVersion: v, decision: "ACCEPT", reason: "" })).toBe("CLOSED");
    const measure = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    expect(measure.closedAt).not.toBeNull();
    expect(await auditOf(again)).toEqual([
      ["closure.apply", actors.lead.id],
      ["closure.accept", actors.admin.id],
    ]);

    // Owes nothing more: not in the worklist, nothing overdue in the overview, no reminder from the scan.
    expect(await owes()).toBe(0);
    const after = computeDashboard(await loadDashboardInput(planId), today);
    const row = after.measures.find((m) => m.measureId === measureId)!;
    expect(row.progress).toMatchObject({ state: "CLOSED", light: "GREEN", closedOn: today });
    expect(row.light).toBe("GREEN");
    expect(after.overdue.filter((o) => o.measureId === measureId)).toEqual([]);
    const q3due = `${year}-10-10`;
    await scanNotifications(db, new Date(`${year}-10-12T02:00:00Z`));
    const notices = await db.notification.findMany({ where: { userId: actors.lead.id } });
    const periodIds = (await db.reportingPeriod.findMany({ where: { measureId }, select: { id: true } })).map((p) => p.id);
    expect(notices.filter((n) => periodIds.some((id) => n.dedupeKey.includes(id)))).toEqual([]);
    // The other measure, still open, is reminded as before.
    expect(notices.some((n) => n.dedupeKey.includes(q3due))).toBe(true);
    // Replayed as of the day before it closed, it was still owing.
    const dayBefore = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    expect(computeDashboard(await loadDashboardInput(planId), dayBefore).measures.find((m) => m.measureId === measureId)?.progress?.state).not.toBe("CLOSED");
  });

  it("reopens a closed measure only with a reason, by the bureau; it owes its periods again", async () => {
    await expect(reopenMeasure(db, actors.lead, { measureId, reason: "发现问题" })).rejects.toBeInstanceOf(Forbidden);
    await expect(reopenMeasure(db, actors.admin, { measureId, reason: "" })).rejects.toMatchObject({ key: "reasonRequired" });
    await reopenMeasure(db, actors.admin, { measureId, reason: "督查发现整改未到位" });
    const closure = await db.measureClosure.findFirstOrThrow({ where: { measureId, state: "REOPENED" } });
    expect(closure).toMatchObject({ reopenReason: "督查发现整改未到位", reopenedById: actors.admin.id });
    expect((await db.measure.findUniqueOrThrow({ where: { id: measureId } })).closedAt).toBeNull();
    expect((await auditOf(closure.id)).at(-1)).toEqual(["closure.reopen", actors.admin.id]);
    expect(await owes()).toBeGreaterThan(0);
    await expect(reopenMeasure(db, actors.admin, { measureId, reason: "再次" })).rejects.toMatchObject({ key: "closureNotClosed" });
  });

  it("waits for a leader's sign-off when the plan asks for one", async () => {
    await expect(setProgressSettings(db, actors.lead, { planId, yellowPoints: 10, redPoints: 30, closureSignoff: true })).rejects.toBeInstanceOf(Forbidden);
    await expect(setProgressSettings(db, actors.admin, { planId, yellowPoints: 40, redPoints: 30, closureSignoff: true })).rejects.toMatchObject({ key: "progressThresholds" });
    await setProgressSettings(db, actors.admin, { planId, yellowPoints: 10, redPoints: 30, closureSignoff: true });
    expect((await auditOf(planId)).at(-1)).toEqual(["plan.progress_settings", actors.admin.id]);

    const id = await apply("再次办结。");
    expect(await reviewClosure(db, actors.admin, { closureId: id, expectedVersion: 1, decision: "ACCEPT", reason: "" })).toBe("AWAITING_SIGNOFF");
    expect((await db.measure.findUniqueOrThrow({ where: { id: measureId } })).closedAt).toBeNull();
    expect(await owes()).toBeGreaterThan(0);
    await expect(signoffClosure(db, actors.admin, { closureId: id, expectedVersion: 2, decision: "ACCEPT", reason: "" })).rejects.toBeInstanceOf(Forbidden);
    expect(await signoffClosure(db, actors.leader, { closureId: id, expectedVersion: 2, decision: "ACCEPT", reason: "" })).toBe("CLOSED");
    expect(await auditOf(id)).toEqual([
      ["closure.apply", actors.lead.id],
      ["closure.accept", actors.admin.id],
      ["closure.signoff", actors.leader.id],
    ]);
    expect(await owes()).toBe(0);
  });
});

describe("常态化", () => {
  it("only an ongoing measure; from then on only each year's last quarter is owed", async () => {
    await expect(setNormalized(db, actors.admin, { measureId, normalized: true })).rejects.toMatchObject({ key: "closureNormalizeKind" });
    await expect(setNormalized(db, actors.lead, { measureId: ongoingId, normalized: true })).rejects.toBeInstanceOf(Forbidden);
    await setNormalized(db, actors.admin, { measureId: ongoingId, normalized: true });
    expect((await auditOf(ongoingId)).at(-1)).toEqual(["measure.normalize", actors.admin.id]);
    // Next year's first three quarters are not owed (nor overdue) by a 常态化 measure; its fourth quarter is.
    const input = await loadDashboardInput(planId);
    const nextYear = input.histories.filter((h) => h.measureId === ongoingId && h.kind === "QUARTER" && h.periodEnd.startsWith(`${year + 1}`));
    expect(nextYear.map((h) => h.periodEnd.slice(5))).toEqual(["03-31", "06-30", "09-30", "12-31"]);
    const later = `${year + 2}-01-20`;
    const facts = nextYear.map((h) => assignmentFacts(h, h.departments.find((d) => d.isLead)!, later));
    expect(facts.map((f) => [f.status, f.owed, f.overdue])).toEqual([
      ["WAIVED", false, false],
      ["WAIVED", false, false],
      ["WAIVED", false, false],
      ["OVERDUE", true, true],
    ]);
    const overdue = computeDashboard(input, later).overdue.filter((o) => o.measureId === ongoingId && o.isLead);
    expect(overdue.map((o) => o.period)).toContain(`${year + 1}年第4季度`);
    expect(overdue.some((o) => o.period === `${year + 1}年第2季度`)).toBe(false);
  });
});
