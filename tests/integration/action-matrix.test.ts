import mammoth from "mammoth";
/**
 * The role × action matrix, exercised for real: every server action, the
 * queries behind the pages, and the route handlers (evidence download,
 * quarterly export), called directly (not through the UI) as each of six
 * personas (the sixth, the owning department's head, decision 032). An allowed cell must succeed and make its change (or return what
 * it should); a denied cell must answer with the refusal (a denied read returns
 * nothing) and leave every row (and the evidence folder) as it was.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { revalidatePath } from "next/cache";
import messages from "../../messages/zh-CN.json";
import { seedPlanFiles, seedShippedPlans, testPlanFiles } from "../../scripts/lib/seed";
import {
  createDepartmentAction,
  createUserAction,
  endSessionsAction,
  resetPasswordAction,
  setLedDepartmentsAction,
  setUserActiveAction,
  setUserEmailAction,
  setUserRoleAction,
  updateDepartmentAction,
} from "@/features/admin/actions";
import { changePasswordAction } from "@/features/account/actions";
import { verifyPassword } from "@/features/auth/password";
import { openSession } from "@/features/auth/sessions";
import { setPlanStatusAction } from "@/features/plan/actions";
import { carryOverAction } from "@/features/carryover/actions";
import { applyClosureAction, reopenMeasureAction, reviewClosureAction, setProgressSettingsAction, signoffClosureAction } from "@/features/closure/actions";
import { applyClosure } from "@/features/closure/mutations";
import { getMeasureClosure } from "@/features/closure/queries";
import { confirmCalendarYearAction, setCalendarDayAction } from "@/features/calendar/actions";
import { setMeasureReportingAction } from "@/features/schedules/actions";
import {
  addIndicatorAction,
  addKeyTaskAction,
  addMeasureAction,
  confirmIndicatorAction,
  setMeasureDepartmentsAction,
  updateIndicatorAction,
  updateKeyTaskAction,
  withdrawKeyTaskAction,
  withdrawMeasureAction,
} from "@/features/structure/actions";
import { seedPlan } from "@/features/seed/seed-plan";
import { addInstructionAction, decideExtensionAction, requestExtensionAction, reviewReportAction, saveReportAction, signoffReportAction } from "@/features/reports/actions";
import ExcelJS from "exceljs";
import { addInstruction, requestExtension, saveReport } from "@/features/reports/mutations";
import {
  getAttachment,
  getDepartmentInstructions,
  getMeasurePeriodsForEdit,
  getMeasureProgress,
  getPendingExtensions,
  getPeriodDetail,
  getReviewQueue,
  getSignoffQueue,
  getWorklist,
} from "@/features/reports/queries";
import { getAuditEvents, getMeasureHistory } from "@/features/audit/queries";
import { listUsers } from "@/features/admin/queries";
import { setRankingWeightsAction } from "@/features/tongbao/actions";
import { readDashboard, readDepartmentRecord } from "@/features/dashboard/read";
import type { Actor } from "@/lib/permissions";
import type { Measure } from "@/generated/prisma/client";
import { syncMeasurePeriods } from "@/features/schedules/sync-periods";
import { receiveUpload } from "@/features/reports/uploads";
import { DEMO_PASSWORD, seedDemoAccounts } from "@/features/seed/seed-demo";
import { initialActionState, type ActionState } from "@/lib/action-state";
import { addDays } from "@/lib/periods";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";
import { evidenceLimits, evidenceStore } from "@/server/evidence-store";
import { GET as downloadAttachment } from "@/app/api/attachments/[attachmentId]/route";
import { GET as exportQuarterly } from "@/app/api/plans/[planCode]/exports/quarterly/route";
import { GET as downloadFinalReport } from "@/app/api/plans/[planCode]/reports/final/route";
import { GET as downloadAnnualReport } from "@/app/api/plans/[planCode]/reports/annual/[year]/route";
import { confirmVerdictAction } from "@/features/evaluation/actions";
import { readEvaluation } from "@/features/evaluation/queries";
import { GET as exportQuarterlyWord } from "@/app/api/plans/[planCode]/exports/quarterly/word/route";
import { POST as uploadPlanTable } from "@/app/api/admin/plans/import/route";
import { GET as exportPlanTable } from "@/app/api/admin/plans/export/route";
import { importPlanAction } from "@/features/plan-import/actions";
import { backfillReportAction, reportOnBehalfAction } from "@/features/backfill/actions";
import { backfillTemplate } from "@/features/backfill/sheet";
import { POST as uploadBackfill } from "@/app/api/admin/backfill/route";
import { periodLabel } from "@/lib/periods";
import { decideNoticeAction, issueNoticeAction, replyNoticeAction, signNoticeAction } from "@/features/notices/actions";
import { issueNotice, replyNotice, signNotice } from "@/features/notices/mutations";
import { listNotices } from "@/features/notices/queries";
import { assignInstructionAction, decideInstructionAction, replyInstructionAction } from "@/features/instructions/actions";
import { replyInstruction } from "@/features/instructions/mutations";
import { getOpenInstructions } from "@/features/reports/queries";
import { todayInChina } from "@/lib/due";
import { removeDemoDataAction } from "@/features/demo/actions";

/** Who is "signed in" for the call under test, and where evidence files go. */
const state = vi.hoisted(() => ({ user: null as CurrentUser | null, evidenceDir: "" }));

vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
vi.mock("@/server/evidence-store", async () => {
  const { folderStore } = await import("@/features/reports/evidence");
  return {
    evidenceStore: () => folderStore(state.evidenceDir),
    evidenceLimits: () => ({ maxBytes: 20 * 1024 * 1024, maxFiles: 10 }),
  };
});

const PLAN = "hs-gsyf-2021-2025";
/** The test plan (tests/fixtures/plan-2026-2030.json) whose state the plan:manage cells move. */
const TEST_PLAN = "hs-gsyf-2026-2030";
const OWNING = "市卫健委";
const OTHER = "市财政局";
const suffix = Date.now().toString(36);
/** A small PDF that file-type recognises by its content. */
const PDF = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

// ── Personas ────────────────────────────────────────────────────────────────

const personaKeys = ["anonymous", "leader", "owningLiaison", "otherLiaison", "admin", "owningHead"] as const;
type Persona = (typeof personaKeys)[number];
const personas = {} as Record<Persona, CurrentUser | null>;

async function currentUser(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}

