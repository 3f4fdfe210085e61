/**
 * 演示数据 (decision 030): the demonstration history of the embedded mode's first start, written on a
 * scratch database of this file's own (tests/support/scratch-database.ts), read by the overview through its ordinary path (the stored revisions, extensions
 * and closures replayed by src/features/dashboard), and removed again.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import messages from "../../messages/zh-CN.json";
import { seedPlanFiles, seedShippedPlans, testPlanFiles, quarterDueDays } from "../../scripts/lib/seed";
import { ensureReportingPeriods } from "@/features/seed/seed-plan";
import { seedDemoAccounts } from "@/features/seed/seed-demo";
import { DemoModeError, insertDemoHistory, type DemoInsertResult } from "@/features/seed/demo-history";
import { removeDemoData } from "@/features/demo/mutations";
import { computeDashboard, type Dashboard } from "@/features/dashboard/compute";
import { defaultAsOf } from "@/lib/plan-lifecycle";
import { todayInChina } from "@/lib/due";
import { initialActionState } from "@/lib/action-state";
import { RuleError } from "@/lib/rule-error";
import type { Actor } from "@/lib/permissions";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
// A database of its own, as a first start has it: the shared one holds the other files' reports on the same plans.
const scratch = vi.hoisted(() => ({ drop: null as null | (() => Promise<void>) }));
vi.mock("@/server/db", async () => (await import("../support/scratch-database")).scratchDbModule(scratch));
const { loadDashboardInput } = await import("@/features/dashboard/queries");
const { removeDemoDataAction } = await import("@/features/demo/actions");

const PLAN = "hs-gsyf-2021-2025";
let planId = "";
let asOf = "";
let fresh: Dashboard;
let inserted: DemoInsertResult;
let withDemo: Dashboard;
let freshHistory: Awaited<ReturnType<typeof history>>;

async function actor(loginName: string): Promise<Actor> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" };
}

async function dashboard(): Promise<Dashboard> {
  return computeDashboard(await loadDashboardInput(planId), asOf);
}

/** Every row the plans carry beyond their structure, as a fresh installation has none of them. */
async function history() {
  const inPlans = { measure: { keyTask: { plan: { code: { in: [PLAN, "hs-gsyf-2026-2030"] } } } } };
  const [reports, extensions, dues, instructions, notices, closures, closed] = await Promise.all([
    db.progressReport.count({ where: inPlans }),
    db.extensionRequest.count({ where: { period: inPlans } }),
    db.departmentDueDate.count({ where: { period: inPlans } }),
    db.leaderInstruction.count({ where: inPlans }),
    db.supervisionNotice.count({ where: inPlans }),
    db.measureClosure.count({ where: inPlans }),
    db.measure.count({ where: { ...inPlans.measure, closedAt: { not: null } } }),
  ]);
  return { reports, extensions, dues, instructions, notices, closures, closed };
}

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedPlanFiles(db, testPlanFiles);
  await seedDemoAccounts(db);
  await ensureReportingPeriods(db, quarterDueDays());
  const plan = await db.plan.findUniqueOrThrow({ where: { code: PLAN } });
  planId = plan.id;
  asOf = defaultAsOf(plan, todayInChina());
  fresh = await dashboard();
  freshHistory = await history();
});

afterAll(async () => {
  await db.$disconnect();
  await scratch.drop?.();
});

