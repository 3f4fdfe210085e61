/**
 * Authorization in one place (issue 8): the mutations ask the policy
 * themselves, so a caller that skips the server action is refused too; the
 * queries behind the pages return only what the caller may see; leader
 * instructions (领导批示) reach the departments on the measure, lead and
 * supporting, and nobody else's liaison (finding 14).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setUserActive, setUserEmail, setUserRole, updateDepartment } from "../../src/features/admin/mutations";
import { setPeriodDueDate, updateMeasure } from "../../src/features/plan/mutations";
import { folderStore } from "../../src/features/reports/evidence";
import { addInstruction, decideExtension, requestExtension, reviewReport, saveReport, type SaveReportInput } from "../../src/features/reports/mutations";
import { getDepartmentInstructions, getMeasureProgress, getPeriodDetail } from "../../src/features/reports/queries";
import { demoLiaisonLogins, seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { Forbidden, type Actor } from "../../src/lib/permissions";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { testDb } from "../support/db";

// The queries use the app's client; point it at this run's database.
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const db = testDb();
const dir = mkdtempSync(path.join(tmpdir(), "duban-authz-"));
const store = folderStore(dir);
const limits = { maxBytes: 64 * 1024, maxFiles: 3 };
const suffix = Date.now().toString(36);

let admin: Actor;
let leader: Actor;
/** Liaisons of the lead and of a supporting department of `measureId`, and of a department not on it. */
let leadLiaison: Actor;
let supportLiaison: Actor;
let outsider: Actor;
let measureId = "";
let periodId = "";

async function actor(loginName: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

const draft = (over: Partial<SaveReportInput> = {}): SaveReportInput => ({
  periodId,
  expectedVersion: 0,
  progress: "IN_PROGRESS",
  workDone: "已开展联合检查",
  problems: "",
  nextSteps: "",
  values: {},
  uploads: [],
  removeAttachmentIds: [],
  submit: false,
  ...over,
});

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  const withLiaison = Object.keys(demoLiaisonLogins);
  // A quarterly measure with a lead and a supporting department, both with a demo liaison.
  const measures = await db.measure.findMany({
    where: { reportsQuarterly: true, keyTask: { plan: { code: "hs-gsyf-2021-2025" } } },
    orderBy: [{ keyTask: { number: "asc" } }, { number: "asc" }],
    select: { id: true, departments: { select: { isLead: true, department: { select: { shortName: true } } } } },
  });
  const measure = measures.find(
    (m) =>
      m.departments.some((d) => d.isLead && withLiaison.includes(d.department.shortName)) &&
      m.departments.some((d) => !d.isLead && withLiaison.includes(d.department.shortName)),
  );
  if (!measure) throw new Error("the shipped plan has no measure with a lead and a supporting department");
  measureId = measure.id;
  const lead = measure.departments.find((d) => d.isLead)!.department.shortName;
  const support = measure.departments.find((d) => !d.isLead && withLiaison.includes(d.department.shortName))!.department.shortName;
  const outside = withLiaison.find((name) => !measure.departments.some((d) => d.department.shortName === name))!;
  [admin, leader, leadLiaison, supportLiaison, outsider] = await Promise.all([
    actor("admin"),
    actor("leader"),
    actor(demoLiaisonLogins[lead]),
    actor(demoLiaisonLogins[support]),
    actor(demoLiaisonLogins[outside]),
  ]);
  const period = await db.reportingPeriod.findFirstOrThrow({
    where: { measureId, kind: "QUARTER", reports: { none: {} }, extensions: { none: {} } },
    orderBy: { dueDate: "asc" },
  });
  periodId = period.id;
});

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("leader instructions (finding 14)", () => {
  let instructionId = "";
  beforeAll(async () => {
    instructionId = await addInstruction(db, leader, { measureId, text: `请牵头单位会同配合单位抓紧推进（${suffix}）` });
  });

  it("are read by administrators, leaders and the liaisons of the lead and the supporting department", async () => {
    for (const reader of [admin, leader, leadLiaison, supportLiaison]) {
      const { instructions } = await getMeasureProgress(reader, measureId);
      expect(instructions?.map((i) => i.id), reader.loginName).toContain(instructionId);
    }
  });

  it("are not shown to the liaison of a department that is not on the measure", async () => {
    const progress = await getMeasureProgress(outsider, measureId);
    expect(progress).toEqual({ periods: null, instructions: null });
  });

  it("appear on the supporting department's own page, and that page gives another liaison nothing", async () => {
    const own = await getDepartmentInstructions(supportLiaison, supportLiaison.departmentId!);
    expect(own.map((i) => i.id)).toContain(instructionId);
    expect((await getDepartmentInstructions(leadLiaison, leadLiaison.departmentId!)).map((i) => i.id)).toContain(instructionId);
    expect(await getDepartmentInstructions(outsider, supportLiaison.departmentId!)).toEqual([]);
    expect((await getDepartmentInstructions(outsider, outsider.departmentId!)).map((i) => i.id)).not.toContain(instructionId);
  });

  it("an instruction naming a department that does not carry the measure appears on that department's page, and on the measure page it alone", async () => {
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    // Other files of the run may have assigned that department instructions of their own: compare with before.
    const earlier = (await getDepartmentInstructions(admin, outsider.departmentId!)).map((i) => i.id);
    const named = await addInstruction(db, leader, { measureId, text: `请该部门配合落实（${suffix}）`, departmentId: outsider.departmentId, deadline });
    expect((await getDepartmentInstructions(outsider, outsider.departmentId!)).map((i) => i.id).sort()).toEqual([...earlier, named].sort());
    expect((await getDepartmentInstructions(admin, outsider.departmentId!)).map((i) => i.id).sort()).toEqual([...earlier, named].sort());
    const { periods, instructions } = await getMeasureProgress(outsider, measureId);
    expect(periods).toBeNull();
    expect(instructions?.map((i) => i.id)).toEqual([named]);
  });
});

