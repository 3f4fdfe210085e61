/**
 * Importing and exporting a plan's key-task table: through the mutation, the server actions,
 * the upload route and the command line. One transaction and one audit event per import;
 * a dry run, a bad file, a refused caller or a failure half-way writes nothing; exporting the
 * shipped plan and importing the file gives the same plan.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it, vi } from "vitest";
import ExcelJS from "exceljs";
import messages from "../../messages/zh-CN.json";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { importPlanAction, previewPlanImportAction } from "@/features/plan-import/actions";
import { planWorkbook, SHEET_NAME } from "@/features/plan-import/export";
import { commandLineOperator, importPlan } from "@/features/plan-import/mutations";
import { readPlanFile } from "@/features/plan-import/read";
import type { TableRow } from "@/features/plan-import/table";
import { seedDemoAccounts } from "@/features/seed/seed-demo";
import type { PrismaClient } from "@/generated/prisma/client";
import { initialActionState } from "@/lib/action-state";
import { Forbidden, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";
import { POST as uploadPlan } from "@/app/api/admin/plans/import/route";
import { GET as exportRoute } from "@/app/api/admin/plans/export/route";
import { GET as templateRoute } from "@/app/api/admin/plans/template/route";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth")>()),
  getCurrentUser: async () => state.user,
  getActor: async () => (state.user ? { ...state.user, ip: "127.0.0.1" } : null),
  requestAddress: async () => "127.0.0.1",
}));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => {
  const { createTranslator } = await import("next-intl");
  const zh = (await import("../../messages/zh-CN.json")).default;
  return {
    getTranslations: async (namespace: "admin" | "reports" | "errors" | "authz" | "api") =>
      createTranslator({ locale: "zh-CN", messages: zh, namespace, timeZone: "Asia/Shanghai" }),
  };
});
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const SHIPPED = "hs-gsyf-2021-2025";
const suffix = Date.now().toString(36);
const t = messages.admin.planImport;
const users = {} as Record<"admin" | "leader" | "liaison", CurrentUser>;
const actor = (u: CurrentUser): Actor => ({ id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" });
let dir = "";

async function currentUser(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}

/** Everything an import could write: a refused or failed one must leave all of it as it was. */
async function world() {
  const [plans, tasks, measures, departments, assignments, indicators, periods, audit] = await Promise.all([
    db.plan.count(),
    db.keyTask.count(),
    db.measure.count(),
    db.department.findMany({ orderBy: { shortName: "asc" } }),
    db.measureDepartment.count(),
    db.indicator.count(),
    db.reportingPeriod.count(),
    db.auditEvent.aggregate({ _max: { id: true } }),
  ]);
  return { plans, tasks, measures, departments, assignments, indicators, periods, lastAuditId: audit._max.id ?? BigInt(0) };
}

/** A plan as a comparable value: everything an import sets, without ids and dates of creation. */
async function planShape(code: string) {
  const plan = await db.plan.findUniqueOrThrow({
    where: { code },
    include: {
      keyTasks: {
        orderBy: { number: "asc" },
        include: {
          measures: {
            orderBy: { number: "asc" },
            include: {
              departments: { orderBy: { sortOrder: "asc" }, include: { department: { select: { shortName: true } } } },
              indicators: { orderBy: { key: "asc" } },
              periods: { orderBy: [{ kind: "asc" }, { periodEnd: "asc" }] },
            },
          },
        },
      },
    },
  });
  return {
    years: [plan.startYear, plan.endYear],
    tasks: plan.keyTasks.map((task) => ({
      number: task.number,
      title: task.title,
      measures: task.measures.map((m) => ({
        number: m.number,
        text: m.text,
        departmentsText: m.departmentsText,
        departmentsInferred: m.departmentsInferred,
        departmentsOpenList: m.departmentsOpenList,
        timeArrangement: m.timeArrangement,
        scheduleKind: m.scheduleKind,
        scheduleError: m.scheduleError,
        scheduleStart: m.scheduleStart,
        deadline: m.deadline,
        deliverable: m.deliverable,
        reportsQuarterly: m.reportsQuarterly,
        dueDates: m.dueDates,
        scheduleFlags: m.scheduleFlags,
        departments: m.departments.map((d) => [d.department.shortName, d.isLead, d.isJointLead, d.sortOrder]),
        indicators: m.indicators.map((i) => [i.key, i.name, i.unit, i.comparison, i.target?.toString(), i.period, i.direction, i.baseline?.toString(), i.sourceText]),
        periods: m.periods.map((p) => [p.kind, p.periodStart, p.periodEnd, p.dueDate]),
      })),
    })),
  };
}