function actorOf(persona: Persona): Actor {
  const u = personas[persona];
  if (!u) throw new Error(`${persona} has no account`);
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

// ── The records the matrix works on ─────────────────────────────────────────

const fx = {
  planId: "",
  testPlanId: "",
  measureId: "",
  measureOriginal: null as null | Pick<Measure, "scheduleKind" | "deadline" | "dueDates" | "scheduleFlags" | "checkpoints" | "cadence">,
  owningDeptId: "",
  otherDeptId: "",
  /** One fresh quarter period per purpose, so no cell depends on another's leftovers. */
  periods: { save: "", review: "", request: "", decide: "", attachment: "", read: "", backfill: "", onBehalf: "", bulk: "", signoff: "", signoffRead: "" },
  attachmentId: "",
  /** Records the read cells look for: a submitted report, a pending extension request, a leader's instruction. */
  readReportId: "",
  readExtensionId: "",
  instructionId: "",
  targetUserId: "",
  owningDeptOriginal: { fullName: "", aliases: [] as string[] },
  /** A plan of the matrix's own whose structure the measure:manage cells edit (decision 021). */
  structurePlanId: "",
};

/** The matrix's own plan: task 1 with measures 1.1 (one department) and 1.2 (two, and an indicator the parser proposed); task 2. */
const structurePlan = {
  plan: { code: `matrix-structure-${suffix}`, title: "矩阵结构测试计划", issuer: "测试", startYear: 2026, endYear: 2027, status: "ACTIVE" as const },
  departments: [
    { shortName: OWNING, fullName: OWNING, aliases: [], sortOrder: 0 },
    { shortName: OTHER, fullName: OTHER, aliases: [], sortOrder: 0 },
  ],
  keyTasks: [
    {
      number: 1,
      title: "矩阵任务一",
      measures: [
        { number: 1, text: "矩阵措施一。", departmentsText: OWNING, timeArrangement: "每季度" },
        { number: 2, text: "矩阵措施二，培训覆盖率达到90%以上。", departmentsText: `${OWNING}、${OTHER}`, timeArrangement: "每季度" },
      ],
    },
    { number: 2, title: "矩阵任务二", measures: [{ number: 1, text: "矩阵措施三。", departmentsText: OTHER, timeArrangement: "2027年底前" }] },
  ],
};

const structureMeasure = (task: number, number: number) =>
  db.measure.findFirstOrThrow({ where: { number, keyTask: { number: task, planId: fx.structurePlanId } }, include: { departments: { orderBy: { sortOrder: "asc" } }, indicators: true } });
const structureTask = (number: number) => db.keyTask.findFirstOrThrow({ where: { number, planId: fx.structurePlanId } });

/**
 * A measure:manage cell on the matrix's own plan: `setup` gives the form and the check of the
 * administrator's change (the audit event it must write: [action, entityType, entityId]).
 */
function structureSubject(
  name: string,
  call: (state: ActionState, data: FormData) => Promise<ActionState>,
  success: string,
  setup: () => Promise<{ fields: Record<string, string>; verify: () => Promise<[string, string, string]> }>,
): Subject {
  return {
    name,
    async prepare(persona) {
      const { fields, verify } = await setup();
      return {
        invoke: () => action(call(initialActionState, form(fields))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, success);
          const [act, entityType, entityId] = await verify();
          expect(await auditSince(before)).toEqual([[act, entityType, entityId, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  };
}

/** Everything a cell could touch, scoped to the records above; a denied cell must leave all of it unchanged. */
async function world() {
  const personaIds = personaKeys.flatMap((p) => (personas[p] ? [personas[p].id] : []));
  const [reports, extensions, periods, instructions, users, departments, audit, sessions, plans, structure, userCount, departmentCount, closures, closing, notices, notificationCount] = await Promise.all([
    db.progressReport.findMany({
      where: { measureId: fx.measureId },
      include: { values: { orderBy: { indicatorId: "asc" } }, attachments: { orderBy: { id: "asc" } }, revisions: { orderBy: { number: "asc" } } },
      orderBy: { id: "asc" },
    }),
    db.extensionRequest.findMany({ where: { period: { measureId: fx.measureId } }, orderBy: { id: "asc" } }),
    db.reportingPeriod.findMany({ where: { measureId: fx.measureId }, orderBy: { id: "asc" } }),
    db.leaderInstruction.findMany({ where: { measureId: fx.measureId }, orderBy: { id: "asc" } }),
    db.user.findMany({ where: { id: { in: [...personaIds, fx.targetUserId] } }, orderBy: { id: "asc" } }),
    db.department.findMany({ where: { id: { in: [fx.owningDeptId, fx.otherDeptId] } }, orderBy: { id: "asc" } }),
    // The audit trail is append-only and files run one at a time: an unchanged highest id means nothing was recorded.
    db.auditEvent.aggregate({ _max: { id: true } }),
    db.userSession.findMany({ where: { userId: fx.targetUserId }, orderBy: { id: "asc" } }),
    db.plan.findMany({ select: { id: true, code: true, status: true, updatedAt: true, _count: { select: { keyTasks: true } } }, orderBy: { code: "asc" } }),
    // The matrix plan's structure: key tasks, measures, their departments, indicators and periods.
    db.keyTask.findMany({
      where: { planId: fx.structurePlanId },
      orderBy: { number: "asc" },
      include: { measures: { orderBy: { number: "asc" }, include: { departments: true, indicators: true, _count: { select: { periods: true } } } } },
    }),
    // A refused account creation adds no account.
    db.user.count(),
    db.department.count(),
    // 办结销号: the measure's applications and whether it is closed or 常态化; the plans' settings.
    db.measureClosure.findMany({ where: { measureId: fx.measureId }, include: { evidence: { orderBy: { id: "asc" } } }, orderBy: { id: "asc" } }),
    db.measure.findUniqueOrThrow({ where: { id: fx.measureId }, select: { closedAt: true, normalizedAt: true, version: true } }),
    db.supervisionNotice.findMany({ where: { measureId: fx.measureId }, orderBy: { id: "asc" } }),
    // A refused step notifies nobody.
    db.notification.count(),
  ]);
  const files = readdirSync(state.evidenceDir).sort();
  const settings = await db.plan.findMany({
    select: { id: true, progressYellowPoints: true, progressRedPoints: true, closureSignoff: true, rankTimelinessWeight: true, rankProgressWeight: true, rankReturnsWeight: true, rankNoticesWeight: true },
    orderBy: { id: "asc" },
  });
  // A refused schedule or calendar change leaves the measure and the calendar as they were.
  // A refused carry-over (结转) links nothing.
  const [measure, calendar, carryovers] = await Promise.all([
    db.measure.findUnique({ where: { id: fx.measureId }, select: { version: true, cadence: true, checkpoints: true, trackingStart: true } }),
    db.workingCalendarDay.findMany({ orderBy: { day: "asc" }, select: { day: true, working: true, name: true, source: true } }),
    db.measureCarryover.findMany({ orderBy: { id: "asc" } }),
  ]);
  // 终期评估: a refused confirmation stores no verdict.
  const evaluations = await db.measureEvaluation.findMany({ where: { measureId: fx.measureId }, orderBy: { id: "asc" } });
  // 分管: a refused setting leaves the leader's departments as they were.
  const ledDepartments = await db.leaderDepartment.findMany({ where: { userId: fx.targetUserId }, orderBy: { departmentId: "asc" } });
  return { ledDepartments, carryovers, reports, extensions, periods, instructions, users, departments, sessions, plans, structure, userCount, departmentCount, closures, closing, settings, notices, notificationCount, lastAuditId: audit._max.id ?? BigInt(0), files, measure, calendar, evaluations };
}
type World = Awaited<ReturnType<typeof world>>;

/** The audit events written since `before`, as [action, entityType, entityId, actorId, ip]. */
async function auditSince(before: World) {
  const events = await db.auditEvent.findMany({ where: { id: { gt: before.lastAuditId } }, orderBy: { id: "asc" } });
  return events.map((e) => [e.action, e.entityType, e.entityId, e.actorId, e.ip]);
}

function form(fields: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  return data;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function ownReport(periodId: string, departmentId: string) {
  return db.progressReport.findUnique({ where: { periodId_departmentId: { periodId, departmentId } } });
}

/** The owning department's report for `periodId`, submitted (via the mutation, as its liaison) if it is not already. */
async function submittedReport(periodId: string) {
  const existing = await ownReport(periodId, fx.owningDeptId);
  if (existing?.state === "SUBMITTED") return existing;
  await saveReport(db, evidenceStore(), evidenceLimits(), actorOf("owningLiaison"), {
    periodId,
    expectedVersion: existing?.version ?? 0,
    progress: "IN_PROGRESS",
    workDone: "已完成季度通报",
    problems: "",
    nextSteps: "",
    values: {},
    uploads: [],
    removeAttachmentIds: [],
    submit: true,
  });
  const report = await ownReport(periodId, fx.owningDeptId);
  expect(report?.state).toBe("SUBMITTED");
  return report!;
}

/**
 * The owning department's report for `periodId` awaiting its head's sign-off (decision 032): submitted
 * via the mutation, as its liaison, while the plan asks for the sign-off (switched on for that save only).
 */
async function awaitingHeadReport(periodId: string) {
  const existing = await ownReport(periodId, fx.owningDeptId);
  if (existing) return existing;
  await db.plan.update({ where: { id: fx.planId }, data: { headSignoff: true } });
  try {
    await saveReport(db, evidenceStore(), evidenceLimits(), actorOf("owningLiaison"), {
      periodId,
      expectedVersion: 0,
      progress: "IN_PROGRESS",
      workDone: "已开展专项通报，请负责人审签",
      problems: "",
      nextSteps: "",
      values: {},
      uploads: [],
      removeAttachmentIds: [],
      submit: true,
    });
  } finally {
    await db.plan.update({ where: { id: fx.planId }, data: { headSignoff: false } });
  }
  const report = await ownReport(periodId, fx.owningDeptId);
  expect(report?.state).toBe("AWAITING_HEAD");
  return report!;
}

/** A pending extension request of the owning department for `periodId`, made via the mutation if none is pending. */
async function pendingExtension(periodId: string) {
  const pending = await db.extensionRequest.findFirst({ where: { periodId, departmentId: fx.owningDeptId, state: "PENDING" } });
  if (pending) return pending;
  const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: periodId }, include: { departmentDues: { where: { departmentId: fx.owningDeptId } } } });
  // After an approval, the department's own date has moved: ask for a later one still.
  const dueDate = period.departmentDues[0]?.dueDate ?? period.dueDate;
  const id = await requestExtension(db, actorOf("owningLiaison"), { periodId, requestedDueDate: addDays(isoDay(dueDate), 30), reason: "通报数据待省里核对" });
  return db.extensionRequest.findUniqueOrThrow({ where: { id } });
}

// ── 督办单 and instructions in the state each step needs, made through the mutations ─────

const inDays = (days: number) => addDays(todayInChina(), days);

/** A fresh notice to the owning department, issued by the bureau and moved to `state`. */
async function noticeIn(state: "ISSUED" | "SIGNED" | "REPLIED") {
  const { id } = await issueNotice(db, actorOf("admin"), { measureId: fx.measureId, departmentId: fx.owningDeptId, periodId: null, colour: "RED", dueDate: inDays(10), text: "请加快尘肺病通报工作进度" });
  if (state !== "ISSUED") await signNotice(db, actorOf("owningLiaison"), { noticeId: id, expectedVersion: 1 });
  if (state === "REPLIED") await replyNotice(db, actorOf("owningLiaison"), { noticeId: id, expectedVersion: 2, reply: "已开展专项通报" });
  return db.supervisionNotice.findUniqueOrThrow({ where: { id } });
}

/** A fresh instruction of the leader on the measure (to its lead, the owning department), assigned unless `PENDING`, replied to when asked. */
async function instructionIn(state: "PENDING" | "ASSIGNED" | "REPLIED") {
  const id = await addInstruction(db, actorOf("leader"), { measureId: fx.measureId, text: "请按季度通报尘肺病防治情况", deadline: state === "PENDING" ? null : inDays(14) });
  if (state === "REPLIED") await replyInstruction(db, actorOf("owningLiaison"), { instructionId: id, expectedVersion: 1, reply: "已按季度通报" });
  return db.leaderInstruction.findUniqueOrThrow({ where: { id } });
}

/** The kinds of the notifications written since `before` (by the step's own transaction). */
async function notifiedSince(before: World) {
  const rows = await db.notification.findMany({ orderBy: { createdAt: "desc" }, take: (await db.notification.count()) - before.notificationCount });
  return rows.map((n) => n.kind);
}

// ── What each action is, how to set it up, and what success looks like ─────


type Outcome = { kind: "action"; state: ActionState } | { kind: "response"; response: Response } | { kind: "read"; value: unknown };

interface Prepared {
  invoke(): Promise<Outcome>;
  /** Checks the intended change; `before` is the world just before the call. */
  verifyAllowed(outcome: Outcome, before: World): Promise<void>;
}

interface Subject {
  name: string;
  prepare(persona: Persona): Promise<Prepared>;
}

function actionState(outcome: Outcome): ActionState {
  if (outcome.kind !== "action") throw new Error("expected an action result");
  return outcome.state;
}

function expectSuccess(outcome: Outcome, message: string) {
  expect(actionState(outcome)).toMatchObject({ ok: true, message });
  expect(vi.mocked(revalidatePath)).toHaveBeenCalled();
}

const action = (state: Promise<ActionState>) => state.then((s): Outcome => ({ kind: "action", state: s }));

function readValue<T>(outcome: Outcome): T {
  if (outcome.kind !== "read") throw new Error("expected a read");
  return outcome.value as T;
}

/** A query behind a page, called as the persona; `check` verifies what an allowed caller gets. Reading changes nothing. */
function readSubject<T>(name: string, query: (actor: Actor | null) => Promise<T>, check: (value: T) => void): Subject {
  return {
    name,
    async prepare(persona) {
      return {
        invoke: async () => ({ kind: "read", value: await query(personas[persona]) }),
        async verifyAllowed(outcome, before) {
          check(readValue<T>(outcome));
          expect(await world()).toEqual(before);
        },
      };
    },
  };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
/** Whether the persona's exports are its department's share (export:read scoped "own"): the liaisons and the department head. */
const departmental = (persona: Persona) => persona.endsWith("Liaison") || persona === "owningHead";

const subjects = {
  saveReportAction: {
    name: "saveReportAction",
    async prepare(persona) {
      const periodId = fx.periods.save;
      // The version the caller's form would have been loaded from: their own department's report, else the owning one's.
      const departmentId = personas[persona]?.departmentId ?? fx.owningDeptId;
      const expectedVersion = (await ownReport(periodId, departmentId))?.version ?? 0;
      const workDone = `本季度通报不达标责任主体 3 家（${persona}）`;
      // The owning liaison uploaded the evidence beforehand; the save attaches it by reference.
      // (Once their report is submitted no upload is taken; the denied cells after it send a made-up one.)
      const reference =
        persona === "owningLiaison"
          ? (await receiveUpload(db, evidenceStore(), evidenceLimits(), actorOf("owningLiaison"), { periodId, name: "整改通报.pdf", declaredLength: PDF.byteLength, body: Readable.from([PDF]) }))
              .reference
          : "0".repeat(32);
      return {
        invoke: () =>
          action(
            saveReportAction(
              initialActionState,
              form({
                periodId,
                expectedVersion: String(expectedVersion),
                intent: "submit",
                progress: "IN_PROGRESS",
                workDone,
                problems: "个别企业整改滞后",
                nextSteps: "下季度复查",
                upload: reference,
              }),
            ),
          ),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.submitted);
          const report = await db.progressReport.findUniqueOrThrow({
            where: { periodId_departmentId: { periodId, departmentId: fx.owningDeptId } },
            include: { attachments: true, revisions: true },
          });
          expect(report).toMatchObject({ state: "SUBMITTED", progress: "IN_PROGRESS", workDone, version: expectedVersion + 1, isLead: true });
          expect(actionState(outcome)).toMatchObject({ result: { version: report.version } });
          expect(report.attachments.map((a) => [a.originalName, a.mimeType, a.size])).toEqual([["整改通报.pdf", "application/pdf", PDF.byteLength]]);
          expect(report.revisions.map((r) => r.event)).toEqual(["SUBMITTED"]);
          // The upload's file became the attachment's; only its pending-upload description went.
          expect(report.attachments[0].storedName).toBe(reference);
          expect(before.files).toContain(`${reference}.upload.json`);
          expect((await world()).files).toEqual(before.files.filter((f) => f !== `${reference}.upload.json`));
          expect(await auditSince(before)).toEqual([["report.submit", "ProgressReport", report.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  reviewReportAction: {
    name: "reviewReportAction",
    async prepare(persona) {
      const report = await submittedReport(fx.periods.review);
      const reason = `佐证材料不全，请补充（${persona}）`;
      return {
        invoke: () =>
          action(reviewReportAction(initialActionState, form({ reportId: report.id, expectedVersion: String(report.version), decision: "RETURN", reason }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.returned);
          const after = await db.progressReport.findUniqueOrThrow({ where: { id: report.id }, include: { revisions: { orderBy: { number: "desc" }, take: 1 } } });
          expect(after).toMatchObject({ state: "RETURNED", returnReason: reason, reviewerId: personas[persona]!.id, version: report.version + 1 });
          expect(after.revisions[0]).toMatchObject({ event: "RETURNED", reason, actorId: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["report.return", "ProgressReport", report.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  requestExtensionAction: {
    name: "requestExtensionAction",
    async prepare(persona) {
      const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: fx.periods.request } });
      const requestedDueDate = addDays(isoDay(period.dueDate), 21);
      const reason = `需等待省级数据（${persona}）`;
      return {
        invoke: () => action(requestExtensionAction(initialActionState, form({ periodId: period.id, requestedDueDate, reason }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.extensionRequested);
          const created = await db.extensionRequest.findMany({ where: { periodId: period.id, id: { notIn: before.extensions.map((e) => e.id) } } });
          expect(created).toHaveLength(1);
          expect(created[0]).toMatchObject({ state: "PENDING", departmentId: fx.owningDeptId, requestedById: personas[persona]!.id, reason });
          expect(isoDay(created[0].requestedDueDate)).toBe(requestedDueDate);
          expect(isoDay(created[0].currentDueDate)).toBe(isoDay(period.dueDate));
          expect(await auditSince(before)).toEqual([["extension.request", "ExtensionRequest", created[0].id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  decideExtensionAction: {
    name: "decideExtensionAction",
    async prepare(persona) {
      const request = await pendingExtension(fx.periods.decide);
      const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: request.periodId } });
      const note = `同意延期（${persona}）`;
      return {
        invoke: () => action(decideExtensionAction(initialActionState, form({ extensionId: request.id, decision: "APPROVE", note }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.extensionDecided);
          const after = await db.extensionRequest.findUniqueOrThrow({ where: { id: request.id }, include: { period: true } });
          expect(after).toMatchObject({ state: "APPROVED", decidedById: personas[persona]!.id, decisionNote: note });
          // Only the requesting department's own due date moves; the period's stays (finding 12 of issue 8).
          const own = await db.departmentDueDate.findUniqueOrThrow({ where: { periodId_departmentId: { periodId: request.periodId, departmentId: request.departmentId } } });
          expect(isoDay(own.dueDate)).toBe(isoDay(request.requestedDueDate));
          expect(isoDay(after.period.dueDate)).toBe(isoDay(period.dueDate));
          expect(isoDay(after.period.originalDueDate)).toBe(isoDay(period.originalDueDate));
          expect(await auditSince(before)).toEqual([["extension.approve", "ExtensionRequest", request.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  addInstructionAction: {
    name: "addInstructionAction",
    async prepare(persona) {
      const text = `请加大通报力度，季度末报进展（${persona}-${suffix}）`;
      return {
        invoke: () => action(addInstructionAction(initialActionState, form({ measureId: fx.measureId, text }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.instructionSaved);
          const created = await db.leaderInstruction.findMany({ where: { measureId: fx.measureId, id: { notIn: before.instructions.map((i) => i.id) } } });
          expect(created.map((i) => [i.text, i.authorId])).toEqual([[text, personas[persona]!.id]]);
          expect(await auditSince(before)).toEqual([["instruction.create", "LeaderInstruction", created[0].id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  issueNoticeAction: {
    name: "issueNoticeAction",
    async prepare(persona) {
      const text = `尘肺病通报滞后，请整改（${persona}-${suffix}）`;
      return {
        invoke: () => action(issueNoticeAction(initialActionState, form({ measureId: fx.measureId, departmentId: fx.owningDeptId, periodId: "", colour: "RED", dueDate: inDays(7), text }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.notices.issued);
          const created = await db.supervisionNotice.findMany({ where: { measureId: fx.measureId, id: { notIn: before.notices.map((n) => n.id) } } });
          expect(created.map((n) => [n.text, n.colour, n.state, n.departmentId, n.issuedById])).toEqual([[text, "RED", "ISSUED", fx.owningDeptId, personas[persona]!.id]]);
          expect(await auditSince(before)).toEqual([["notice.issue", "SupervisionNotice", created[0].id, personas[persona]!.id, "127.0.0.1"]]);
          expect(await notifiedSince(before)).toContain("NOTICE_ISSUED");
        },
      };
    },
  },

  signNoticeAction: {
    name: "signNoticeAction",
    async prepare(persona) {
      const notice = await noticeIn("ISSUED");
      return {
        invoke: () => action(signNoticeAction(initialActionState, form({ noticeId: notice.id, expectedVersion: "1" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.notices.signed);
          expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "SIGNED", signedById: personas[persona]!.id, version: 2 });
          expect(await auditSince(before)).toEqual([["notice.sign", "SupervisionNotice", notice.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  replyNoticeAction: {
    name: "replyNoticeAction",
    async prepare(persona) {
      const notice = await noticeIn("SIGNED");
      const reply = `已约谈责任单位（${persona}）`;
      return {
        invoke: () => action(replyNoticeAction(initialActionState, form({ noticeId: notice.id, expectedVersion: String(notice.version), reply }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.notices.replied);
          expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "REPLIED", reply, repliedById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["notice.reply", "SupervisionNotice", notice.id, personas[persona]!.id, "127.0.0.1"]]);
          expect(await notifiedSince(before)).toContain("NOTICE_REPLIED");
        },
      };
    },
  },

  decideNoticeAction: {
    name: "decideNoticeAction",
    async prepare(persona) {
      const notice = await noticeIn("REPLIED");
      return {
        invoke: () => action(decideNoticeAction(initialActionState, form({ noticeId: notice.id, expectedVersion: String(notice.version), decision: "ACCEPT", reason: "" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.notices.closed);
          expect(await db.supervisionNotice.findUniqueOrThrow({ where: { id: notice.id } })).toMatchObject({ state: "CLOSED", closedById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["notice.close", "SupervisionNotice", notice.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  assignInstructionAction: {
    name: "assignInstructionAction",
    async prepare(persona) {
      const instruction = await instructionIn("PENDING");
      const deadline = inDays(21);
      return {
        invoke: () => action(assignInstructionAction(initialActionState, form({ instructionId: instruction.id, expectedVersion: "1", departmentId: fx.owningDeptId, deadline }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.instructions.assigned);
          const after = await db.leaderInstruction.findUniqueOrThrow({ where: { id: instruction.id } });
          expect(after).toMatchObject({ state: "ASSIGNED", departmentId: fx.owningDeptId, assignedById: personas[persona]!.id });
          expect(isoDay(after.deadline!)).toBe(deadline);
          expect(await auditSince(before)).toEqual([["instruction.assign", "LeaderInstruction", instruction.id, personas[persona]!.id, "127.0.0.1"]]);
          expect(await notifiedSince(before)).toContain("INSTRUCTION_ASSIGNED");
        },
      };
    },
  },

  replyInstructionAction: {
    name: "replyInstructionAction",
    async prepare(persona) {
      const instruction = await instructionIn("ASSIGNED");
      const reply = `已按批示落实（${persona}）`;
      return {
        invoke: () => action(replyInstructionAction(initialActionState, form({ instructionId: instruction.id, expectedVersion: "1", reply }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.instructions.replied);
          expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id: instruction.id } })).toMatchObject({ state: "REPLIED", reply, repliedById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["instruction.reply", "LeaderInstruction", instruction.id, personas[persona]!.id, "127.0.0.1"]]);
          expect(await notifiedSince(before)).toContain("INSTRUCTION_REPLIED");
        },
      };
    },
  },

  decideInstructionAction: {
    name: "decideInstructionAction",
    async prepare(persona) {
      const instruction = await instructionIn("REPLIED");
      return {
        invoke: () => action(decideInstructionAction(initialActionState, form({ instructionId: instruction.id, expectedVersion: String(instruction.version), decision: "CLOSE", reason: "" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.instructions.closed);
          expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id: instruction.id } })).toMatchObject({ state: "CLOSED", closedById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["instruction.close", "LeaderInstruction", instruction.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  setUserActiveAction: {
    name: "setUserActiveAction",
    async prepare(persona) {
      await db.user.update({ where: { id: fx.targetUserId }, data: { active: true } });
      return {
        invoke: () => action(setUserActiveAction(initialActionState, form({ userId: fx.targetUserId, active: "false" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.saved);
          expect((await db.user.findUniqueOrThrow({ where: { id: fx.targetUserId } })).active).toBe(false);
          expect(await auditSince(before)).toEqual([["user.deactivate", "User", fx.targetUserId, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  setUserRoleAction: {
    name: "setUserRoleAction",
    async prepare(persona) {
      await db.user.update({ where: { id: fx.targetUserId }, data: { role: "LEADER", active: true } });
      return {
        invoke: () => action(setUserRoleAction(initialActionState, form({ userId: fx.targetUserId, role: "ADMIN" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.saved);
          expect((await db.user.findUniqueOrThrow({ where: { id: fx.targetUserId } })).role).toBe("ADMIN");
          expect(await auditSince(before)).toEqual([["user.change_role", "User", fx.targetUserId, personas[persona]!.id, "127.0.0.1"]]);
          await db.user.update({ where: { id: fx.targetUserId }, data: { role: "LEADER" } });
        },
      };
    },
  },

  endSessionsAction: {
    name: "endSessionsAction",
    async prepare(persona) {
      await db.user.update({ where: { id: fx.targetUserId }, data: { active: true } });
      const sessionId = await openSession(db, fx.targetUserId);
      return {
        invoke: () => action(endSessionsAction(initialActionState, form({ userId: fx.targetUserId }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.sessionsEnded);
          const open = await db.userSession.findMany({ where: { userId: fx.targetUserId, endedAt: null } });
          expect(open.map((o) => o.id)).not.toContain(sessionId);
          expect(open).toEqual([]);
          expect(await auditSince(before)).toEqual([["user.end_sessions", "User", fx.targetUserId, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  setUserEmailAction: {
    name: "setUserEmailAction",
    async prepare(persona) {
      await db.user.update({ where: { id: fx.targetUserId }, data: { email: null } });
      const email = `matrix.${persona}.${suffix}@example.gov.cn`;
      return {
        invoke: () => action(setUserEmailAction(initialActionState, form({ userId: fx.targetUserId, email: ` ${email} ` }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.saved);
          expect((await db.user.findUniqueOrThrow({ where: { id: fx.targetUserId } })).email).toBe(email);
          expect(await auditSince(before)).toEqual([["user.change_email", "User", fx.targetUserId, personas[persona]!.id, "127.0.0.1"]]);
          await db.user.update({ where: { id: fx.targetUserId }, data: { email: null } });
        },
      };
    },
  },

  createUserAction: {
    name: "createUserAction",
    async prepare(persona) {
      const loginName = `matrix-new-${persona.toLowerCase()}-${suffix}`;
      return {
        invoke: () => action(createUserAction(initialActionState, form({ loginName, displayName: "矩阵新账号", role: "LIAISON", departmentId: fx.owningDeptId }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.userCreated);
          const created = await db.user.findUniqueOrThrow({ where: { loginName } });
          expect(created).toMatchObject({ role: "LIAISON", departmentId: fx.owningDeptId, mustChangePassword: true });
          expect(await verifyPassword(actionState(outcome).oneTimePassword!, created.passwordHash)).toBe(true);
          expect(await auditSince(before)).toEqual([["user.create", "User", created.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  resetPasswordAction: {
    name: "resetPasswordAction",
    async prepare(persona) {
      await db.user.update({ where: { id: fx.targetUserId }, data: { passwordHash: "unused", mustChangePassword: false, active: true } });
      const sessionId = await openSession(db, fx.targetUserId);
      return {
        invoke: () => action(resetPasswordAction(initialActionState, form({ userId: fx.targetUserId }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.passwordReset);
          const user = await db.user.findUniqueOrThrow({ where: { id: fx.targetUserId } });
          expect(user.mustChangePassword).toBe(true);
          expect(await verifyPassword(actionState(outcome).oneTimePassword!, user.passwordHash)).toBe(true);
          expect((await db.userSession.findUniqueOrThrow({ where: { id: sessionId } })).endedAt).not.toBeNull();
          expect(await auditSince(before)).toEqual([["user.reset_password", "User", fx.targetUserId, personas[persona]!.id, "127.0.0.1"]]);
          await db.user.update({ where: { id: fx.targetUserId }, data: { passwordHash: "unused", mustChangePassword: false } });
        },
      };
    },
  },

  changePasswordAction: {
    name: "changePasswordAction",
    async prepare(persona) {
      const me = personas[persona];
      const original = me ? (await db.user.findUniqueOrThrow({ where: { id: me.id } })).passwordHash : null;
      const newPassword = "Matrix-own-2026";
      return {
        invoke: () => action(changePasswordAction(initialActionState, form({ currentPassword: DEMO_PASSWORD, newPassword, confirmPassword: newPassword }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.account.passwordChanged);
          const user = await db.user.findUniqueOrThrow({ where: { id: me!.id } });
          expect(await verifyPassword(newPassword, user.passwordHash)).toBe(true);
          expect(await auditSince(before)).toEqual([["user.change_password", "User", me!.id, me!.id, "127.0.0.1"]]);
          await db.user.update({ where: { id: me!.id }, data: { passwordHash: original! } });
        },
      };
    },
  },

  createDepartmentAction: {
    name: "createDepartmentAction",
    async prepare(persona) {
      const shortName = `矩阵${persona}${suffix}`;
      return {
        invoke: () => action(createDepartmentAction(initialActionState, form({ shortName, fullName: `${shortName}全称`, aliases: "", kind: "COUNTY" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.departmentCreated);
          const created = await db.department.findUniqueOrThrow({ where: { shortName } });
          expect(created).toMatchObject({ fullName: `${shortName}全称`, kind: "COUNTY" });
          expect(await auditSince(before)).toEqual([["department.create", "Department", created.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  updateDepartmentAction: {
    name: "updateDepartmentAction",
    async prepare(persona) {
      await restoreOwningDepartment();
      const fullName = `${fx.owningDeptOriginal.fullName}（更正）`;
      return {
        invoke: () => action(updateDepartmentAction(initialActionState, form({ departmentId: fx.owningDeptId, shortName: OWNING, fullName, aliases: "卫健委、市卫生健康委", kind: "CITY" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.saved);
          expect(await db.department.findUniqueOrThrow({ where: { id: fx.owningDeptId } })).toMatchObject({ fullName, aliases: ["卫健委", "市卫生健康委"] });
          expect(await auditSince(before)).toEqual([["department.update", "Department", fx.owningDeptId, personas[persona]!.id, "127.0.0.1"]]);
          await restoreOwningDepartment();
        },
      };
    },
  },

  importPlanAction: {
    name: "importPlanAction",
    async prepare(persona) {
      const code = `matrix-${persona.toLowerCase()}-${suffix}`;
      const rows = [{ line: 2, taskNumber: 1, taskTitle: "矩阵测试任务", text: "定期通报。", departmentsText: OWNING, timeArrangement: "每季度" }];
      return {
        invoke: () => action(importPlanAction(initialActionState, form({ code, title: "矩阵测试计划", issuer: "", startYear: "2026", endYear: "2030", rows: JSON.stringify(rows) }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.planImport.imported);
          const plan = await db.plan.findUniqueOrThrow({ where: { code }, include: { keyTasks: { include: { measures: { include: { departments: true } } } } } });
          expect(plan.keyTasks.flatMap((t) => t.measures.map((m) => [m.text, m.departments.map((d) => [d.departmentId, d.isLead])]))).toEqual([["定期通报。", [[fx.owningDeptId, true]]]]);
          expect(await auditSince(before)).toEqual([["plan.import", "Plan", plan.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  planUploadRoute: {
    name: "POST /api/admin/plans/import",
    async prepare() {
      const csv = new TextEncoder().encode(`序号,重点任务,主要措施,责任部门,时间安排\n1,矩阵测试任务,定期通报。,${OWNING},每季度\n`);
      return {
        invoke: async () => ({
          kind: "response",
          response: await uploadPlanTable(
            new Request("http://localhost/api/admin/plans/import?name=plan.csv&startYear=2026&endYear=2030", {
              method: "POST",
              headers: { "Content-Type": "application/octet-stream", host: "localhost" },
              body: csv,
            }),
          ),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(outcome.response.status).toBe(200);
          const body = (await outcome.response.json()) as { preview: { measureCount: number } };
          expect(body.preview.measureCount).toBe(1);
          // A preview writes nothing.
          expect(await world()).toEqual(before);
        },
      };
    },
  },

  // 补录 / 代填报 (decision 025): the bureau enters the owning department's report on the shipped (ended) plan.
  backfillReportAction: {
    name: "backfillReportAction",
    async prepare(persona) {
      const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: fx.periods.backfill } });
      const submittedOn = addDays(isoDay(period.periodEnd), 3);
      const workDone = `补录：当季已通报（${persona}）`;
      return {
        invoke: () =>
          action(backfillReportAction(initialActionState, form({ periodId: period.id, departmentId: fx.owningDeptId, submittedOn, acceptedOn: "", progress: "IN_PROGRESS", workDone }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.backfill.saved);
          const report = await db.progressReport.findUniqueOrThrow({ where: { periodId_departmentId: { periodId: period.id, departmentId: fx.owningDeptId } }, include: { revisions: { orderBy: { number: "asc" } } } });
          expect(report).toMatchObject({ state: "ACCEPTED", entry: "BACKFILL", enteredById: personas[persona]!.id, workDone });
          expect(isoDay(report.submittedAt!)).toBe(submittedOn);
          expect(report.revisions.map((r) => [r.event, isoDay(r.at)])).toEqual([["SUBMITTED", submittedOn], ["ACCEPTED", submittedOn]]);
          expect(await auditSince(before)).toEqual([["report.backfill", "ProgressReport", report.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  reportOnBehalfAction: {
    name: "reportOnBehalfAction",
    async prepare(persona) {
      const periodId = fx.periods.onBehalf;
      const workDone = `代填报：部门电话报送（${persona}）`;
      return {
        invoke: () => action(reportOnBehalfAction(initialActionState, form({ periodId, departmentId: fx.owningDeptId, progress: "DIFFICULT", workDone, problems: "人手不足" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.backfill.onBehalfSaved);
          const report = await db.progressReport.findUniqueOrThrow({ where: { periodId_departmentId: { periodId, departmentId: fx.owningDeptId } }, include: { revisions: true } });
          expect(report).toMatchObject({ state: "SUBMITTED", entry: "ON_BEHALF", enteredById: personas[persona]!.id, progress: "DIFFICULT", workDone, problems: "人手不足" });
          expect(report.revisions.map((r) => [r.event, r.entry])).toEqual([["SUBMITTED", "ON_BEHALF"]]);
          expect(await auditSince(before)).toEqual([["report.on_behalf", "ProgressReport", report.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  backfillUploadRoute: {
    name: "POST /api/admin/backfill (import)",
    async prepare() {
      const period = await db.reportingPeriod.findUniqueOrThrow({ where: { id: fx.periods.bulk } });
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await backfillTemplate()) as unknown as ArrayBuffer);
      const submittedOn = addDays(isoDay(period.periodEnd), 5);
      workbook.getWorksheet("补录")!.addRow(["6.5", OWNING, periodLabel({ kind: "QUARTER", periodEnd: isoDay(period.periodEnd) }), submittedOn, "", "推进中", "批量补录的进展", "", "", ""]);
      const body = Buffer.from(await workbook.xlsx.writeBuffer());
      return {
        invoke: async () => ({
          kind: "response",
          response: await uploadBackfill(
            new Request(`http://localhost/api/admin/backfill?plan=${PLAN}&mode=import`, { method: "POST", headers: { "Content-Type": "application/octet-stream", host: "localhost" }, body }),
          ),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(await outcome.response.json()).toEqual({ message: "已补录 1 份报告", count: 1 });
          const report = await db.progressReport.findUniqueOrThrow({ where: { periodId_departmentId: { periodId: period.id, departmentId: fx.owningDeptId } } });
          expect(report).toMatchObject({ state: "ACCEPTED", entry: "BACKFILL", workDone: "批量补录的进展" });
          expect(isoDay(report.submittedAt!)).toBe(submittedOn);
          expect(await auditSince(before)).toEqual([["report.backfill_import", "Plan", fx.planId, personas.admin!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  planExportRoute: {
    name: "GET /api/admin/plans/export",
    async prepare() {
      return {
        invoke: async () => ({ kind: "response", response: await exportPlanTable(new Request(`http://localhost/api/admin/plans/export?plan=${PLAN}`)) }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(outcome.response.status).toBe(200);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(await outcome.response.arrayBuffer());
          expect(workbook.worksheets[0].rowCount).toBe(2 + 34);
          expect(await world()).toEqual(before);
        },
      };
    },
  },

  setPlanStatusAction: {
    name: "setPlanStatusAction",
    async prepare(persona) {
      await db.plan.update({ where: { id: fx.testPlanId }, data: { status: "ACTIVE" } });
      return {
        invoke: () => action(setPlanStatusAction(initialActionState, form({ planId: fx.testPlanId, from: "ACTIVE", to: "ENDED" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.planStatusSaved);
          expect((await db.plan.findUniqueOrThrow({ where: { id: fx.testPlanId } })).status).toBe("ENDED");
          expect(await auditSince(before)).toEqual([["plan.status", "Plan", fx.testPlanId, personas[persona]!.id, "127.0.0.1"]]);
          await db.plan.update({ where: { id: fx.testPlanId }, data: { status: "ACTIVE" } });
        },
      };
    },
  },

  removeDemoDataAction: {
    name: "removeDemoDataAction",
    async prepare(persona) {
      // A demonstration row (decision 030) in an embedded installation: an instruction listed in DemoData.
      vi.stubEnv("DUBAN_DB_MODE", "embedded");
      let marker = await db.demoData.findFirst({ where: { entityType: "LeaderInstruction" } });
      if (!marker) {
        const instruction = await instructionIn("ASSIGNED");
        marker = await db.demoData.create({ data: { entityType: "LeaderInstruction", entityId: instruction.id } });
      }
      const instructionId = marker.entityId;
      return {
        invoke: () => action(removeDemoDataAction(initialActionState, form({ confirm: "yes" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.demoRemoved);
          expect(await db.leaderInstruction.findUnique({ where: { id: instructionId } })).toBeNull();
          expect(await db.demoData.count()).toBe(0);
          expect(await auditSince(before)).toEqual([["demo.remove", "DemoData", null, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  setCalendarDayAction: {
    name: "setCalendarDayAction",
    async prepare(persona) {
      // A day no migration lists (2027-02-06 is a statutory holiday since decision 031).
      const day = "2027-02-09";
      await db.workingCalendarDay.deleteMany({ where: { day: new Date(`${day}T00:00:00Z`) } });
      return {
        invoke: () => action(setCalendarDayAction(initialActionState, form({ day, working: "false", name: "春节" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.calendarSaved);
          expect(await db.workingCalendarDay.findUniqueOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } })).toMatchObject({ working: false, name: "春节", source: "admin" });
          expect(await auditSince(before)).toEqual([["calendar.set_day", "WorkingCalendarDay", day, personas[persona]!.id, "127.0.0.1"]]);
          await db.workingCalendarDay.deleteMany({ where: { day: new Date(`${day}T00:00:00Z`) } });
        },
      };
    },
  },

  confirmCalendarYearAction: {
    name: "confirmCalendarYearAction",
    async prepare(persona) {
      // 2027 holds statutory-only days (decision 031); the allowed cell turns them into the administrators' and puts them back.
      const statutory = { day: { gte: new Date("2027-01-01T00:00:00Z"), lte: new Date("2027-12-31T00:00:00Z") }, source: { startsWith: "statutory:" } };
      const rows = await db.workingCalendarDay.findMany({ where: statutory, select: { day: true, source: true } });
      expect(rows.length).toBeGreaterThan(0);
      return {
        invoke: () => action(confirmCalendarYearAction(initialActionState, form({ year: "2027" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.calendarYearConfirmed);
          expect(await db.workingCalendarDay.count({ where: statutory })).toBe(0);
          expect(await auditSince(before)).toEqual([["calendar.confirm_year", "WorkingCalendarDay", "2027", personas[persona]!.id, "127.0.0.1"]]);
          for (const r of rows) await db.workingCalendarDay.update({ where: { day: r.day }, data: { source: r.source } });
        },
      };
    },
  },

  setMeasureReportingAction: {
    name: "setMeasureReportingAction",
    async prepare(persona) {
      const m = await db.measure.findUniqueOrThrow({ where: { id: fx.measureId }, select: { version: true, cadence: true, checkpoints: true, trackingStart: true } });
      return {
        // Today's checkpoint list again with one later day: the plan has ended, so its periods stay as they stood.
        invoke: () => action(setMeasureReportingAction(initialActionState, form({ measureId: fx.measureId, expectedVersion: String(m.version), cadence: "PLAN", trackingStart: "", checkpoints: "2025-12-31" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.reportingSaved);
          expect(await db.measure.findUniqueOrThrow({ where: { id: fx.measureId }, select: { version: true, checkpoints: true } })).toEqual({ version: m.version + 1, checkpoints: [new Date("2025-12-31T00:00:00Z")] });
          expect(await auditSince(before)).toEqual([["measure.set_reporting", "Measure", fx.measureId, personas[persona]!.id, "127.0.0.1"]]);
          await db.measure.update({ where: { id: fx.measureId }, data: { cadence: m.cadence, checkpoints: m.checkpoints, trackingStart: m.trackingStart } });
        },
      };
    },
  },
  // plan:carryover (decision 028): a measure of the ended shipped plan carried into the matrix plan's task 1.
  carryOverAction: {
    name: "carryOverAction",
    async prepare(persona) {
      const origin = await db.measure.findFirstOrThrow({ where: { number: 4, keyTask: { number: 11, planId: fx.planId } } });
      const task = await structureTask(1);
      return {
        invoke: () => action(carryOverAction(initialActionState, (() => {
          const data = form({ originPlanId: fx.planId, target: `${fx.structurePlanId}:${task.id}`, deadline: "", cadence: "QUARTERLY" });
          data.append("measureId", origin.id);
          return data;
        })())),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.carriedOver);
          const link = await db.measureCarryover.findFirstOrThrow({ where: { originMeasureId: origin.id, targetPlanId: fx.structurePlanId }, include: { measure: { select: { keyTaskId: true } } } });
          expect(link.measure.keyTaskId).toBe(task.id);
          expect(await auditSince(before)).toEqual([["measure.carryover", "Measure", link.measureId, personas[persona]!.id, "127.0.0.1"]]);
          // The matrix plan's structure as it was, for the cells after this one.
          await db.measure.delete({ where: { id: link.measureId } });
        },
      };
    },
  },
  // measure:manage on a plan's structure (decision 021): only an administrator.
  addKeyTaskAction: structureSubject("addKeyTaskAction", addKeyTaskAction, messages.admin.keyTaskAdded, async () => ({
    fields: { planId: fx.structurePlanId, title: "矩阵新增任务" },
    verify: async () => ["keyTask.create", "KeyTask", (await db.keyTask.findFirstOrThrow({ where: { planId: fx.structurePlanId, title: "矩阵新增任务" } })).id],
  })),
  updateKeyTaskAction: structureSubject("updateKeyTaskAction", updateKeyTaskAction, messages.admin.saved, async () => {
    const task = await structureTask(1);
    return {
      fields: { keyTaskId: task.id, expectedVersion: String(task.version), title: "矩阵任务一（更正）" },
      verify: async () => {
        expect(await structureTask(1)).toMatchObject({ title: "矩阵任务一（更正）", version: task.version + 1 });
        return ["keyTask.update", "KeyTask", task.id];
      },
    };
  }),
  withdrawKeyTaskAction: structureSubject("withdrawKeyTaskAction", withdrawKeyTaskAction, messages.admin.withdrawn, async () => {
    const task = await structureTask(2);
    return {
      fields: { keyTaskId: task.id, expectedVersion: String(task.version), reason: "矩阵测试撤销" },
      verify: async () => {
        expect(await structureMeasure(2, 1)).toMatchObject({ withdrawnReason: "矩阵测试撤销" });
        return ["keyTask.withdraw", "KeyTask", task.id];
      },
    };
  }),
  addMeasureAction: structureSubject("addMeasureAction", addMeasureAction, messages.admin.measureAdded, async () => {
    const task = await structureTask(1);
    return {
      fields: { keyTaskId: task.id, text: "矩阵新增措施。", departmentsText: OWNING, timeArrangement: "每季度" },
      verify: async () => {
        const m = await db.measure.findFirstOrThrow({ where: { keyTaskId: task.id, text: "矩阵新增措施。" }, include: { _count: { select: { periods: true } } } });
        expect(m._count.periods).toBeGreaterThan(0);
        return ["measure.create", "Measure", m.id];
      },
    };
  }),
  withdrawMeasureAction: structureSubject("withdrawMeasureAction", withdrawMeasureAction, messages.admin.withdrawn, async () => {
    const m = await structureMeasure(1, 1);
    return {
      fields: { measureId: m.id, expectedVersion: String(m.version), reason: "矩阵测试撤销" },
      verify: async () => {
        expect(await structureMeasure(1, 1)).toMatchObject({ withdrawnReason: "矩阵测试撤销" });
        return ["measure.withdraw", "Measure", m.id];
      },
    };
  }),
  setMeasureDepartmentsAction: structureSubject("setMeasureDepartmentsAction", setMeasureDepartmentsAction, messages.admin.departmentsSaved, async () => {
    const m = await structureMeasure(1, 2);
    return {
      fields: { measureId: m.id, expectedVersion: String(m.version), [`role:${fx.owningDeptId}`]: "LEAD", [`role:${fx.otherDeptId}`]: "JOINT_LEAD" },
      verify: async () => {
        expect((await structureMeasure(1, 2)).departments.map((d) => [d.departmentId, d.isLead, d.isJointLead])).toEqual([
          [fx.owningDeptId, true, false],
          [fx.otherDeptId, false, true],
        ]);
        return ["measure.departments", "Measure", m.id];
      },
    };
  }),
  confirmIndicatorAction: structureSubject("confirmIndicatorAction", confirmIndicatorAction, messages.admin.indicatorConfirmedOk, async () => {
    const indicator = (await structureMeasure(1, 2)).indicators[0];
    return {
      fields: { indicatorId: indicator.id, expectedVersion: String(indicator.version) },
      verify: async () => {
        expect((await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).confirmedAt).not.toBeNull();
        return ["indicator.confirm", "Indicator", indicator.id];
      },
    };
  }),
  updateIndicatorAction: structureSubject("updateIndicatorAction", updateIndicatorAction, messages.admin.indicatorSaved, async () => {
    const indicator = (await structureMeasure(1, 2)).indicators[0];
    return {
      fields: { indicatorId: indicator.id, expectedVersion: String(indicator.version), name: "培训覆盖率", unit: "%", comparison: "GTE", target: "95", period: "YEAR", direction: "NONE", baseline: "" },
      verify: async () => {
        expect(Number((await db.indicator.findUniqueOrThrow({ where: { id: indicator.id } })).target)).toBe(95);
        return ["indicator.update", "Indicator", indicator.id];
      },
    };
  }),
  addIndicatorAction: structureSubject("addIndicatorAction", addIndicatorAction, messages.admin.indicatorAdded, async () => {
    const m = await structureMeasure(1, 2);
    return {
      fields: { measureId: m.id, name: "事故起数", unit: "%", comparison: "GTE", target: "10", period: "PLAN", direction: "DECREASE", baseline: "120" },
      verify: async () => {
        const added = await db.indicator.findFirstOrThrow({ where: { measureId: m.id, name: "事故起数" } });
        expect(added).toMatchObject({ direction: "DECREASE", confirmedAt: expect.any(Date) });
        return ["indicator.create", "Indicator", added.id];
      },
    };
  }),

  applyClosureAction: {
    name: "applyClosureAction",
    async prepare(persona) {
      await resetClosures();
      const summary = `各项工作均已完成（${persona}）`;
      return {
        invoke: () => action(applyClosureAction(initialActionState, form({ measureId: fx.measureId, summary }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.closureApplied);
          const closure = await db.measureClosure.findFirstOrThrow({ where: { measureId: fx.measureId } });
          expect(closure).toMatchObject({ state: "SUBMITTED", summary, departmentId: fx.owningDeptId, appliedById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["closure.apply", "MeasureClosure", closure.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },
  reviewClosureAction: {
    name: "reviewClosureAction",
    async prepare(persona) {
      const id = await pendingClosure();
      const reason = `佐证材料不全（${persona}）`;
      return {
        invoke: () => action(reviewClosureAction(initialActionState, form({ closureId: id, expectedVersion: "1", decision: "RETURN", reason }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.closureReturned);
          expect(await db.measureClosure.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "RETURNED", returnReason: reason, reviewedById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["closure.return", "MeasureClosure", id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },
  signoffClosureAction: {
    name: "signoffClosureAction",
    async prepare(persona) {
      const id = await pendingClosure();
      await db.measureClosure.update({ where: { id }, data: { state: "AWAITING_SIGNOFF" } });
      const reason = `请补充整改台账（${persona}）`;
      return {
        invoke: () => action(signoffClosureAction(initialActionState, form({ closureId: id, expectedVersion: "1", decision: "RETURN", reason }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.closureReturned);
          expect(await db.measureClosure.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "RETURNED", returnReason: reason, signedOffById: personas[persona]!.id });
          expect(await auditSince(before)).toEqual([["closure.signoff_return", "MeasureClosure", id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },
  reopenMeasureAction: {
    name: "reopenMeasureAction",
    async prepare(persona) {
      const id = await pendingClosure();
      const at = new Date();
      await db.measureClosure.update({ where: { id }, data: { state: "CLOSED", closedAt: at } });
      await db.measure.update({ where: { id: fx.measureId }, data: { closedAt: at } });
      const reason = `督查发现整改未到位（${persona}）`;
      return {
        invoke: () => action(reopenMeasureAction(initialActionState, form({ measureId: fx.measureId, reason }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.closureReopened);
          expect(await db.measureClosure.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "REOPENED", reopenReason: reason, reopenedById: personas[persona]!.id });
          expect((await db.measure.findUniqueOrThrow({ where: { id: fx.measureId } })).closedAt).toBeNull();
          expect(await auditSince(before)).toEqual([["closure.reopen", "MeasureClosure", id, personas[persona]!.id, "127.0.0.1"]]);
          await resetClosures();
        },
      };
    },
  },
  setProgressSettingsAction: {
    name: "setProgressSettingsAction",
    async prepare(persona) {
      await db.plan.update({ where: { id: fx.testPlanId }, data: { progressYellowPoints: 10, progressRedPoints: 30, closureSignoff: false } });
      return {
        invoke: () => action(setProgressSettingsAction(initialActionState, form({ planId: fx.testPlanId, yellowPoints: "15", redPoints: "35", closureSignoff: "on" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.progressSettingsSaved);
          expect(await db.plan.findUniqueOrThrow({ where: { id: fx.testPlanId } })).toMatchObject({ progressYellowPoints: 15, progressRedPoints: 35, closureSignoff: true });
          expect(await auditSince(before)).toEqual([["plan.progress_settings", "Plan", fx.testPlanId, personas[persona]!.id, "127.0.0.1"]]);
          await db.plan.update({ where: { id: fx.testPlanId }, data: { progressYellowPoints: 10, progressRedPoints: 30, closureSignoff: false } });
        },
      };
    },
  },
  confirmVerdictAction: {
    name: "confirmVerdictAction",
    async prepare(persona) {
      await db.measureEvaluation.deleteMany({ where: { measureId: fx.measureId } });
      const reason = "矩阵测试：按实际完成情况调整";
      return {
        invoke: () => action(confirmVerdictAction(initialActionState, form({ measureId: fx.measureId, verdict: "NORMALIZED", reason, expectedVersion: "0" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.evaluation.saved);
          const saved = await db.measureEvaluation.findUniqueOrThrow({ where: { measureId: fx.measureId } });
          expect(saved).toMatchObject({ verdict: "NORMALIZED", reason, confirmedById: personas[persona]!.id, version: 1 });
          const act = saved.proposed === "NORMALIZED" ? "evaluation.confirm" : "evaluation.change";
          expect(await auditSince(before)).toEqual([[act, "Measure", fx.measureId, personas[persona]!.id, "127.0.0.1"]]);
          await db.measureEvaluation.deleteMany({ where: { measureId: fx.measureId } });
        },
      };
    },
  },
  readEvaluation: readSubject(
    "readEvaluation (评估与总结 page)",
    (actor) => readEvaluation(actor, PLAN),
    (data) => expect(data?.tasks.flatMap((t) => t.measures)).toHaveLength(34),
  ),
  finalReportRoute: {
    name: "GET /api/plans/[planCode]/reports/final",
    async prepare() {
      return {
        invoke: async () => ({
          kind: "response",
          response: await downloadFinalReport(new Request(`http://localhost/api/plans/${PLAN}/reports/final`), { params: Promise.resolve({ planCode: PLAN }) }),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(outcome.response.status).toBe(200);
          expect(outcome.response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
          const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await outcome.response.arrayBuffer()) });
          expect(value).toContain("终期评估报告");
          expect(await world()).toEqual(before);
        },
      };
    },
  },
  annualReportRoute: {
    name: "GET /api/plans/[planCode]/reports/annual/[year]",
    async prepare() {
      return {
        invoke: async () => ({
          kind: "response",
          response: await downloadAnnualReport(new Request(`http://localhost/api/plans/${PLAN}/reports/annual/2024`), { params: Promise.resolve({ planCode: PLAN, year: "2024" }) }),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(outcome.response.status).toBe(200);
          expect(outcome.response.headers.get("Content-Disposition")).toContain(encodeURIComponent("年度总结"));
          const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await outcome.response.arrayBuffer()) });
          expect(value).toContain("2024年度工作总结");
          expect(await world()).toEqual(before);
        },
      };
    },
  },
  getMeasureClosure: {
    name: "getMeasureClosure (办结销号 on the measure page)",
    async prepare(persona) {
      // An application to read, made before the call as the owning liaison.
      await pendingClosure();
      return readSubject(
        "getMeasureClosure",
        (actor) => getMeasureClosure(actor, fx.measureId),
        (closure) => expect(closure?.closures.map((c) => c.summary)).toEqual(["矩阵读取用的销号申请"]),
      ).prepare(persona);
    },
  },
  attachmentRoute: {
    name: "GET /api/attachments/[attachmentId]",
    async prepare() {
      const id = fx.attachmentId;
      return {
        invoke: async () => ({
          kind: "response",
          response: await downloadAttachment(new Request(`http://localhost/api/attachments/${id}`), { params: Promise.resolve({ attachmentId: id }) }),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          const { response } = outcome;
          expect(response.status).toBe(200);
          expect(response.headers.get("Content-Type")).toBe("application/pdf");
          expect(response.headers.get("Content-Disposition")).toBe(`attachment; filename="____.pdf"; filename*=UTF-8''${encodeURIComponent("通报材料.pdf")}`);
          expect(response.headers.get("Content-Length")).toBe(String(PDF.byteLength));
          expect(new Uint8Array(await response.arrayBuffer())).toEqual(PDF);
          // Reading changes nothing.
          expect(await world()).toEqual(before);
        },
      };
    },
  },
  exportRoute: {
    name: "GET /api/plans/[planCode]/exports/quarterly",
    async prepare(persona) {
      return {
        invoke: async () => ({
          kind: "response",
          response: await exportQuarterly(new Request(`http://localhost/api/plans/${PLAN}/exports/quarterly?asOf=2023-06-30`), { params: Promise.resolve({ planCode: PLAN }) }),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(outcome.response.status).toBe(200);
          expect(outcome.response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(await outcome.response.arrayBuffer());
          // The policy's scope decides the share: the whole plan, or the caller's department only.
          const liaison = departmental(persona);
          expect(workbook.worksheets.map((w) => w.name)).toEqual(
            liaison ? ["说明", "部门排名", "评分明细", "按部门", "逾期措施", "逾期明细"] : ["说明", "部门排名", "评分明细", "按重点任务", "按措施", "按部门", "逾期措施", "逾期明细"],
          );
          const departments = workbook.getWorksheet("按部门")!;
          // Row 1 is the sheet's title, row 2 its headers: a liaison's sheet has one department row.
          if (liaison) expect([departments.rowCount, departments.getRow(3).getCell(1).value]).toEqual([3, personas[persona]!.departmentName]);
          else expect(departments.rowCount).toBeGreaterThan(2);
          expect(await world()).toEqual(before);
        },
      };
    },
  },
  wordExportRoute: {
    name: "GET /api/plans/[planCode]/exports/quarterly/word",
    async prepare(persona) {
      return {
        invoke: async () => ({
          kind: "response",
          response: await exportQuarterlyWord(new Request(`http://localhost/api/plans/${PLAN}/exports/quarterly/word?quarter=2023-Q2`), { params: Promise.resolve({ planCode: PLAN }) }),
        }),
        async verifyAllowed(outcome, before) {
          if (outcome.kind !== "response") throw new Error("expected a response");
          expect(outcome.response.status).toBe(200);
          expect(outcome.response.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
          const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await outcome.response.arrayBuffer()) });
          expect(value).toContain("2023年第二季度");
          // A liaison's document is their department's part, and says so.
          if (departmental(persona)) expect(value).toContain(`本件为${personas[persona]!.departmentName}的部分`);
          else expect(value).not.toContain("本件为");
          expect(await world()).toEqual(before);
        },
      };
    },
  },
  setRankingWeightsAction: {
    name: "setRankingWeightsAction",
    async prepare(persona) {
      const defaults = { rankTimelinessWeight: 40, rankProgressWeight: 30, rankReturnsWeight: 15, rankNoticesWeight: 15 };
      await db.plan.update({ where: { id: fx.testPlanId }, data: defaults });
      return {
        invoke: () => action(setRankingWeightsAction(initialActionState, form({ planId: fx.testPlanId, timeliness: "50", progress: "30", returns: "10", notices: "10" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.rankingWeightsSaved);
          expect(await db.plan.findUniqueOrThrow({ where: { id: fx.testPlanId } })).toMatchObject({ rankTimelinessWeight: 50, rankProgressWeight: 30, rankReturnsWeight: 10, rankNoticesWeight: 10 });
          expect(await auditSince(before)).toEqual([["plan.ranking_weights", "Plan", fx.testPlanId, personas[persona]!.id, "127.0.0.1"]]);
          await db.plan.update({ where: { id: fx.testPlanId }, data: defaults });
        },
      };
    },
  },

  // 部门负责人审签 (decision 032): the owning department's head passes its liaison's report to the bureau.
  signoffReportAction: {
    name: "signoffReportAction",
    async prepare(persona) {
      const report = await awaitingHeadReport(fx.periods.signoff);
      return {
        invoke: () => action(signoffReportAction(initialActionState, form({ reportId: report.id, expectedVersion: String(report.version), decision: "APPROVE", reason: "" }))),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.reports.headApproved);
          expect(await db.progressReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ state: "SUBMITTED", version: report.version + 1 });
          expect(await auditSince(before)).toEqual([["report.head_approve", "ProgressReport", report.id, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },
  getSignoffQueue: {
    name: "getSignoffQueue (待审签)",
    async prepare(persona) {
      const report = await awaitingHeadReport(fx.periods.signoffRead);
      return readSubject(
        "getSignoffQueue",
        (actor) => getSignoffQueue(actor),
        (rows) => expect(rows.map((r) => r.id)).toContain(report.id),
      ).prepare(persona);
    },
  },
  // 分管领导: an administrator sets the departments a leader is in charge of.
  setLedDepartmentsAction: {
    name: "setLedDepartmentsAction",
    async prepare(persona) {
      await db.user.update({ where: { id: fx.targetUserId }, data: { role: "LEADER" } });
      const current = (await db.leaderDepartment.findMany({ where: { userId: fx.targetUserId } })).map((d) => d.departmentId);
      const next = current.includes(fx.owningDeptId) ? [fx.otherDeptId] : [fx.owningDeptId];
      const data = form({ userId: fx.targetUserId });
      for (const id of next) data.append("departmentId", id);
      return {
        invoke: () => action(setLedDepartmentsAction(initialActionState, data)),
        async verifyAllowed(outcome, before) {
          expectSuccess(outcome, messages.admin.ledDepartmentsSaved);
          expect((await db.leaderDepartment.findMany({ where: { userId: fx.targetUserId } })).map((d) => d.departmentId)).toEqual(next);
          expect(await auditSince(before)).toEqual([["user.led_departments", "User", fx.targetUserId, personas[persona]!.id, "127.0.0.1"]]);
        },
      };
    },
  },

  // ── Reads: the queries behind the pages take the caller and return only what it may see ──

  getPeriodDetail: readSubject(
    "getPeriodDetail (report page)",
    (actor) => getPeriodDetail(actor, fx.periods.read),
    (period) => {
      expect(period?.id).toBe(fx.periods.read);
      expect(ids(period!.reports)).toEqual([fx.readReportId]);
      expect(ids(period!.extensions)).toEqual([fx.readExtensionId]);
    },
  ),
  getAttachment: readSubject(
    "getAttachment (evidence record)",
    (actor) => getAttachment(actor, fx.attachmentId),
    (attachment) => expect(attachment).toMatchObject({ originalName: "通报材料.pdf", mimeType: "application/pdf" }),
  ),
  getWorklist: readSubject(
    "getWorklist (owning department's work)",
    (actor) => getWorklist(actor, fx.owningDeptId, "2030-12-31", "zh-CN"),
    (items) => expect(items.map((i) => i.periodId)).toContain(fx.periods.attachment),
  ),
  getMeasureProgress: readSubject(
    "getMeasureProgress (measure page: periods and instructions)",
    (actor) => getMeasureProgress(actor, fx.measureId),
    (progress) => {
      expect(progress.periods?.find((p) => p.id === fx.periods.read)?.reports.map((r) => r.state)).toEqual(["SUBMITTED"]);
      expect(progress.instructions?.map((i) => i.id)).toContain(fx.instructionId);
    },
  ),
  getDepartmentInstructions: readSubject(
    "getDepartmentInstructions (owning department's page)",
    (actor) => getDepartmentInstructions(actor, fx.owningDeptId),
    (instructions) => expect(ids(instructions)).toContain(fx.instructionId),
  ),
  getReviewQueue: readSubject(
    "getReviewQueue (review queue)",
    (actor) => getReviewQueue(actor, { departmentId: fx.owningDeptId }),
    (queue) => expect(ids(queue.rows)).toContain(fx.readReportId),
  ),
  listNotices: readSubject(
    "listNotices (notices of the owning department)",
    (actor) => listNotices(actor, { departmentId: fx.owningDeptId }, "zh-CN"),
    (notices) => expect(notices.length).toBeGreaterThan(0),
  ),
  getOpenInstructions: readSubject(
    "getOpenInstructions (leader overview)",
    (actor) => getOpenInstructions(actor, fx.planId),
    (open) => expect(ids(open)).toContain(fx.instructionId),
  ),
  getPendingExtensions: readSubject(
    "getPendingExtensions (extension requests)",
    (actor) => getPendingExtensions(actor),
    (pending) => expect(ids(pending)).toContain(fx.readExtensionId),
  ),
  getMeasurePeriodsForEdit: readSubject(
    "getMeasurePeriodsForEdit (due-date editor)",
    (actor) => getMeasurePeriodsForEdit(actor, fx.measureId),
    (periods) => expect(ids(periods)).toContain(fx.periods.read),
  ),
  getMeasureHistory: readSubject(
    "getMeasureHistory (measure history)",
    (actor) => getMeasureHistory(actor, fx.measureId),
    (events) => expect(events.map((e) => e.action)).toContain("instruction.create"),
  ),
  getAuditEvents: readSubject(
    "getAuditEvents (audit trail)",
    (actor) => getAuditEvents(actor, { action: "instruction.", page: 1 }),
    (page) => expect(page.total).toBeGreaterThan(0),
  ),
  readDashboard: readSubject(
    "readDashboard (leader overview)",
    (actor) => readDashboard(actor, fx.planId, "2023-06-30"),
    (d) => expect(d?.departments.map((x) => x.id)).toEqual(expect.arrayContaining([fx.owningDeptId, fx.otherDeptId])),
  ),
  readDepartmentRecord: readSubject(
    "readDepartmentRecord (owning department's record)",
    (actor) => readDepartmentRecord(actor, fx.planId, fx.owningDeptId, "2023-06-30"),
    (record) => expect(record?.id).toBe(fx.owningDeptId),
  ),
  listUsers: readSubject(
    "listUsers (user administration)",
    (actor) => listUsers(actor, { departmentId: fx.owningDeptId }),
    (users) => expect(users.map((u) => u.loginName)).toContain("wjw"),
  ),
} satisfies Record<string, Subject>;

/** No closure application on the matrix's measure, and the measure open. */
async function resetClosures() {
  await db.measureClosure.deleteMany({ where: { measureId: fx.measureId } });
  await db.measure.update({ where: { id: fx.measureId }, data: { closedAt: null } });
}

/** A fresh application of the owning department awaiting the bureau's review (made via the mutation, as its liaison). */
async function pendingClosure(summary = "矩阵读取用的销号申请"): Promise<string> {
  await resetClosures();
  return applyClosure(db, evidenceStore(), evidenceLimits(), actorOf("owningLiaison"), { measureId: fx.measureId, summary, uploads: [] });
}

async function restoreOwningDepartment() {
  await db.department.update({ where: { id: fx.owningDeptId }, data: { fullName: fx.owningDeptOriginal.fullName, aliases: fx.owningDeptOriginal.aliases } });
}

// ── The matrix ──────────────────────────────────────────────────────────────

type Expectation =
  | { allowed: true }
  | { allowed: false; message: string }
  | { allowed: false; status: number; body: string }
  | { allowed: false; read: unknown };
const ALLOW: Expectation = { allowed: true };
/** Refused before anything is read: signed out, or the role lacks the permission. */
const FORBIDDEN: Expectation = { allowed: false, message: messages.authz.forbidden };
/** The role may write reports, but the department does not carry this measure. */
const NOT_YOUR_MEASURE: Expectation = { allowed: false, message: messages.authz.notYours };
const SIGN_IN: Expectation = { allowed: false, status: 401, body: messages.api.signInRequired };
/** A denied read returns nothing: no record, an empty list, or an empty page. */
const NOTHING: Expectation = { allowed: false, read: null };
const NONE: Expectation = { allowed: false, read: [] };
const adminOnly = (read: unknown): Record<Persona, Expectation> => {
  const denied: Expectation = { allowed: false, read };
  return { anonymous: denied, leader: denied, owningLiaison: denied, otherLiaison: denied, admin: ALLOW, owningHead: denied };
};

const adminOnlyAction: Record<Persona, Expectation> = { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN };

const matrix: Record<keyof typeof subjects, Record<Persona, Expectation>> = {
  saveReportAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: ALLOW, otherLiaison: NOT_YOUR_MEASURE, admin: FORBIDDEN, owningHead: FORBIDDEN },
  reviewReportAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  requestExtensionAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: ALLOW, otherLiaison: NOT_YOUR_MEASURE, admin: FORBIDDEN, owningHead: FORBIDDEN },
  decideExtensionAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  addInstructionAction: { anonymous: FORBIDDEN, leader: ALLOW, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: FORBIDDEN, owningHead: FORBIDDEN },
  // 督办单: the bureau issues and closes; the department it is sent to signs and replies.
  issueNoticeAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  signNoticeAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: ALLOW, otherLiaison: NOT_YOUR_MEASURE, admin: FORBIDDEN, owningHead: FORBIDDEN },
  replyNoticeAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: ALLOW, otherLiaison: NOT_YOUR_MEASURE, admin: FORBIDDEN, owningHead: FORBIDDEN },
  decideNoticeAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  // 领导批示: a leader or the bureau assigns and closes; the assigned department reports.
  assignInstructionAction: { anonymous: FORBIDDEN, leader: ALLOW, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  replyInstructionAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: ALLOW, otherLiaison: NOT_YOUR_MEASURE, admin: FORBIDDEN, owningHead: FORBIDDEN },
  decideInstructionAction: { anonymous: FORBIDDEN, leader: ALLOW, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  setUserActiveAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  setUserRoleAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  endSessionsAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  setUserEmailAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  createUserAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  resetPasswordAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  // account:password: every signed-in user changes their own password, and only their own.
  changePasswordAction: { anonymous: FORBIDDEN, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: ALLOW, admin: ALLOW, owningHead: ALLOW },
  createDepartmentAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  updateDepartmentAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  importPlanAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  planUploadRoute: {
    anonymous: { allowed: false, status: 401, body: JSON.stringify({ message: messages.api.signInRequired }) },
    leader: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
    owningLiaison: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
    otherLiaison: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
    admin: ALLOW,
    owningHead: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
  },
  backfillReportAction: adminOnlyAction,
  reportOnBehalfAction: adminOnlyAction,
  backfillUploadRoute: {
    anonymous: { allowed: false, status: 401, body: JSON.stringify({ message: messages.api.signInRequired }) },
    leader: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
    owningLiaison: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
    otherLiaison: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
    admin: ALLOW,
    owningHead: { allowed: false, status: 403, body: JSON.stringify({ message: messages.authz.forbidden }) },
  },
  planExportRoute: {
    anonymous: SIGN_IN,
    leader: { allowed: false, status: 403, body: messages.authz.forbidden },
    owningLiaison: { allowed: false, status: 403, body: messages.authz.forbidden },
    otherLiaison: { allowed: false, status: 403, body: messages.authz.forbidden },
    admin: ALLOW,
    owningHead: { allowed: false, status: 403, body: messages.authz.forbidden },
  },
  applyClosureAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: ALLOW, otherLiaison: NOT_YOUR_MEASURE, admin: FORBIDDEN, owningHead: FORBIDDEN },
  reviewClosureAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  signoffClosureAction: { anonymous: FORBIDDEN, leader: ALLOW, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: FORBIDDEN, owningHead: FORBIDDEN },
  reopenMeasureAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  // plan:manage: the 进度 thresholds and the close-out sign-off setting of a plan.
  setProgressSettingsAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  // closure:read: the departments on the measure, the bureau and leaders; another department's liaison sees nothing.
  getMeasureClosure: { anonymous: NOTHING, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NOTHING, admin: ALLOW, owningHead: ALLOW },
  // evaluation:write: the bureau confirms or changes a measure's verdict; evaluation:read: the bureau and the leaders.
  confirmVerdictAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  readEvaluation: { anonymous: NOTHING, leader: ALLOW, owningLiaison: NOTHING, otherLiaison: NOTHING, admin: ALLOW, owningHead: NOTHING },
  annualReportRoute: {
    anonymous: SIGN_IN,
    leader: ALLOW,
    owningLiaison: { allowed: false, status: 403, body: messages.api.exportForbidden },
    otherLiaison: { allowed: false, status: 403, body: messages.api.exportForbidden },
    admin: ALLOW,
    owningHead: { allowed: false, status: 403, body: messages.api.exportForbidden },
  },
  finalReportRoute: {
    anonymous: SIGN_IN,
    leader: ALLOW,
    owningLiaison: { allowed: false, status: 403, body: messages.api.exportForbidden },
    otherLiaison: { allowed: false, status: 403, body: messages.api.exportForbidden },
    admin: ALLOW,
    owningHead: { allowed: false, status: 403, body: messages.api.exportForbidden },
  },
  // plan:manage: an administrator moves a plan along its lifecycle.
  setPlanStatusAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  // calendar:manage: the working-day calendar. measure:manage: a measure's reporting schedule.
  // demo:remove: an administrator removes the embedded mode's demonstration history (decision 030).
  removeDemoDataAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  setCalendarDayAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  confirmCalendarYearAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  setMeasureReportingAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  // measure:manage: an administrator edits a plan's structure.
  carryOverAction: adminOnlyAction,
  addKeyTaskAction: adminOnlyAction,
  updateKeyTaskAction: adminOnlyAction,
  withdrawKeyTaskAction: adminOnlyAction,
  addMeasureAction: adminOnlyAction,
  withdrawMeasureAction: adminOnlyAction,
  setMeasureDepartmentsAction: adminOnlyAction,
  confirmIndicatorAction: adminOnlyAction,
  updateIndicatorAction: adminOnlyAction,
  addIndicatorAction: adminOnlyAction,
  attachmentRoute: {
    anonymous: SIGN_IN,
    leader: ALLOW,
    owningLiaison: ALLOW,
    // A file the caller may not see answers exactly like one that does not exist.
    otherLiaison: { allowed: false, status: 404, body: messages.api.fileNotFound },
    admin: ALLOW,
    owningHead: ALLOW,
  },
  // Every role may export; the policy decides whether it is the whole plan or the caller's department.
  exportRoute: { anonymous: SIGN_IN, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: ALLOW, admin: ALLOW, owningHead: ALLOW },
  wordExportRoute: { anonymous: SIGN_IN, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: ALLOW, admin: ALLOW, owningHead: ALLOW },
  // plan:manage: the weights of the 通报 ranking.
  setRankingWeightsAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: ALLOW, owningHead: FORBIDDEN },
  getPeriodDetail: { anonymous: NOTHING, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NOTHING, admin: ALLOW, owningHead: ALLOW },
  getAttachment: { anonymous: NOTHING, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NOTHING, admin: ALLOW, owningHead: ALLOW },
  getWorklist: { anonymous: NONE, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NONE, admin: ALLOW, owningHead: ALLOW },
  // Finding 14: another department's liaison sees neither the periods nor the leader's instructions.
  getMeasureProgress: {
    anonymous: { allowed: false, read: { periods: null, instructions: null } },
    leader: ALLOW,
    owningLiaison: ALLOW,
    otherLiaison: { allowed: false, read: { periods: null, instructions: null } },
    admin: ALLOW,
    owningHead: ALLOW,
  },
  getDepartmentInstructions: { anonymous: NONE, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NONE, admin: ALLOW, owningHead: ALLOW },
  getReviewQueue: adminOnly({ rows: [], total: 0 }),
  listNotices: { anonymous: NONE, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NONE, admin: ALLOW, owningHead: ALLOW },
  getOpenInstructions: { anonymous: NONE, leader: ALLOW, owningLiaison: NONE, otherLiaison: NONE, admin: ALLOW, owningHead: NONE },
  getPendingExtensions: adminOnly([]),
  getMeasurePeriodsForEdit: adminOnly([]),
  getMeasureHistory: adminOnly([]),
  getAuditEvents: adminOnly({ events: [], total: 0 }),
  listUsers: adminOnly([]),
  readDashboard: { anonymous: NOTHING, leader: ALLOW, owningLiaison: NOTHING, otherLiaison: NOTHING, admin: ALLOW, owningHead: NOTHING },
  readDepartmentRecord: { anonymous: NOTHING, leader: ALLOW, owningLiaison: ALLOW, otherLiaison: NOTHING, admin: ALLOW, owningHead: ALLOW },
  // 部门负责人审签 and 分管 (decision 032): the head alone signs off and sees the queue; an administrator sets 分管.
  signoffReportAction: { anonymous: FORBIDDEN, leader: FORBIDDEN, owningLiaison: FORBIDDEN, otherLiaison: FORBIDDEN, admin: FORBIDDEN, owningHead: ALLOW },
  getSignoffQueue: { anonymous: NONE, leader: NONE, owningLiaison: NONE, otherLiaison: NONE, admin: NONE, owningHead: ALLOW },
  setLedDepartmentsAction: adminOnlyAction,
};

const cells = (Object.keys(matrix) as (keyof typeof subjects)[]).flatMap((key) =>
  personaKeys.map((persona) => {
    const expectation = matrix[key][persona];
    return { label: `${subjects[key].name} as ${persona} → ${expectation.allowed ? "allowed" : "denied"}`, subject: subjects[key] as Subject, persona, expectation };
  }),
);
const EXPECTED_CELLS = 444;
const tally = { allowed: 0, denied: 0 };

// ── Setup ───────────────────────────────────────────────────────────────────

beforeAll(async () => {
  state.evidenceDir = mkdtempSync(path.join(tmpdir(), "duban-matrix-"));
  await seedShippedPlans(db);
  await seedPlanFiles(db, testPlanFiles);
  await seedDemoAccounts(db);
  fx.testPlanId = (await db.plan.findUniqueOrThrow({ where: { code: TEST_PLAN } })).id;
  await seedPlan(db, structurePlan);
  fx.structurePlanId = (await db.plan.findUniqueOrThrow({ where: { code: structurePlan.plan.code } })).id;

  const measure = await db.measure.findFirstOrThrow({
    where: { number: 5, keyTask: { number: 6, plan: { code: PLAN } } },
    include: { departments: { include: { department: true } } },
  });
  expect(measure.text).toContain("定期通报尘肺病");
  expect(measure.departments.map((d) => [d.department.shortName, d.isLead])).toEqual([[OWNING, true]]);
  fx.measureId = measure.id;
  // 6.5 「2020年底前」 owes nothing until its deadline is confirmed (decision 020). The cells need quarters on a
  // measure 市卫健委 alone carries: for this file 6.5 is read as ongoing work, and afterAll puts it back.
  fx.measureOriginal = { scheduleKind: measure.scheduleKind, deadline: measure.deadline, dueDates: measure.dueDates, scheduleFlags: measure.scheduleFlags, checkpoints: measure.checkpoints, cadence: measure.cadence };
  await db.measure.update({ where: { id: measure.id }, data: { scheduleKind: "ONGOING", deadline: null, dueDates: [], scheduleFlags: [], checkpoints: [], cadence: null } });
  await db.$transaction((tx) => syncMeasurePeriods(tx, measure.id, { today: "2026-12-02", createPast: true }));
  fx.planId = (await db.plan.findUniqueOrThrow({ where: { code: PLAN } })).id;
  const [owning, other] = await Promise.all([
    db.department.findUniqueOrThrow({ where: { shortName: OWNING } }),
    db.department.findUniqueOrThrow({ where: { shortName: OTHER } }),
  ]);
  fx.owningDeptId = owning.id;
  fx.otherDeptId = other.id;
  fx.owningDeptOriginal = { fullName: owning.fullName, aliases: owning.aliases };

  // Other files share this database: take quarter periods nobody has reported on or asked to extend.
  const free = await db.reportingPeriod.findMany({
    where: { measureId: measure.id, kind: "QUARTER", reports: { none: {} }, extensions: { none: {} } },
    orderBy: { dueDate: "asc" },
    take: 11,
  });
  expect(free).toHaveLength(11);
  fx.periods = {
    save: free[0].id,
    review: free[1].id,
    request: free[2].id,
    decide: free[3].id,
    attachment: free[4].id,
    read: free[5].id,
    backfill: free[6].id,
    onBehalf: free[7].id,
    bulk: free[8].id,
    signoff: free[9].id,
    signoffRead: free[10].id,
  };

  personas.anonymous = null;
  personas.leader = await currentUser("leader");
  personas.owningLiaison = await currentUser("wjw");
  personas.otherLiaison = await currentUser("czj");
  personas.admin = await currentUser("admin");
  personas.owningHead = await currentUser("wjwfzr");
  expect(personas.owningHead).toMatchObject({ role: "DEPARTMENT_HEAD", departmentId: owning.id, departmentName: OWNING });
  expect(personas.owningLiaison).toMatchObject({ role: "LIAISON", departmentId: owning.id, departmentName: OWNING });
  expect(personas.otherLiaison).toMatchObject({ role: "LIAISON", departmentId: other.id, departmentName: OTHER });

  fx.targetUserId = (await db.user.create({ data: { loginName: `matrix-target-${suffix}`, displayName: "矩阵测试账号", role: "LEADER", passwordHash: "unused" } })).id;

  // Evidence to download: a draft of the owning department with one PDF.
  const upload = await receiveUpload(db, evidenceStore(), evidenceLimits(), actorOf("owningLiaison"), {
    periodId: fx.periods.attachment,
    name: "通报材料.pdf",
    declaredLength: PDF.byteLength,
    body: Readable.from([PDF]),
  });
  const draft = await saveReport(db, evidenceStore(), evidenceLimits(), actorOf("owningLiaison"), {
    periodId: fx.periods.attachment,
    expectedVersion: 0,
    progress: null,
    workDone: "",
    problems: "",
    nextSteps: "",
    values: {},
    uploads: [upload.reference],
    removeAttachmentIds: [],
    submit: false,
  });
  const attachment = await db.attachment.findFirstOrThrow({ where: { reportId: draft.reportId } });
  expect(attachment.mimeType).toBe("application/pdf");
  fx.attachmentId = attachment.id;

  // What the read cells look for: a submitted report with a pending extension request, a leader's instruction, a closure application.
  fx.readReportId = (await submittedReport(fx.periods.read)).id;
  fx.readExtensionId = (await pendingExtension(fx.periods.read)).id;
  fx.instructionId = await addInstruction(db, { ...personas.leader!, ip: "127.0.0.1" }, { measureId: measure.id, text: `请按季度报送通报情况（${suffix}）` });
  // And a 督办单 to the owning department, for the notice list.
  await noticeIn("ISSUED");
});

beforeEach(() => {
  state.user = null;
  vi.unstubAllEnvs();
  vi.mocked(revalidatePath).mockClear();
});

afterAll(async () => {
  const checked = tally.allowed + tally.denied;
  console.log(`role × action matrix: ${checked} cells checked (${tally.allowed} allowed, ${tally.denied} denied)`);
  if (fx.owningDeptId) await restoreOwningDepartment();
  // A demonstration row the removal cell left (it did not run to the end): other files start without one.
  const demo = await db.demoData.findMany();
  await db.leaderInstruction.deleteMany({ where: { id: { in: demo.filter((d) => d.entityType === "LeaderInstruction").map((d) => d.entityId) } } });
  await db.demoData.deleteMany({});
  if (fx.measureOriginal) {
    await db.reportingPeriod.deleteMany({ where: { measureId: fx.measureId } });
    await db.measure.update({ where: { id: fx.measureId }, data: fx.measureOriginal });
  }
  // The plan the import cell made goes again: other files share the database.
  await db.plan.deleteMany({ where: { code: { startsWith: "matrix-", endsWith: suffix } } });
  // Other files in this database know one plan: the test plan goes with its key tasks, measures and periods.
  if (fx.testPlanId) await db.plan.delete({ where: { id: fx.testPlanId } });
  if (state.evidenceDir) rmSync(state.evidenceDir, { recursive: true, force: true });
  await db.$disconnect();
  expect(checked).toBe(EXPECTED_CELLS);
});

// ── The cells ───────────────────────────────────────────────────────────────

describe("role × action matrix", () => {
  it("has one cell per action, read, route and persona: 74 × 6", () => {
    expect(cells).toHaveLength(EXPECTED_CELLS);
    expect(cells.filter((c) => c.expectation.allowed)).toHaveLength(120);
  });

  it.each(cells)("$label", async ({ subject, persona, expectation }) => {
    const prepared = await subject.prepare(persona);
    const before = await world();
    state.user = personas[persona];
    let outcome: Outcome;
    try {
      outcome = await prepared.invoke();
    } finally {
      state.user = null;
    }

    if (expectation.allowed) {
      await prepared.verifyAllowed(outcome, before);
      tally.allowed++;
      return;
    }
    if ("read" in expectation) {
      expect(readValue(outcome)).toEqual(expectation.read);
    } else if ("status" in expectation) {
      if (outcome.kind !== "response") throw new Error("expected a response");
      expect(outcome.response.status).toBe(expectation.status);
      expect(await outcome.response.text()).toBe(expectation.body);
      expect(outcome.response.headers.get("Content-Disposition")).toBeNull();
    } else {
      expect(actionState(outcome)).toEqual({ ok: false, message: expectation.message });
      expect(vi.mocked(revalidatePath)).not.toHaveBeenCalled();
    }
    expect(await world()).toEqual(before);
    tally.denied++;
  });
});