describe("reads are scoped inside the queries", () => {
  let leadReportId = "";
  let supportReportId = "";
  let supportExtensionId = "";
  beforeAll(async () => {
    leadReportId = (await saveReport(db, store, limits, leadLiaison, draft())).reportId;
    supportReportId = (await saveReport(db, store, limits, supportLiaison, draft({ workDone: "配合提供数据" }))).reportId;
    const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } });
    const later = new Date(period.dueDate.getTime() + 30 * 86_400_000).toISOString().slice(0, 10);
    supportExtensionId = await requestExtension(db, supportLiaison, { periodId, requestedDueDate: later, reason: "配合数据待核" });
  });

  it("gives a supporting department its own feedback, the lead department's report it contributes to, and its own extension request only", async () => {
    const period = await getPeriodDetail(supportLiaison, periodId);
    expect(period?.reports.map((r) => r.id).sort()).toEqual([leadReportId, supportReportId].sort());
    expect(period?.measure.departments.map((d) => d.departmentId).sort()).toEqual([leadLiaison.departmentId, supportLiaison.departmentId].sort());
    expect(period?.extensions.map((e) => e.id)).toEqual([supportExtensionId]);
  });

  it("gives the lead department its report and the supporting feedback, but not another department's extension request", async () => {
    const period = await getPeriodDetail(leadLiaison, periodId);
    expect(period?.reports.map((r) => r.id).sort()).toEqual([leadReportId, supportReportId].sort());
    expect(period?.extensions).toEqual([]);
  });

  it("gives administrators and leaders everything, and a department not on the measure nothing", async () => {
    for (const reader of [admin, leader]) {
      const period = await getPeriodDetail(reader, periodId);
      expect(period?.reports.map((r) => r.id).sort()).toEqual([leadReportId, supportReportId].sort());
      expect(period?.extensions.map((e) => e.id)).toEqual([supportExtensionId]);
    }
    expect(await getPeriodDetail(outsider, periodId)).toBeNull();
    expect(await getPeriodDetail(null, periodId)).toBeNull();
  });
});