const HEADER = "序号,重点任务,主要措施,责任部门,时间安排";
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join("\n"));
const SMALL = csv(
  "1,建立联防联控机制,建立工伤预防部门联系会议制度。,市人社局,每季度",
  ",,开展工伤预防宣传，每年培训不少于200人。,市卫健委牵头、市人社局、市新闻办,2026年底前",
  "2,开展专项行动,实施重点行业专项治理。,市人社局、市应急局等,持续推进",
);

function meta(code: string) {
  return { code, title: `测试计划 ${code}`, issuer: "黄石市人力资源和社会保障局", startYear: 2026, endYear: 2030 };
}

async function expectRule(promise: Promise<unknown>, key: string) {
  await expect(promise).rejects.toSatisfy((e: unknown) => e instanceof RuleError && e.key === key);
}

function uploadRequest(name: string, body: Uint8Array, query = "startYear=2026&endYear=2030", headers: Record<string, string> = {}) {
  return new Request(`http://localhost/api/admin/plans/import?name=${encodeURIComponent(name)}&${query}`, {
    method: "POST",
    headers: { "Content-Type": "application/octet-stream", host: "localhost", ...headers },
    body: body as BodyInit,
  });
}

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedDemoAccounts(db);
  users.admin = await currentUser("admin");
  users.leader = await currentUser("leader");
  users.liaison = await currentUser("wjw");
  dir = mkdtempSync(path.join(tmpdir(), "duban-plan-import-"));
});

beforeEach(() => {
  state.user = null;
});

afterAll(async () => {
  // Other files share the database: the plans and departments made here go again.
  await db.plan.deleteMany({ where: { code: { endsWith: suffix } } });
  await db.plan.deleteMany({ where: { code: { contains: `-${suffix}-` } } });
  await db.department.deleteMany({ where: { shortName: { in: ["市新闻办", "市教育局"] } } });
  if (dir) rmSync(dir, { recursive: true, force: true });
  await db.$disconnect();
});

