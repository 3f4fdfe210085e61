/**
 * 补录 and 代填报 (decision 025) against a real database: a report entered afterwards with its
 * real day counts on time in the overview's replay; the days are bounded; a department's own
 * report is never overwritten; only administrators may; the bulk import is all or nothing, with
 * each problem named by row and column; the audit trail keeps the real days and the entry time.
 */
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "../../src/features/seed/seed-demo";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { backfillReport, importBackfill, previewBackfill, reportOnBehalf, BackfillRowError, type BackfillInput } from "../../src/features/backfill/mutations";
import { backfillTemplate, readBackfillFile } from "../../src/features/backfill/sheet";
import { reviewReport, saveReport } from "../../src/features/reports/mutations";
import { folderStore } from "../../src/features/reports/evidence";
import { departmentPeriodStatus } from "../../src/features/dashboard/history";
import { computeDashboard } from "../../src/features/dashboard/compute";
import type { Actor } from "../../src/lib/permissions";
import type { CurrentUser } from "../../src/server/auth";
import { testDb } from "../support/db";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
const db = testDb();
vi.mock("@/server/db", () => ({ db }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
const { loadDashboardInput } = await import("../../src/features/dashboard/queries");
const { POST: uploadBackfill, GET: downloadTemplate } = await import("../../src/app/api/admin/backfill/route");

const suffix = Date.now().toString(36);
const OWNING = "市卫健委";
const OTHER = "市财政局";
const NOW = new Date("2026-12-02T02:00:00Z");

/** An ended plan of the test's own (2021—2025): 1.1 quarterly, led by 市卫健委 with 市财政局 supporting, and an indicator; 1.2 a deadline. */
const endedPlan = (code: string, status: "ENDED" | "ARCHIVED") => ({
  plan: { code, title: `补录测试计划${code}`, issuer: "测试", startYear: 2021, endYear: 2025, status },
  departments: [
    { shortName: OWNING, fullName: OWNING, aliases: [], sortOrder: 0 },
    { shortName: OTHER, fullName: OTHER, aliases: [], sortOrder: 0 },
  ],
  keyTasks: [
    {
      number: 1,
      title: "补录任务",
      measures: [
        { number: 1, text: "开展工伤预防培训，培训覆盖率达到90%以上。", departmentsText: `${OWNING}、${OTHER}`, timeArrangement: "每季度" },
        { number: 2, text: "建成工伤预防信息平台。", departmentsText: OWNING, timeArrangement: "2023年底前" },
      ],
    },
  ],
});

let admin: Actor;
let leader: Actor;
let liaison: Actor; // 市卫健委
let planId = "";
let archivedPlanId = "";
let owningId = "";
let otherId = "";
let indicatorId = "";

async function actor(loginName: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

async function asUser(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}

/** The quarter of measure `m` of a plan that ends on `end`. */
const quarter = (plan: string, end: string, m = 1) =>
  db.reportingPeriod.findFirstOrThrow({ where: { kind: "QUARTER", periodEnd: new Date(`${end}T00:00:00Z`), measure: { number: m, keyTask: { number: 1, planId: plan } } } });

const content = (periodId: string, over: Partial<BackfillInput> = {}): BackfillInput => ({
  periodId,
  departmentId: owningId,
  submittedOn: "2023-07-05",
  acceptedOn: null,
  progress: "IN_PROGRESS",
  workDone: "开展企业负责人培训 3 场，覆盖 120 家企业。",
  problems: "",
  nextSteps: "下季度开展专项检查。",
  values: {},
  ...over,
});

const reportOf = (periodId: string, departmentId: string) =>
  db.progressReport.findUnique({ where: { periodId_departmentId: { periodId, departmentId } }, include: { revisions: { orderBy: { number: "asc" } }, values: true } });

/** A workbook with the template's header and `rows`, as bytes. */
async function sheet(rows: string[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await backfillTemplate()) as unknown as ArrayBuffer);
  const ws = workbook.getWorksheet("补录")!;
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const upload = (bytes: Uint8Array, query: string) =>
  uploadBackfill(
    new Request(`http://localhost/api/admin/backfill?${query}`, { method: "POST", headers: { "content-type": "application/octet-stream", host: "localhost" }, body: Buffer.from(bytes) }),
  );

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  [admin, leader, liaison] = await Promise.all([actor("admin"), actor("leader"), actor("wjw")]);
  await seedPlan(db, endedPlan(`bf-${suffix}`, "ENDED"));
  await seedPlan(db, endedPlan(`bf-arch-${suffix}`, "ARCHIVED"));
  planId = (await db.plan.findUniqueOrThrow({ where: { code: `bf-${suffix}` } })).id;
  archivedPlanId = (await db.plan.findUniqueOrThrow({ where: { code: `bf-arch-${suffix}` } })).id;
  owningId = (await db.department.findUniqueOrThrow({ where: { shortName: OWNING } })).id;
  otherId = (await db.department.findUniqueOrThrow({ where: { shortName: OTHER } })).id;
  indicatorId = (await db.indicator.findFirstOrThrow({ where: { measure: { number: 1, keyTask: { planId } } } })).id;
});
afterAll(() => db.$disconnect());

describe("补录 of a single report", () => {
  it("counts a 2023 report on time on its real day in the overview's replay, and keeps both days", async () => {
    const period = await quarter(planId, "2023-06-30");
    expect(period.dueDate.toISOString().slice(0, 10)).toBe("2023-07-10");
    const { reportId } = await backfillReport(db, admin, content(period.id, { values: { [indicatorId]: 92.5 } }), NOW);

    const report = await reportOf(period.id, owningId);
    expect(report).toMatchObject({ state: "ACCEPTED", entry: "BACKFILL", enteredById: admin.id, reviewerId: admin.id });
    expect(report!.submittedAt!.toISOString().slice(0, 10)).toBe("2023-07-05");
    expect(report!.reviewedAt!.toISOString().slice(0, 10)).toBe("2023-07-05");
    expect(report!.enteredAt).toEqual(NOW);
    expect(report!.values.map((v) => [v.indicatorId, v.value.toString()])).toEqual([[indicatorId, "92.5"]]);
    // The revisions carry the real day (at) and the moment of entry (enteredAt).
    expect(report!.revisions.map((r) => [r.number, r.event, r.entry, r.at.toISOString().slice(0, 10), r.enteredAt.toISOString()])).toEqual([
      [1, "SUBMITTED", "BACKFILL", "2023-07-05", NOW.toISOString()],
      [2, "ACCEPTED", "BACKFILL", "2023-07-05", NOW.toISOString()],
    ]);

    // The replay judges it on the real day: 按时报送, not 逾期报送.
    const input = await loadDashboardInput(planId);
    const history = input.histories.find((h) => h.periodId === period.id)!;
    expect(departmentPeriodStatus(history, owningId, "2025-12-31").status).toBe("COMPLETED");
    // The day before it was submitted it was still owed; on the real day it was done.
    expect(departmentPeriodStatus(history, owningId, "2023-07-04").status).not.toMatch(/^COMPLETED/);
    expect(departmentPeriodStatus(history, owningId, "2023-07-05").status).toBe("COMPLETED");
    // A 补录 acceptance has no real review time: it counts in no average.
    const dashboard = computeDashboard(input, "2025-12-31");
    const row = dashboard.departments.find((d) => d.id === owningId)!;
    expect(row.avgReviewHours).toBeNull();

    const [audit] = await db.auditEvent.findMany({ where: { entityId: reportId } });
    expect(audit).toMatchObject({ action: "report.backfill", actorId: admin.id, entityType: "ProgressReport" });
    expect(audit.after).toMatchObject({ submittedOn: "2023-07-05", acceptedOn: "2023-07-05", enteredAt: NOW.toISOString(), departmentId: owningId, measure: "1.1" });
  });

  it("takes the acceptance day the administrator gives", async () => {
    const period = await quarter(planId, "2023-09-30");
    await backfillReport(db, admin, content(period.id, { submittedOn: "2023-10-12", acceptedOn: "2023-10-20" }), NOW);
    const report = await reportOf(period.id, owningId);
    expect(report!.reviewedAt!.toISOString().slice(0, 10)).toBe("2023-10-20");
    // Submitted after its due day (2023-10-10): late, and the replay says so.
    expect(period.dueDate.toISOString().slice(0, 10)).toBe("2023-10-10");
    const history = (await loadDashboardInput(planId)).histories.find((h) => h.periodId === period.id)!;
    expect(departmentPeriodStatus(history, owningId, "2025-12-31").status).toBe("COMPLETED_LATE");
  });

  it("refuses days out of bounds and a period not yet over, and writes nothing", async () => {
    const period = await quarter(planId, "2022-03-31");
    const current = await quarter(planId, "2025-12-31");
    const cases: [BackfillInput, string][] = [
      [content(period.id, { submittedOn: "2026-12-03" }), "backfill.submittedFuture"],
      [content(period.id, { submittedOn: "2021-12-31" }), "backfill.submittedBeforeStart"],
      [content(period.id, { submittedOn: "2022-04-08", acceptedOn: "2022-04-07" }), "backfill.acceptedBeforeSubmitted"],
      [content(period.id, { submittedOn: "2022-04-08", acceptedOn: "2026-12-05" }), "backfill.acceptedFuture"],
      [content(period.id, { submittedOn: "2022-04-08", workDone: "  " }), "backfill.incomplete"],
      [content(period.id, { submittedOn: "2022-04-08", values: { "no-such-indicator": 1 } }), "backfill.unknownIndicator"],
    ];
    for (const [input, key] of cases) await expect(backfillReport(db, admin, input, NOW), key).rejects.toMatchObject({ namespace: "reports", key });
    expect(await reportOf(period.id, owningId)).toBeNull();
    // Today (2026-12-02) is after 2025-12-31: a period ending in the future is refused.
    await expect(backfillReport(db, admin, content(current.id, { submittedOn: "2026-01-05" }), new Date("2025-12-20T02:00:00Z"))).rejects.toMatchObject({ key: "backfill.periodNotEnded" });
    // A department that does not carry the measure.
    const deadline = await db.reportingPeriod.findFirstOrThrow({ where: { measure: { number: 2, keyTask: { number: 1, planId } } } });
    await expect(backfillReport(db, admin, content(deadline.id, { departmentId: otherId, submittedOn: "2023-12-20" }), NOW)).rejects.toMatchObject({ key: "backfill.departmentNotOnMeasure" });
  });

  it("works on an ended plan and is refused on an archived one", async () => {
    const archived = await quarter(archivedPlanId, "2023-06-30");
    await expect(backfillReport(db, admin, content(archived.id), NOW)).rejects.toMatchObject({ namespace: "admin", key: "planReadOnly" });
    await expect(reportOnBehalf(db, admin, content(archived.id), NOW)).rejects.toMatchObject({ namespace: "admin", key: "planReadOnly" });
    expect(await reportOf(archived.id, owningId)).toBeNull();
  });

  it("is for administrators only: a liaison or a leader is refused and nothing changes", async () => {
    const period = await quarter(planId, "2022-06-30");
    for (const who of [liaison, leader]) {
      await expect(backfillReport(db, who, content(period.id, { submittedOn: "2022-07-01" }), NOW)).rejects.toMatchObject({ namespace: "authz", key: "forbidden" });
      await expect(reportOnBehalf(db, who, content(period.id), NOW)).rejects.toMatchObject({ namespace: "authz", key: "forbidden" });
      await expect(importBackfill(db, who, { planId, rows: [] }, NOW)).rejects.toMatchObject({ namespace: "authz", key: "forbidden" });
    }
    expect(await reportOf(period.id, owningId)).toBeNull();
  });
});

describe("a department's own report is never overwritten", () => {
  const store = folderStore("/nonexistent-evidence-folder");
  const limits = { maxBytes: 1024, maxFiles: 1 };
  const own = (periodId: string, over: { submit?: boolean; workDone?: string; progress?: null | "IN_PROGRESS"; expectedVersion?: number } = {}) =>
    saveReport(db, store, limits, liaison, {
      periodId,
      expectedVersion: over.expectedVersion ?? 0,
      progress: over.progress === undefined ? "IN_PROGRESS" : over.progress,
      workDone: over.workDone ?? "部门自己填写的进展",
      problems: "",
      nextSteps: "",
      values: {},
      uploads: [],
      removeAttachmentIds: [],
      submit: over.submit ?? false,
    });

  it("refuses 补录 and 代填报 over a submitted or accepted report, and over a draft with content", async () => {
    const submitted = await quarter(planId, "2024-03-31");
    await own(submitted.id, { submit: true });
    const draft = await quarter(planId, "2024-06-30");
    await own(draft.id, { workDone: "还没写完的草稿" });
    const accepted = await quarter(planId, "2024-09-30");
    const a = await own(accepted.id, { submit: true });
    await reviewReport(db, admin, { reportId: a.reportId, expectedVersion: a.version, decision: "ACCEPT", reason: "" });

    for (const p of [submitted, draft, accepted]) {
      const before = await reportOf(p.id, owningId);
      await expect(backfillReport(db, admin, content(p.id, { submittedOn: p.periodEnd.toISOString().slice(0, 10) }), NOW)).rejects.toMatchObject({
        key: "backfill.ownReportExists",
        detail: { department: OWNING },
      });
      await expect(reportOnBehalf(db, admin, content(p.id), NOW)).rejects.toMatchObject({ key: "backfill.ownReportExists" });
      expect(await reportOf(p.id, owningId)).toEqual(before);
    }
  });

  it("fills an empty draft in place (nothing of the department's is lost)", async () => {
    const period = await quarter(planId, "2024-12-31");
    const empty = await own(period.id, { workDone: "", progress: null });
    await backfillReport(db, admin, content(period.id, { submittedOn: "2025-01-08" }), NOW);
    const report = await reportOf(period.id, owningId);
    expect(report).toMatchObject({ id: empty.reportId, state: "ACCEPTED", entry: "BACKFILL", version: empty.version + 1 });
  });
});

describe("代填报", () => {
  it("submits a report now on the department's behalf, marked with who entered it, to be reviewed like any other", async () => {
    const period = await quarter(planId, "2025-09-30");
    const { reportId } = await reportOnBehalf(db, admin, content(period.id, { departmentId: otherId, progress: "DIFFICULT" }), NOW);
    const report = await reportOf(period.id, otherId);
    expect(report).toMatchObject({ state: "SUBMITTED", entry: "ON_BEHALF", enteredById: admin.id, isLead: false, progress: "DIFFICULT" });
    expect(report!.submittedAt).toEqual(NOW);
    expect(report!.revisions.map((r) => [r.event, r.entry])).toEqual([["SUBMITTED", "ON_BEHALF"]]);
    const [audit] = await db.auditEvent.findMany({ where: { entityId: reportId } });
    expect(audit).toMatchObject({ action: "report.on_behalf", actorId: admin.id });
    // Reviewed like any report: the bureau accepts it afterwards.
    await reviewReport(db, admin, { reportId, expectedVersion: report!.version, decision: "ACCEPT", reason: "" });
    expect((await reportOf(period.id, otherId))!.state).toBe("ACCEPTED");
  });

  it("becomes the department's own once it is returned and the department resubmits it", async () => {
    const period = await quarter(planId, "2025-06-30");
    await reportOnBehalf(db, admin, content(period.id), NOW);
    const entered = await reportOf(period.id, owningId);
    await reviewReport(db, admin, { reportId: entered!.id, expectedVersion: entered!.version, decision: "RETURN", reason: "请部门自己补充" });
    const returned = await reportOf(period.id, owningId);
    await saveReport(db, folderStore("/nonexistent-evidence-folder"), { maxBytes: 1024, maxFiles: 1 }, liaison, {
      periodId: period.id,
      expectedVersion: returned!.version,
      progress: "IN_PROGRESS",
      workDone: "部门自己补充的内容",
      problems: "",
      nextSteps: "",
      values: {},
      uploads: [],
      removeAttachmentIds: [],
      submit: true,
    });
    const own = await reportOf(period.id, owningId);
    expect(own).toMatchObject({ state: "SUBMITTED", entry: "OWN", enteredById: null, enteredAt: null, workDone: "部门自己补充的内容" });
    expect(own!.revisions.map((r) => [r.event, r.entry])).toEqual([
      ["SUBMITTED", "ON_BEHALF"],
      ["RETURNED", null],
      ["SUBMITTED", null],
    ]);
  });
});

describe("bulk 补录 from a spreadsheet", () => {
  it("reads the template back, previews each row matched or with its row and column, and imports nothing while any row is wrong", async () => {
    const bytes = await sheet([
      ["1.1", OWNING, "2022年第3季度", "2022-10-09", "", "推进中", "第一行进展", "", "", "92"],
      ["1.1", OTHER, "2022年第三季度", "2022-10-11", "2022-10-12", "已完成", "配合单位反馈", "无", "继续", ""],
      ["1.1", "市教育局", "2022年第4季度", "2023-01-05", "", "推进中", "部门不对", "", "", ""],
      ["1.1", OWNING, "2022年第4季度", "2021-01-05", "", "很好", "", "", "", "九十"],
      ["9.9", OWNING, "2022年第4季度", "2023-01-05", "", "推进中", "措施不存在", "", "", ""],
    ]);
    const rows = await readBackfillFile(bytes);
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
    const preview = await previewBackfill(db, admin, { planId, rows }, NOW);
    expect(preview.map((r) => [r.line, r.problems.map((p) => `${p.column}:${p.key}`)])).toEqual([
      [2, []],
      [3, []],
      [4, ["department:departmentNotOnMeasure"]],
      [5, ["submittedOn:submittedBeforeStart", "progress:progressUnknown", "workDone:empty", "values:valueNotNumber"]],
      [6, ["measure:measureUnknown"]],
    ]);
    expect(preview[0].write).toMatchObject({ departmentId: owningId, submittedOn: "2022-10-09", acceptedOn: null, values: { [indicatorId]: 92 } });

    const before = await db.auditEvent.aggregate({ _max: { id: true } });
    const refused = importBackfill(db, admin, { planId, rows }, NOW);
    await expect(refused).rejects.toBeInstanceOf(BackfillRowError);
    await expect(refused).rejects.toMatchObject({ key: "backfill.rowInvalid", detail: { row: 4, column: "责任部门" } });
    // All or nothing: the good rows were not written either.
    const q3 = await quarter(planId, "2022-09-30");
    expect(await reportOf(q3.id, owningId)).toBeNull();
    expect(await reportOf(q3.id, otherId)).toBeNull();
    expect((await db.auditEvent.aggregate({ _max: { id: true } }))._max.id).toEqual(before._max.id);
  });

  it("answers the preview through the upload route in Chinese, naming row and column", async () => {
    state.user = await asUser("admin");
    const plan = `plan=bf-${suffix}`;
    const bytes = await sheet([["1.1", OWNING, "2022年第5季度", "2022-10-09", "", "推进中", "期次写错", "", "", ""]]);
    const response = await upload(bytes, `${plan}&mode=preview`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: { ok: boolean; problems: string[] }[] };
    expect(body.rows[0].ok).toBe(false);
    expect(body.rows[0].problems[0]).toMatch(/^第 2 行“填报期次”列：该措施没有“2022年第5季度”这个填报期次/);
    // A file that is no workbook, and one without the header.
    expect(await (await upload(new TextEncoder().encode("not a workbook"), `${plan}&mode=preview`)).json()).toMatchObject({ message: expect.stringContaining("无法读取该文件") });
    // A liaison and a leader are refused before the body is read.
    for (const who of ["wjw", "leader"]) {
      state.user = await asUser(who);
      expect((await upload(bytes, `${plan}&mode=import`)).status).toBe(403);
      expect((await downloadTemplate()).status).toBe(403);
    }
    state.user = await asUser("admin");
    expect((await downloadTemplate()).status).toBe(200);
  });

  it("imports every row in one transaction with one audit event, each on its real day", async () => {
    state.user = await asUser("admin");
    const bytes = await sheet([
      ["1.1", OWNING, "2022年第3季度", "2022-10-09", "", "推进中", "第一行进展", "", "", "92"],
      ["1.1", OTHER, "2022-09-30", "2022/10/11", "2022年10月12日", "已完成", "配合单位反馈", "无", "继续", ""],
      ["1.2", OWNING, "2023-12-31 时间节点", "2023-12-28", "", "已完成", "平台已建成", "", "", ""],
    ]);
    const before = await db.auditEvent.aggregate({ _max: { id: true } });
    const response = await upload(bytes, `plan=bf-${suffix}&mode=import`);
    expect(await response.json()).toMatchObject({ message: "已补录 3 份报告", count: 3 });
    expect(response.status).toBe(200);

    const q3 = await quarter(planId, "2022-09-30");
    const lead = await reportOf(q3.id, owningId);
    const support = await reportOf(q3.id, otherId);
    expect(lead).toMatchObject({ state: "ACCEPTED", entry: "BACKFILL" });
    expect(support!.submittedAt!.toISOString().slice(0, 10)).toBe("2022-10-11");
    expect(support!.reviewedAt!.toISOString().slice(0, 10)).toBe("2022-10-12");
    const audit = await db.auditEvent.findMany({ where: { id: { gt: before._max.id ?? BigInt(0) } } });
    expect(audit.map((e) => [e.action, e.entityType, e.entityId])).toEqual([["report.backfill_import", "Plan", planId]]);
    expect((audit[0].after as { count: number; reports: unknown[] }).count).toBe(3);

    // The deadline (2023年底前) was met on its real day: the 进度 replay sees it, and the 报送 light is on time.
    const input = await loadDashboardInput(planId);
    const milestone = input.histories.find((h) => h.kind === "MILESTONE" && h.measureNumber === 2)!;
    expect(departmentPeriodStatus(milestone, owningId, "2025-12-31").status).toBe("COMPLETED");
    const q3h = input.histories.find((h) => h.periodId === q3.id)!;
    expect(departmentPeriodStatus(q3h, owningId, "2025-12-31").status).toBe("COMPLETED");

    // The same sheet again: every row now meets the department's report and is refused.
    const again = await upload(bytes, `plan=bf-${suffix}&mode=import`);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { message: string }).message).toMatch(/^第 2 行“责任部门”列：市卫健委本期已有报告/);
  });
});