describe("demonstration history (演示数据)", () => {
  it("is never written outside the embedded mode", async () => {
    const before = await history();
    await expect(insertDemoHistory(db, { mode: "server" })).rejects.toBeInstanceOf(DemoModeError);
    expect(await db.demoData.count()).toBe(0);
    expect(await history()).toEqual(before);
  });

  it("writes five years of history in one go, each row listed for its removal", async () => {
    const result = await insertDemoHistory(db, { mode: "embedded" });
    expect(result).not.toBeNull();
    inserted = result!;
    console.log(`demonstration history inserted in ${inserted.milliseconds} ms: ${JSON.stringify(inserted)}`);
    expect(inserted.reports).toBeGreaterThan(1000);
    expect(inserted.revisions).toBeGreaterThan(2 * inserted.reports - 200);
    expect(inserted.extensions).toBeGreaterThanOrEqual(2);
    expect(inserted.instructions).toBeGreaterThanOrEqual(5);
    expect(inserted.notices).toBeGreaterThanOrEqual(2);
    expect(inserted.closures).toBeGreaterThanOrEqual(2);
    const markers = await db.demoData.groupBy({ by: ["entityType"], _count: true });
    const count = Object.fromEntries(markers.map((m) => [m.entityType, m._count]));
    expect(count.ProgressReport).toBe(inserted.reports);
    expect(count.ExtensionRequest).toBe(inserted.extensions);
    expect(count.LeaderInstruction).toBe(inserted.instructions);
    expect(count.SupervisionNotice).toBe(inserted.notices);
    expect(count.MeasureClosure).toBe(inserted.closures);
    // Historical timestamps: the shipped plan's reports were submitted over its five years, not today.
    const years = await db.$queryRaw<{ year: number; n: bigint }[]>`
      SELECT EXTRACT(YEAR FROM v."at" AT TIME ZONE 'Asia/Shanghai')::int AS "year", COUNT(*) AS "n" FROM "ProgressReportRevision" v
      JOIN "DemoData" d ON d."entityType" = 'ProgressReport' AND d."entityId" = v."reportId" GROUP BY 1 ORDER BY 1`;
    expect(years.map((y) => y.year)).toEqual(expect.arrayContaining([2021, 2022, 2023, 2024, 2025]));
    // One audit event says it happened; a second start inserts nothing more.
    expect(await db.auditEvent.count({ where: { action: "demo.insert" } })).toBeGreaterThanOrEqual(1);
    expect(await insertDemoHistory(db, { mode: "embedded" })).toBeNull();
  });

  it("gives the overview figures of a plan that ran: neither all red nor 0 %", async () => {
    withDemo = await dashboard();
    console.log(
      `overview as of ${asOf}: 报送 ${JSON.stringify(withDemo.byLight)}, 进度 ${JSON.stringify(withDemo.byProgressLight)} ${JSON.stringify(withDemo.byProgress)}, ` +
        `tasks ${withDemo.tasks.map((t) => t.progressPct).join("/")} %, on time ${withDemo.departments.map((d) => `${d.shortName} ${d.onTimePct}`).join(", ")}, overdue ${withDemo.overdue.length}`,
    );
    // Before: every measure owed reports nobody wrote.
    expect(fresh.byLight.RED).toBeGreaterThan(fresh.measureCount * 0.8);
    const m = withDemo.measureCount;
    expect(m).toBe(fresh.measureCount);
    expect(withDemo.byLight.GREEN).toBeGreaterThan(m * 0.6);
    expect(withDemo.byLight.RED).toBeGreaterThanOrEqual(1);
    expect(withDemo.byLight.RED).toBeLessThan(m * 0.25);
    // 进度: mostly on schedule, some behind, a few closed (办结销号).
    expect(withDemo.byProgressLight.GREEN).toBeGreaterThan(m * 0.5);
    expect(withDemo.byProgressLight.YELLOW + withDemo.byProgressLight.RED).toBeGreaterThanOrEqual(2);
    expect(withDemo.byProgress.CLOSED ?? 0).toBeGreaterThanOrEqual(2);
    // Key tasks' progress and departments' on-time rates: high, not perfect.
    for (const t of withDemo.tasks.filter((t) => t.periodsDue > 0)) {
      expect(t.progressPct!).toBeGreaterThan(70);
    }
    const rates = withDemo.departments.filter((d) => d.dueSoFar > 0).map((d) => d.onTimePct!);
    expect(rates.length).toBeGreaterThanOrEqual(6);
    for (const rate of rates) expect(rate).toBeGreaterThan(55);
    expect(Math.min(...rates)).toBeLessThan(100);
    expect(withDemo.departments.some((d) => d.returned + d.overdue > 0)).toBe(true);
    expect(withDemo.departments.every((d) => d.avgReviewHours === null || d.avgReviewHours > 0)).toBe(true);
    expect(withDemo.overdue.length).toBeGreaterThanOrEqual(1);
    expect(withDemo.overdue.length).toBeLessThan(20);
    // Submissions in every year of the plan.
    const years = new Set(withDemo.submissions.filter((s) => s.count > 0).map((s) => s.quarter.slice(0, 4)));
    for (const y of ["2021", "2022", "2023", "2024", "2025"]) expect(years.has(y)).toBe(true);
  });

  it("is removed by an administrator alone, never in server mode, and leaves the plans as a fresh installation has them", async () => {
    const before = await db.demoData.count();
    for (const login of ["leader", "wjw"]) {
      await expect(removeDemoData(db, await actor(login), { mode: "embedded" })).rejects.toMatchObject({ key: "forbidden" });
    }
    await expect(removeDemoData(db, await actor("admin"), { mode: "server" })).rejects.toBeInstanceOf(DemoModeError);
    // Through the action as the app runs it: this process is not the embedded mode, so it refuses with the message.
    state.user = { ...(await actor("admin")), displayName: "管理员", departmentName: null, mustChangePassword: false };
    const refused = await removeDemoDataAction(initialActionState, (() => {
      const f = new FormData();
      f.set("confirm", "yes");
      return f;
    })());
    expect(refused).toMatchObject({ ok: false, message: messages.admin.demoServerMode });
    expect(await db.demoData.count()).toBe(before);

    const removed = await removeDemoData(db, await actor("admin"), { mode: "embedded" });
    expect(removed.reports).toBe(inserted.reports);
    expect(removed.instructions).toBe(inserted.instructions);
    expect(removed.notices).toBe(inserted.notices);
    expect(removed.closures).toBe(inserted.closures);
    expect(await db.demoData.count()).toBe(0);
    expect(await history()).toEqual(freshHistory);
    expect(await db.progressReportRevision.count({ where: { reportId: { startsWith: "demo" } } })).toBe(0);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "demo.remove" }, orderBy: { id: "desc" } });
    expect(audit.actorLabel).toBe("admin");
    // The overview is exactly the fresh installation's again.
    expect(await dashboard()).toEqual(fresh);
    // Nothing left to remove.
    await expect(removeDemoData(db, await actor("admin"), { mode: "embedded" })).rejects.toBeInstanceOf(RuleError);
  });
});