describe("importing through the mutation", () => {
  it("creates the plan, its tasks, measures, new departments and periods in one transaction with one audit event", async () => {
    const code = `import-${suffix}`;
    const before = await world();
    const rows = await readPlanFile(SMALL, "plan.csv");
    const result = await importPlan(db, actor(users.admin), { ...meta(code), rows });
    expect(result.report).toMatchObject({ planCreated: true, keyTasksCreated: 2, measuresCreated: 3, departmentsCreated: 1 });
    const shape = await planShape(code);
    expect(shape.tasks.map((task) => [task.number, task.title, task.measures.map((m) => m.departments)])).toEqual([
      [1, "建立联防联控机制", [[["市人社局", true, false, 0]], [["市卫健委", true, false, 0], ["市人社局", false, false, 1], ["市新闻办", false, false, 2]]]],
      [2, "开展专项行动", [[["市人社局", true, false, 0], ["市应急局", false, false, 1]]]],
    ]);
    const m2 = shape.tasks[0].measures[1];
    expect(m2).toMatchObject({ scheduleKind: "DEADLINE", deadline: new Date("2026-12-31T00:00:00Z") });
    expect(m2.indicators).toEqual([expect.arrayContaining(["GTE", "200"])]);
    expect(shape.tasks[1].measures[0]).toMatchObject({ departmentsOpenList: true, scheduleKind: "ONGOING" });
    expect(await db.department.findUniqueOrThrow({ where: { shortName: "市新闻办" } })).toMatchObject({ fullName: "市新闻办", aliases: [] });

    const events = await db.auditEvent.findMany({ where: { id: { gt: before.lastAuditId } } });
    expect(events.map((e) => [e.action, e.entityType, e.entityId, e.actorId, e.actorLabel, e.ip])).toEqual([
      ["plan.import", "Plan", result.planId, users.admin.id, "admin", "127.0.0.1"],
    ]);
    const after = await world();
    expect(after.plans).toBe(before.plans + 1);
    expect(after.measures).toBe(before.measures + 3);
  });

  it("a dry run returns the preview and writes nothing", async () => {
    const before = await world();
    const result = await importPlan(db, actor(users.admin), { ...meta(`dry-${suffix}`), rows: await readPlanFile(SMALL, "plan.csv") }, { dryRun: true });
    expect(result.report).toBeNull();
    expect(result.preview.measureCount).toBe(3);
    expect(await world()).toEqual(before);
  });

  it("refuses a code already in use and writes nothing", async () => {
    const before = await world();
    await expectRule(importPlan(db, actor(users.admin), { ...meta(SHIPPED), rows: await readPlanFile(SMALL, "plan.csv") }), "planImport.codeTaken");
    expect(await world()).toEqual(before);
  });

  it("a failure half-way leaves no plan, task, measure, department or audit event behind", async () => {
    const code = `fail-${suffix}`;
    const rows: TableRow[] = Array.from({ length: 8 }, (_, i) => ({
      line: i + 2,
      taskNumber: 1 + Math.floor(i / 2),
      taskTitle: `任务${1 + Math.floor(i / 2)}`,
      text: `措施${i + 1}。`,
      departmentsText: i === 0 ? "市人社局、市半途局" : "市人社局",
      timeArrangement: "每季度",
    }));
    // The database fails on the fifth measure, after the department, the plan, tasks and four measures were written.
    let creates = 0;
    const failing = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: PrismaClient) => Promise<unknown>, options: unknown) =>
          target.$transaction(
            (tx) =>
              fn(
                new Proxy(tx, {
                  get(txTarget, txProp, txReceiver) {
                    const value = Reflect.get(txTarget, txProp, txReceiver);
                    if (txProp !== "measure") return value;
                    return new Proxy(value as object, {
                      get(m, mProp, mReceiver) {
                        const fnValue = Reflect.get(m, mProp, mReceiver);
                        if (mProp !== "create") return fnValue;
                        return (args: unknown) => {
                          if (++creates === 5) throw new Error("connection lost");
                          return (fnValue as (a: unknown) => Promise<unknown>).call(m, args);
                        };
                      },
                    });
                  },
                }) as PrismaClient,
              ),
            options as never,
          );
      },
    }) as PrismaClient;
    const before = await world();
    await expect(importPlan(failing, actor(users.admin), { ...meta(code), rows })).rejects.toThrow("connection lost");
    expect(creates).toBe(5);
    expect(await world()).toEqual(before);
    expect(await db.plan.findUnique({ where: { code } })).toBeNull();
    expect(await db.department.findUnique({ where: { shortName: "市半途局" } })).toBeNull();
  });

  it("refuses callers other than an administrator before reading anything", async () => {
    const before = await world();
    const rows = await readPlanFile(SMALL, "plan.csv");
    for (const caller of [null, actor(users.leader), actor(users.liaison)]) {
      await expect(importPlan(db, caller, { ...meta(`denied-${suffix}`), rows })).rejects.toBeInstanceOf(Forbidden);
      await expect(importPlan(db, caller, { ...meta(`denied-${suffix}`), rows }, { dryRun: true })).rejects.toBeInstanceOf(Forbidden);
    }
    expect(await world()).toEqual(before);
  });
});