describe("mutations ask the policy themselves", () => {
  /** Rows the refused calls could touch, and the last audit event: all must stay as they were. */
  async function snapshot(targetUserId: string, departmentId: string) {
    const [user, department, measure, period, reports, extensions, instructions, audit] = await Promise.all([
      db.user.findUniqueOrThrow({ where: { id: targetUserId } }),
      db.department.findUniqueOrThrow({ where: { id: departmentId } }),
      db.measure.findUniqueOrThrow({ where: { id: measureId } }),
      db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } }),
      db.progressReport.findMany({ where: { measureId }, orderBy: { id: "asc" } }),
      db.extensionRequest.findMany({ where: { period: { measureId } }, orderBy: { id: "asc" } }),
      db.leaderInstruction.findMany({ where: { measureId }, orderBy: { id: "asc" } }),
      db.auditEvent.aggregate({ _max: { id: true } }),
    ]);
    return { user, department, measure, period, reports, extensions, instructions, lastAudit: audit._max.id };
  }

  it("refuse a caller without the permission even when no server action stands in front of them", async () => {
    const target = await db.user.create({ data: { loginName: `authz-target-${suffix}`, displayName: "授权测试账号", role: "LEADER", passwordHash: "unused" } });
    const departmentId = supportLiaison.departmentId!;
    const measure = await db.measure.findUniqueOrThrow({ where: { id: measureId } });
    const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId } });
    const submitted = await db.progressReport.findFirst({ where: { measureId, state: "SUBMITTED" } });
    const pending = await db.extensionRequest.findFirst({ where: { period: { measureId }, state: "PENDING" } });
    const before = await snapshot(target.id, departmentId);

    const refused: [string, Actor, () => Promise<unknown>][] = [
      ["setUserActive", leadLiaison, () => setUserActive(db, leadLiaison, { userId: target.id, active: false })],
      ["setUserRole", leader, () => setUserRole(db, leader, { userId: target.id, role: "ADMIN" })],
      ["setUserEmail", supportLiaison, () => setUserEmail(db, supportLiaison, { userId: target.id, email: `x.${suffix}@example.gov.cn` })],
      ["updateDepartment", supportLiaison, () => updateDepartment(db, supportLiaison, { departmentId, shortName: "改名部门", fullName: "改名", aliases: [], kind: "CITY" })],
      [
        "updateMeasure",
        leader,
        () => updateMeasure(db, leader, { measureId, expectedVersion: measure.version, text: "改写", scheduleKind: "QUARTERLY", scheduleStart: null, deadline: null }),
      ],
      ["setPeriodDueDate", leadLiaison, () => setPeriodDueDate(db, leadLiaison, { periodId, expectedVersion: period.version, dueDate: "2030-01-01" })],
      ["reviewReport", leader, () => reviewReport(db, leader, { reportId: submitted?.id ?? "none", expectedVersion: submitted?.version ?? 1, decision: "ACCEPT", reason: "" })],
      ["decideExtension", leadLiaison, () => decideExtension(db, leadLiaison, { extensionId: pending?.id ?? "none", approve: true, note: "" })],
      ["addInstruction", admin, () => addInstruction(db, admin, { measureId, text: "管理员不能批示" })],
      ["saveReport", admin, () => saveReport(db, store, limits, admin, draft())],
      ["saveReport (department not on the measure)", outsider, () => saveReport(db, store, limits, outsider, draft())],
      ["requestExtension", leader, () => requestExtension(db, leader, { periodId, requestedDueDate: "2030-01-01", reason: "x" })],
    ];
    for (const [name, caller, call] of refused) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error, `${name} as ${caller.loginName}`).toBeInstanceOf(Forbidden);
      expect(error, name).toMatchObject({ namespace: "authz" });
    }
    expect(await snapshot(target.id, departmentId)).toEqual(before);
  });
});
