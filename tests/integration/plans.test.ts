/**
 * Several plans and their lifecycle (decision 016): the shipped plan (2021—2025) has ended, the
 * test plan (2026—2030, tests/fixtures) runs. Each has its own overview, lists and export; the
 * plan-less export goes to the current plan; an ended plan opens on its last day, creates no new
 * obligations and sends no reminders; an archived plan refuses every write with a clear message;
 * an administrator moves a plan through the policy, audited.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import messages from "../../messages/zh-CN.json";
import { seedPlanFiles, seedShippedPlans, testPlanFiles } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "@/features/seed/seed-demo";
import { scanNotifications } from "@/features/notifications/scan";
import { setPlanStatus, updateMeasure } from "@/features/plan/mutations";
import { addInstruction, saveReport } from "@/features/reports/mutations";
import { readDashboard } from "@/features/dashboard/read";
import { listFor, parseListFilter } from "@/features/dashboard/drill";
import { parseAsOf } from "@/features/dashboard/as-of";
import { getCurrentPlan, getPlanByCode, listPlans } from "@/features/plan/queries";
import { todayInChina } from "@/lib/due";
import { defaultReportQuarter } from "@/lib/report-quarter";
import type { Actor } from "@/lib/permissions";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";
import { evidenceLimits, evidenceStore } from "@/server/evidence-store";
import { GET as exportQuarterly } from "@/app/api/plans/[planCode]/exports/quarterly/route";
import { GET as currentPlanExport } from "@/app/api/exports/quarterly/route";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth")>()),
  getCurrentUser: async () => state.user,
  getActor: async () => (state.user ? { ...state.user, ip: "127.0.0.1" } : null),
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const zh = (await import("../../messages/zh-CN.json")).default;
  return {
    getTranslations: async (namespace: "admin" | "reports" | "errors" | "authz" | "api") => createTranslator({ locale: "zh-CN", messages: zh, namespace, timeZone: "Asia/Shanghai" }),
    getLocale: async () => "zh-CN",
  };
});
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
vi.mock("@/server/evidence-store", async () => {
  const { folderStore } = await import("@/features/reports/evidence");
  const { mkdtempSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const dir = mkdtempSync((await import("node:path")).join(tmpdir(), "duban-plans-"));
  return { evidenceStore: () => folderStore(dir), evidenceLimits: () => ({ maxBytes: 1024 * 1024, maxFiles: 10 }) };
});

const SHIPPED = "hs-gsyf-2021-2025";
const TEST = "hs-gsyf-2026-2030";
const ids = { shipped: "", test: "" };
const users = {} as Record<"admin" | "leader" | "rsj", CurrentUser>;
const actor = (u: CurrentUser): Actor => ({ id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" });

async function currentUser(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}

async function workbook(response: Response) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await response.arrayBuffer());
  return book;
}

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedPlanFiles(db, testPlanFiles);
  await seedDemoAccounts(db);
  ids.shipped = (await db.plan.findUniqueOrThrow({ where: { code: SHIPPED } })).id;
  ids.test = (await db.plan.findUniqueOrThrow({ where: { code: TEST } })).id;
  for (const login of ["admin", "leader", "rsj"] as const) users[login] = await currentUser(login);
});
beforeEach(() => {
  state.user = null;
});
afterAll(async () => {
  // Other files in this database know one plan, as it was shipped.
  await db.notification.deleteMany({ where: { dedupeKey: { contains: "plans-test" } } });
  await db.plan.update({ where: { id: ids.shipped }, data: { status: "ENDED" } });
  if (ids.test) await db.plan.delete({ where: { id: ids.test } });
  await db.$disconnect();
});

describe("the shipped plan has ended", () => {
  it("is 已结束 after the seed, and the migration ends an installed plan that was running", async () => {
    expect((await getPlanByCode(SHIPPED))?.status).toBe("ENDED");
    // The migration's data statement, run again on the plan as an older version left it (running).
    const dir = path.resolve("prisma/migrations");
    const name = readdirSync(dir).find((d) => d.endsWith("_plan_lifecycle"))!;
    const update = readFileSync(path.join(dir, name, "migration.sql"), "utf8")
      .split(";")
      .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
      .find((s) => s.startsWith("UPDATE"))!;
    await db.plan.update({ where: { id: ids.shipped }, data: { status: "ACTIVE" } });
    await db.plan.update({ where: { id: ids.test }, data: { status: "ACTIVE" } });
    await db.$executeRawUnsafe(update);
    expect((await getPlanByCode(SHIPPED))?.status).toBe("ENDED");
    // Only the shipped plan: the successor keeps running.
    expect((await getPlanByCode(TEST))?.status).toBe("ACTIVE");
  });

  it("opens on its last day; the running plan opens today", async () => {
    const shipped = (await getPlanByCode(SHIPPED))!;
    const running = (await getPlanByCode(TEST))!;
    expect(parseAsOf(undefined, shipped)).toBe("2025-12-31");
    expect(parseAsOf("2024-03-31", shipped)).toBe("2024-03-31");
    expect(parseAsOf(undefined, running)).toBe(todayInChina());
  });
});

describe("each plan has its own overview, lists and export", () => {
  it("the current plan is the running one, listed first; the ended one follows", async () => {
    expect((await getCurrentPlan())?.code).toBe(TEST);
    const codes = (await listPlans()).map((p) => p.code);
    expect(codes.indexOf(TEST)).toBeLessThan(codes.indexOf(SHIPPED));
  });

  it("computes each plan's overview and lists from its own measures", async () => {
    const leader = users.leader;
    const shipped = await readDashboard(leader, ids.shipped, "2025-12-31");
    const running = await readDashboard(leader, ids.test, todayInChina());
    expect(shipped!.tasks).toHaveLength(11);
    expect(running!.tasks.map((k) => k.title)).toEqual(["健全工伤预防工作机制", "开展重点行业工伤预防培训"]);
    const { getDashboardWithInput } = await import("@/features/dashboard/cached");
    for (const [planId, asOf, measures] of [
      // All 34, 6.5 「2020年底前」 too: it awaits confirmation and owes nothing (decision 020), and is listed as 未开始.
      [ids.shipped, "2025-12-31", 34],
      [ids.test, todayInChina(), 3],
    ] as const) {
      const { dashboard, input } = await getDashboardWithInput(planId, asOf);
      const list = listFor(input, dashboard, asOf, parseListFilter({ metric: "measures" }));
      expect(list.rows).toHaveLength(measures);
    }
  });

  it("exports each plan's quarterly report under its own address, the ended one as of its last day", async () => {
    state.user = users.leader;
    const shipped = await exportQuarterly(new Request(`http://localhost/api/plans/${SHIPPED}/exports/quarterly`), { params: Promise.resolve({ planCode: SHIPPED }) });
    expect(shipped.status).toBe(200);
    // The ended plan's 通报 covers its last quarter.
    expect(shipped.headers.get("Content-Disposition")).toContain(`quarterly-${SHIPPED}-2025-Q4.xlsx`);
    const shippedBook = await workbook(shipped);
    expect(shippedBook.title).toBe("黄石市工伤预防五年行动计划（2021—2025年）落实情况通报");
    const shippedText = JSON.stringify(shippedBook.worksheets.map((w) => w.getSheetValues()));
    expect(shippedText).toContain("建立健全工伤预防联防联控机制");

    const running = await exportQuarterly(new Request(`http://localhost/api/plans/${TEST}/exports/quarterly`), { params: Promise.resolve({ planCode: TEST }) });
    expect(running.status).toBe(200);
    // The running plan's: its last complete quarter.
    expect(running.headers.get("Content-Disposition")).toContain(`quarterly-${TEST}-${defaultReportQuarter({ startYear: 2026, endYear: 2030 }, todayInChina()).key}.xlsx`);
    const runningBook = await workbook(running);
    expect(runningBook.title).toBe("黄石市工伤预防行动计划（2026—2030年）（测试数据）落实情况通报");
    const runningText = JSON.stringify(runningBook.worksheets.map((w) => w.getSheetValues()));
    expect(runningText).toContain("健全工伤预防工作机制");
    expect(runningText).not.toContain("建立健全工伤预防联防联控机制");

    const unknown = await exportQuarterly(new Request("http://localhost/api/plans/none/exports/quarterly"), { params: Promise.resolve({ planCode: "none" }) });
    expect([unknown.status, await unknown.text()]).toEqual([404, messages.api.noPlan]);
  });

  it("sends the plan-less export address to the current plan's, with the same query", async () => {
    state.user = users.leader;
    const response = await currentPlanExport(new Request("http://localhost/api/exports/quarterly?asOf=2026-06-30"));
    expect(response.status).toBe(307);
    expect(response.headers.get("Location")).toBe(`/api/plans/${TEST}/exports/quarterly?asOf=2026-06-30`);
    state.user = null;
    expect((await currentPlanExport(new Request("http://localhost/api/exports/quarterly"))).status).toBe(401);
  });
});

describe("an ended plan creates no obligations and sends no reminders", () => {
  it("the scan reminds of the running plan's reports and not of the ended plan's", async () => {
    // 2026-01-05: the ended plan's last quarter (2025 Q4) is due on 01-12 (10 January 2026 is a Saturday); the running plan has nothing due yet.
    const january = await scanNotifications(db, new Date("2026-01-05T02:00:00Z"));
    expect(january.skipped).toBe(false);
    const shippedPeriods = await db.reportingPeriod.findMany({ where: { measure: { keyTask: { planId: ids.shipped } }, dueDate: new Date("2026-01-12T00:00:00Z") }, select: { id: true } });
    expect(shippedPeriods.length).toBeGreaterThan(0);
    const aboutShipped = await db.notification.count({ where: { OR: shippedPeriods.map((p) => ({ dedupeKey: { contains: p.id } })) } });
    expect(aboutShipped).toBe(0);

    // 2026-04-05: the running plan's first quarter is due on 04-10, and 市人社局 carries its measures.
    await scanNotifications(db, new Date("2026-04-05T02:00:00Z"));
    const testPeriods = await db.reportingPeriod.findMany({ where: { measure: { keyTask: { planId: ids.test } }, dueDate: new Date("2026-04-10T00:00:00Z") }, select: { id: true } });
    const aboutTest = await db.notification.findMany({ where: { userId: users.rsj.id, kind: "DUE_SOON", OR: testPeriods.map((p) => ({ dedupeKey: { contains: p.id } })) } });
    expect(aboutTest.length).toBeGreaterThan(0);
    await db.notification.deleteMany({ where: { OR: [...testPeriods, ...shippedPeriods].map((p) => ({ dedupeKey: { contains: p.id } })) } });
  });

  it("a schedule edit on the ended plan makes no new milestone period", async () => {
    const measure = await db.measure.findFirstOrThrow({ where: { keyTask: { planId: ids.shipped }, scheduleKind: "QUARTERLY" }, include: { periods: true } });
    await updateMeasure(db, actor(users.admin), {
      measureId: measure.id,
      expectedVersion: measure.version,
      text: measure.text,
      scheduleKind: "DEADLINE",
      scheduleStart: null,
      deadline: "2025-06-30",
    });
    const after = await db.reportingPeriod.findMany({ where: { measureId: measure.id } });
    expect(after.map((p) => p.id).sort()).toEqual(measure.periods.map((p) => p.id).sort());
    // Put the schedule back as it was issued, for the other files.
    const current = await db.measure.findUniqueOrThrow({ where: { id: measure.id } });
    await db.measure.update({ where: { id: measure.id }, data: { scheduleKind: measure.scheduleKind, deadline: measure.deadline, dueDates: measure.dueDates, reportsQuarterly: measure.reportsQuarterly, version: current.version + 1 } });
  });
});

describe("a plan's lifecycle", () => {
  it("an administrator moves it, audited; a move the lifecycle does not allow, or from a stale state, is refused and changes nothing", async () => {
    const admin = actor(users.admin);
    await expect(setPlanStatus(db, admin, { planId: ids.test, from: "ACTIVE", to: "ARCHIVED" })).rejects.toMatchObject({ namespace: "admin", key: "planStatusMove" });
    await expect(setPlanStatus(db, admin, { planId: ids.test, from: "ENDED", to: "ARCHIVED" })).rejects.toMatchObject({ namespace: "admin", key: "planStatusChanged" });
    await expect(setPlanStatus(db, actor(users.leader), { planId: ids.test, from: "ACTIVE", to: "ENDED" })).rejects.toMatchObject({ key: "forbidden" });
    expect((await getPlanByCode(TEST))?.status).toBe("ACTIVE");

    const before = (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
    await setPlanStatus(db, admin, { planId: ids.test, from: "ACTIVE", to: "ENDED" });
    await setPlanStatus(db, admin, { planId: ids.test, from: "ENDED", to: "ARCHIVED" });
    const events = await db.auditEvent.findMany({ where: { id: { gt: before }, entityType: "Plan" }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.action, e.entityId, e.before, e.after])).toEqual([
      ["plan.status", ids.test, { status: "ACTIVE" }, { status: "ENDED" }],
      ["plan.status", ids.test, { status: "ENDED" }, { status: "ARCHIVED" }],
    ]);
  });

  it("an archived plan refuses reports and instructions with a clear message, and nothing changes", async () => {
    expect((await getPlanByCode(TEST))?.status).toBe("ARCHIVED");
    const period = await db.reportingPeriod.findFirstOrThrow({ where: { kind: "QUARTER", measure: { keyTask: { planId: ids.test }, departments: { some: { departmentId: users.rsj.departmentId!, isLead: true } } } }, orderBy: { dueDate: "asc" } });
    const reports = await db.progressReport.count({ where: { periodId: period.id } });
    const save = saveReport(db, evidenceStore(), evidenceLimits(), actor(users.rsj), {
      periodId: period.id,
      expectedVersion: 0,
      progress: "IN_PROGRESS",
      workDone: "归档后的填报",
      problems: "",
      nextSteps: "",
      values: {},
      uploads: [],
      removeAttachmentIds: [],
      submit: true,
    });
    await expect(save).rejects.toMatchObject({ namespace: "admin", key: "planReadOnly", detail: { title: "黄石市工伤预防行动计划（2026—2030年）（测试数据）" } });
    await expect(addInstruction(db, actor(users.leader), { measureId: period.measureId, text: "请加快推进" })).rejects.toMatchObject({ key: "planReadOnly" });
    expect(await db.progressReport.count({ where: { periodId: period.id } })).toBe(reports);
    expect(await db.leaderInstruction.count({ where: { measureId: period.measureId } })).toBe(0);
    expect(messages.admin.planReadOnly).toContain("已归档");

    // Back to 已结束: the plan is evaluated again and takes a late report.
    await setPlanStatus(db, actor(users.admin), { planId: ids.test, from: "ARCHIVED", to: "ENDED" });
    const saved = await saveReport(db, evidenceStore(), evidenceLimits(), actor(users.rsj), {
      periodId: period.id,
      expectedVersion: 0,
      progress: "IN_PROGRESS",
      workDone: "结束后补报",
      problems: "",
      nextSteps: "",
      values: {},
      uploads: [],
      removeAttachmentIds: [],
      submit: false,
    });
    expect(saved.state).toBe("DRAFT");
  });
});