describe("exporting and importing again", () => {
  it("reproduces the shipped plan: texts word for word, departments, leads, schedules, indicators and periods", async () => {
    // A department the plan does not name exists too: "市人社局等8部门" still means the plan's eight.
    await db.department.upsert({ where: { shortName: "市教育局" }, create: { shortName: "市教育局", fullName: "黄石市教育局", aliases: [], sortOrder: 90 }, update: {} });
    // The trend of 4.3 (「有效降低重点企业职业病发生率」) with a baseline an administrator entered: the 趋势基线 column carries it (decision 031).
    const trend = await db.indicator.findFirstOrThrow({ where: { direction: "DECREASE", measure: { number: 3, keyTask: { number: 4, plan: { code: SHIPPED } } } } });
    await db.indicator.update({ where: { id: trend.id }, data: { baseline: 2.5 } });
    const exported = await planWorkbook(db, SHIPPED);
    const shippedShape = await planShape(SHIPPED);
    await db.indicator.update({ where: { id: trend.id }, data: { baseline: null } });
    expect(exported).not.toBeNull();
    // The file is a workbook in the template: header, one row per measure.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported!.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SHEET_NAME)!;
    expect(sheet.getRow(2).values).toEqual([undefined, "序号", "重点任务", "主要措施", "责任部门", "共同牵头", "时间安排", "趋势基线"]);
    expect(sheet.rowCount).toBe(2 + 34);

    const rows = await readPlanFile(new Uint8Array(exported!.body), "exported.xlsx");
    expect(rows).toHaveLength(34);
    const shipped = await db.plan.findUniqueOrThrow({ where: { code: SHIPPED } });
    const code = `roundtrip-${suffix}`;
    const before = await world();
    const result = await importPlan(db, actor(users.admin), { code, title: shipped.title, issuer: shipped.issuer, startYear: shipped.startYear, endYear: shipped.endYear, rows });
    expect(result.preview.newDepartments).toEqual([]);
    expect(rows.map((r) => r.departmentsText)).toContain("市人社局等8部门");
    expect(rows.filter((r) => r.baselinesText)).toEqual([expect.objectContaining({ baselinesText: "重点企业职业病发生率：2.5" })]);
    const reimported = await planShape(code);
    expect(reimported.tasks[3].measures[2].indicators).toEqual([[trend.key, "重点企业职业病发生率", "%", "GTE", undefined, "PLAN", "DECREASE", "2.5", "有效降低重点企业职业病发生率"]]);
    expect(reimported).toEqual(shippedShape);
    // The lifecycle is not part of the table: an imported plan starts as a draft (草稿).
    expect((await db.plan.findUniqueOrThrow({ where: { code } })).status).toBe("DRAFT");
    expect((await world()).departments).toEqual(before.departments);
  });

  it("exports an administrator's change of departments so that importing gives the same assignments", async () => {
    const code = `reassigned-${suffix}`;
    await importPlan(db, actor(users.admin), { ...meta(code), rows: await readPlanFile(csv("1,任务,措施。,市人社局、市财政局,每季度"), "a.csv") });
    const measure = await db.measure.findFirstOrThrow({ where: { keyTask: { plan: { code } } }, include: { departments: true } });
    const finance = await db.department.findUniqueOrThrow({ where: { shortName: "市财政局" } });
    // The lead moves to 市财政局 in the app; the issued text stays.
    await db.measureDepartment.updateMany({ where: { measureId: measure.id }, data: { isLead: false } });
    await db.measureDepartment.updateMany({ where: { measureId: measure.id, departmentId: finance.id }, data: { isLead: true } });
    const rows = await readPlanFile(new Uint8Array((await planWorkbook(db, code))!.body), "b.xlsx");
    expect(rows[0].departmentsText).toBe("市财政局牵头、市人社局");
    await importPlan(db, actor(users.admin), { ...meta(`${code}-2`), rows });
    const again = await planShape(`${code}-2`);
    expect(again.tasks[0].measures[0].departments).toEqual([
      ["市财政局", true, false, 0],
      ["市人社局", false, false, 1],
    ]);
  });

  it("keeps joint leads (共同牵头): exported in their column, shown in the preview, written by the import", async () => {
    // The shipped measure 1.2: 市住建局 leads, its three other departments are joint leads.
    const roles = async (code: string) =>
      (
        await db.measure.findMany({
          where: { keyTask: { plan: { code } } },
          orderBy: [{ keyTask: { number: "asc" } }, { number: "asc" }],
          include: { keyTask: { select: { number: true } }, departments: { orderBy: { sortOrder: "asc" }, include: { department: { select: { shortName: true } } } } },
        })
      ).map((m) => ({
        measure: `${m.keyTask.number}.${m.number}`,
        departments: m.departments.map((d) => d.department.shortName),
        lead: m.departments.find((d) => d.isLead)?.department.shortName,
        jointLeads: m.departments.filter((d) => d.isJointLead).map((d) => d.department.shortName),
      }));
    const shipped = await roles(SHIPPED);
    expect(shipped.find((m) => m.measure === "1.2")).toEqual({
      measure: "1.2",
      departments: ["市住建局", "市交运局", "市卫健委", "市应急局"],
      lead: "市住建局",
      jointLeads: ["市交运局", "市卫健委", "市应急局"],
    });

    const exported = await planWorkbook(db, SHIPPED);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported!.body as unknown as ArrayBuffer);
    // Row 4: title, header, measure 1.1, measure 1.2; column 5 is 共同牵头.
    expect(workbook.getWorksheet(SHEET_NAME)!.getRow(4).getCell(5).text).toBe("市交运局、市卫健委、市应急局");

    const rows = await readPlanFile(new Uint8Array(exported!.body), "joint.xlsx");
    const code = `joint-${suffix}`;
    const plan = await db.plan.findUniqueOrThrow({ where: { code: SHIPPED } });
    const result = await importPlan(db, actor(users.admin), { code, title: plan.title, issuer: plan.issuer, startYear: plan.startYear, endYear: plan.endYear, rows });
    const previewed = result.preview.tasks[0].measures[1];
    expect(previewed.jointLeadsText).toBe("市交运局、市卫健委、市应急局");
    expect(previewed.departments.map((d) => [d.shortName, d.lead, d.jointLead])).toEqual([
      ["市住建局", true, false],
      ["市交运局", false, true],
      ["市卫健委", false, true],
      ["市应急局", false, true],
    ]);
    expect(previewed.notices).toEqual([]);
    expect(await roles(code)).toEqual(shipped);
  });

  it("ignores, with a notice, a joint lead that is not a supporting department of the measure", async () => {
    const rows = await readPlanFile(
      new TextEncoder().encode(["序号,重点任务,主要措施,责任部门,共同牵头,时间安排", "1,任务,措施。,市人社局、市财政局,市人社局、市财政局、市应急局,每季度"].join("\n")),
      "j.csv",
    );
    const code = `joint-notice-${suffix}`;
    const result = await importPlan(db, actor(users.admin), { ...meta(code), rows });
    expect(result.preview.tasks[0].measures[0].notices).toEqual([
      { code: "jointLeadIgnored", detail: "市人社局" },
      { code: "jointLeadIgnored", detail: "市应急局" },
    ]);
    const measure = await db.measure.findFirstOrThrow({
      where: { keyTask: { plan: { code } } },
      include: { departments: { orderBy: { sortOrder: "asc" }, include: { department: { select: { shortName: true } } } } },
    });
    expect(measure.departments.map((d) => [d.department.shortName, d.isLead, d.isJointLead])).toEqual([
      ["市人社局", true, false],
      ["市财政局", false, true],
    ]);
  });
});

describe("the upload route", () => {
  it("answers the preview of a file to an administrator and writes nothing", async () => {
    state.user = users.admin;
    const before = await world();
    const response = await uploadPlan(uploadRequest("plan.csv", SMALL));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rows: TableRow[]; preview: { measureCount: number; newDepartments: string[] } };
    expect(body.rows).toHaveLength(3);
    expect(body.preview.measureCount).toBe(3);
    expect(await world()).toEqual(before);
  });

  it("names the row and column of a bad file, in Chinese", async () => {
    state.user = users.admin;
    const before = await world();
    const response = await uploadPlan(uploadRequest("plan.csv", csv("1,任务,措施。,市人社局,每季度", ",,,市人社局,每季度")));
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ message: "第 3 行“主要措施”列为空" });
    const wrongType = await uploadPlan(uploadRequest("plan.xls", SMALL));
    expect(wrongType.status).toBe(415);
    expect(await wrongType.json()).toEqual({ message: t.fileType });
    const notAWorkbook = await uploadPlan(uploadRequest("plan.xlsx", SMALL));
    expect(await notAWorkbook.json()).toEqual({ message: t.unreadable });
    expect(await world()).toEqual(before);
  });

  it("refuses a declared size over 5 MB before reading, and an actual one while reading", async () => {
    state.user = users.admin;
    const declared = await uploadPlan(uploadRequest("plan.csv", SMALL, undefined, { "content-length": String(6 * 1024 * 1024) }));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ message: "文件超过 5 MB，计划任务清单不应这么大" });
    const actual = await uploadPlan(uploadRequest("plan.csv", new Uint8Array(5 * 1024 * 1024 + 1)));
    expect(actual.status).toBe(413);
  });

  it("refuses anyone but an administrator, a foreign origin and a form post", async () => {
    const cases: [CurrentUser | null, number, string][] = [
      [null, 401, messages.api.signInRequired],
      [users.leader, 403, messages.authz.forbidden],
      [users.liaison, 403, messages.authz.forbidden],
    ];
    for (const [user, status, message] of cases) {
      state.user = user;
      const response = await uploadPlan(uploadRequest("plan.csv", SMALL));
      expect([response.status, await response.json()]).toEqual([status, { message }]);
    }
    state.user = users.admin;
    expect((await uploadPlan(uploadRequest("plan.csv", SMALL, undefined, { origin: "https://evil.example" }))).status).toBe(403);
    expect((await uploadPlan(uploadRequest("plan.csv", SMALL, undefined, { "content-type": "multipart/form-data; boundary=x" }))).status).toBe(403);
  });

  it("serves the template and exports to an administrator only", async () => {
    state.user = users.liaison;
    expect((await templateRoute()).status).toBe(403);
    expect((await exportRoute(new Request(`http://localhost/api/admin/plans/export?plan=${SHIPPED}`))).status).toBe(403);
    state.user = null;
    expect((await templateRoute()).status).toBe(401);
    state.user = users.admin;
    const template = await templateRoute();
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    expect(workbook.worksheets[0].getRow(1).values).toEqual([undefined, "序号", "重点任务", "主要措施", "责任部门", "共同牵头", "时间安排", "趋势基线"]);
    expect((await exportRoute(new Request("http://localhost/api/admin/plans/export?plan=nope"))).status).toBe(404);
  });
});

describe("the server actions", () => {
  const form = (fields: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries(fields)) data.set(k, v);
    return data;
  };

  it("re-reads an edited row and imports the confirmed rows as an administrator", async () => {
    state.user = users.admin;
    const rows = await readPlanFile(SMALL, "plan.csv");
    const edited = rows.map((r, i) => (i === 1 ? { ...r, departmentsText: "市卫健委牵头、市人社局", timeArrangement: "2027年底前" } : r)).filter((_, i) => i !== 2);
    const preview = await previewPlanImportAction(initialActionState, form({ startYear: "2026", endYear: "2030", rows: JSON.stringify(edited) }));
    expect(preview).toMatchObject({ ok: true, message: t.previewReady });
    expect(preview.result?.preview.tasks.flatMap((task) => task.measures).map((m) => [m.departments.map((d) => d.shortName), m.schedule?.deadline ?? null])).toEqual([
      [["市人社局"], null],
      [["市卫健委", "市人社局"], "2027-12-31"],
    ]);
    const code = `action-${suffix}`;
    const imported = await importPlanAction(initialActionState, form({ ...meta(code), startYear: "2026", endYear: "2030", rows: JSON.stringify(edited) }));
    expect(imported).toMatchObject({ ok: true, message: t.imported });
    expect((await planShape(code)).tasks.flatMap((task) => task.measures).map((m) => m.text)).toEqual(edited.map((r) => r.text));
  });

  it("reads pasted text and names the row of a problem", async () => {
    state.user = users.admin;
    const pasted = ["序号\t重点任务\t主要措施\t责任部门\t时间安排", "1\t任务\t措施。\t市人社局\t每季度", "x\t任务\t措施。\t市人社局\t每季度"].join("\n");
    const refused = await previewPlanImportAction(initialActionState, form({ startYear: "2026", endYear: "2030", pasted }));
    expect(refused).toEqual({ ok: false, message: "第 3 行“序号”列应为正整数，现为“x”" });
    const ok = await previewPlanImportAction(initialActionState, form({ startYear: "2026", endYear: "2030", pasted: pasted.split("\n").slice(0, 2).join("\n") }));
    expect(ok.result?.rows).toHaveLength(1);
    // Over the length a server action can carry (1 MB at 3 bytes a character): refused by name.
    const long = await previewPlanImportAction(initialActionState, form({ startYear: "2026", endYear: "2030", pasted: "措".repeat(300_001) }));
    expect(long).toMatchObject({ ok: false, fieldErrors: { pasted: [t.tooLarge] } });
    const backwards = await previewPlanImportAction(initialActionState, form({ startYear: "2030", endYear: "2026", pasted }));
    expect(backwards).toMatchObject({ ok: false, fieldErrors: { endYear: [t.badYears] } });
  });

  it("refuses a leader and a liaison, and bad input, with a message and nothing written", async () => {
    const before = await world();
    const rows = JSON.stringify(await readPlanFile(SMALL, "plan.csv"));
    for (const user of [users.leader, users.liaison]) {
      state.user = user;
      expect(await importPlanAction(initialActionState, form({ ...meta(`x-${suffix}`), startYear: "2026", endYear: "2030", rows }))).toEqual({ ok: false, message: messages.authz.forbidden });
      expect(await previewPlanImportAction(initialActionState, form({ startYear: "2026", endYear: "2030", rows }))).toEqual({ ok: false, message: messages.authz.forbidden });
    }
    state.user = users.admin;
    const bad = await importPlanAction(initialActionState, form({ code: "Bad Code", title: "", issuer: "", startYear: "2030", endYear: "2026", rows: "[]" }));
    expect(bad).toMatchObject({ ok: false, fieldErrors: { code: [t.badCode], title: [t.titleRequired] } });
    expect(await world()).toEqual(before);
  });
});

describe("the command line", () => {
  const run = promisify(execFile);
  const env = () => ({ ...process.env, DATABASE_URL: inject("databaseUrl"), DUBAN_DATA_DIR: dir });

  it("exports the shipped plan, previews it with --dry-run (nothing written) and imports it as the same plan", async () => {
    const file = path.join(dir, "plan.xlsx");
    await run("npx", ["tsx", "scripts/plan-export.ts", "--plan", SHIPPED, "--out", file], { env: env() });
    expect(readFileSync(file).subarray(0, 2).toString()).toBe("PK");
    const code = `cli-${suffix}`;
    const args = ["tsx", "scripts/plan-import.ts", file, "--code", code, "--title", "黄石市工伤预防五年行动计划（2021—2025年）", "--years", "2021-2025", "--issuer", "黄石市人力资源和社会保障局"];
    const before = await world();
    const dry = await run("npx", [...args, "--dry-run"], { env: env() });
    expect(dry.stdout).toContain("共 11 项重点任务，34 项主要措施");
    expect(dry.stdout).toContain("试运行（--dry-run）：未写入任何数据。");
    expect(dry.stdout).toContain("截止日期 2020-12-31 早于计划开始");
    expect(await world()).toEqual(before);
    const real = await run("npx", args, { env: env() });
    expect(real.stdout).toContain(`已导入计划`);
    expect(await planShape(code)).toEqual(await planShape(SHIPPED));
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.import", entityId: (await db.plan.findUniqueOrThrow({ where: { code } })).id } });
    expect([event.actorId, event.actorLabel]).toEqual([null, commandLineOperator.loginName]);
  }, 180_000);

  it("names the row and column of a bad file and exits with an error", async () => {
    const file = path.join(dir, "bad.csv");
    const { writeFile } = await import("node:fs/promises");
    await writeFile(file, `${HEADER}\n1,任务,措施。,,每季度\n`);
    const failed = await run("npx", ["tsx", "scripts/plan-import.ts", file, "--code", `bad-${suffix}`, "--title", "坏文件", "--years", "2026-2030"], { env: env() }).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 1 });
    expect((failed as { stderr: string }).stderr).toContain("第 2 行“责任部门”列为空");
  }, 120_000);
});
