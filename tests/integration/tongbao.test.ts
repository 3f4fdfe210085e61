/**
 * The quarterly 通报 (decision 027) against a real database: its ranking agrees with the overview
 * and with the lists behind the overview's figures; its counts add up and its notes say so; the
 * Word document opens and names the quarter, the issuer and every department; the share and the
 * refusals are the export's; the weights are the plan's, changed by an administrator only.
 */
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import messages from "../../messages/zh-CN.json";
import { seedPlanFiles, seedShippedPlans, testPlanFiles } from "../../scripts/lib/seed";
import { seedDemoAccounts } from "@/features/seed/seed-demo";
import { computeDashboard } from "@/features/dashboard/compute";
import { listPeriods } from "@/features/dashboard/drill";
import { loadDashboardInput } from "@/features/dashboard/queries";
import { issueNotice } from "@/features/notices/mutations";
import { getPlanByCode, type PlanSummary } from "@/features/plan/queries";
import { tongbaoTables, type Tongbao } from "@/features/tongbao/content";
import { setRankingWeights } from "@/features/tongbao/mutations";
import { readTongbao } from "@/features/tongbao/read";
import { addDays } from "@/lib/periods";
import { todayInChina } from "@/lib/due";
import type { Actor } from "@/lib/permissions";
import { BLACK_LIST_BELOW } from "@/lib/ranking";
import { reportsForMeasure } from "@/lib/status";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";
import { GET as exportWord } from "@/app/api/plans/[planCode]/exports/quarterly/word/route";
import { GET as exportExcel } from "@/app/api/plans/[planCode]/exports/quarterly/route";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null, locale: "zh-CN" }));
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
    getTranslations: async (namespace: "reports" | "errors" | "authz" | "api") => createTranslator({ locale: "zh-CN", messages: zh, namespace, timeZone: "Asia/Shanghai" }),
    getLocale: async () => state.locale,
  };
});
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});

const SHIPPED = "hs-gsyf-2021-2025";
const TEST = "hs-gsyf-2026-2030";
const plans = {} as Record<"shipped" | "test", PlanSummary>;
const users = {} as Record<"admin" | "leader" | "wjw" | "czj", CurrentUser>;
const actor = (u: CurrentUser): Actor => ({ id: u.id, loginName: u.loginName, role: u.role, departmentId: u.departmentId, ip: "127.0.0.1" });

async function currentUser(loginName: string): Promise<CurrentUser> {
  const u = await db.user.findUniqueOrThrow({ where: { loginName }, include: { department: true } });
  return { id: u.id, loginName: u.loginName, displayName: u.displayName, role: u.role, departmentId: u.departmentId, departmentName: u.department?.shortName ?? null };
}

const table = (t: Tongbao, key: string) => tongbaoTables(t).find((x) => x.key === key)!;
const allText = (t: Tongbao) => t.sections.flatMap((s) => [...s.paragraphs, ...s.notes, ...s.tables.flatMap((x) => x.notes)]).join("\n");
const get = (url: string, handler: typeof exportWord, code = SHIPPED) => handler(new Request(`http://localhost${url}`), { params: Promise.resolve({ planCode: code }) });

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedPlanFiles(db, testPlanFiles);
  await seedDemoAccounts(db);
  plans.shipped = (await getPlanByCode(SHIPPED))!;
  plans.test = (await getPlanByCode(TEST))!;
  for (const login of ["admin", "leader", "wjw", "czj"] as const) users[login] = await currentUser(login);
});

afterAll(async () => {
  await db.plan.updateMany({ data: { rankTimelinessWeight: 40, rankProgressWeight: 30, rankReturnsWeight: 15, rankNoticesWeight: 15 } });
});

describe("the shipped plan's 通报", () => {
  it("covers its last quarter by default, as of the plan's last day, issued by the bureau", async () => {
    const { tongbao, quarters } = (await readTongbao(users.leader, plans.shipped, {}))!;
    expect([tongbao.quarter.key, tongbao.quarterTitle, tongbao.asOf, tongbao.issuer]).toEqual(["2025-Q4", "2025年第四季度", "2025-12-31", "黄石市人力资源和社会保障局"]);
    expect(tongbao.generatedAt).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(quarters).toHaveLength(20);
    // Another quarter from the address, and the quarter of an earlier address's day.
    expect((await readTongbao(users.leader, plans.shipped, { quarter: "2023-Q2" }))!.tongbao.asOf).toBe("2023-06-30");
    expect((await readTongbao(users.leader, plans.shipped, { asOf: "2024-08-15" }))!.tongbao.quarter.key).toBe("2024-Q3");
  });

  it("ranks every department of the overview, with the overview's and its lists' figures", async () => {
    const { tongbao } = (await readTongbao(users.leader, plans.shipped, {}))!;
    const input = await loadDashboardInput(plans.shipped.id);
    const d = computeDashboard(input, "2025-12-31");
    const ranking = table(tongbao, "ranking");
    expect(ranking.rows.map((r) => r[1]).sort()).toEqual(d.departments.map((x) => x.shortName).sort());
    const scores = ranking.rows.map((r) => Number(r[2]));
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    // Places: one more than the number of better scores.
    ranking.rows.forEach((r, i) => expect(r[0]).toBe(1 + scores.filter((s) => s > scores[i]).length));

    for (const dept of d.departments) {
      const row = ranking.rows.find((r) => r[1] === dept.shortName)!;
      // 报送: the department's periods due in the quarter, as the overview's list behind its on-time rate has them.
      const due = listPeriods(input, "2025-12-31", { metric: "due", dept: dept.id }).filter((p) => p.facts.dueDate >= "2025-10-01" && p.facts.dueDate <= "2025-12-31");
      expect(row[3]).toBe(`${due.filter((p) => p.facts.onTime).length}/${due.length}`);
      // 进度: the lights of the measures it leads or jointly leads, as the overview rates them.
      const led = (input.measures ?? []).filter((m) => m.departments.some((a) => a.departmentId === dept.id && reportsForMeasure(a)));
      const lights = led.map((m) => d.measures.find((x) => x.measureId === m.measureId)!.progress!.light);
      expect(row[4]).toBe(["GREEN", "YELLOW", "RED"].map((l) => lights.filter((x) => x === l).length).join("/"));
    }
  });

  it("counts overdue tasks one way: the departments' counts, the measures' list and the notes agree", async () => {
    const { tongbao } = (await readTongbao(users.leader, plans.shipped, {}))!;
    const input = await loadDashboardInput(plans.shipped.id);
    const d = computeDashboard(input, "2025-12-31");
    const departments = table(tongbao, "departments");
    let lead = 0;
    let support = 0;
    for (const dept of d.departments) {
      const row = departments.rows.find((r) => r[0] === dept.shortName)!;
      const [rowLead, rowSupport, rowTotal] = [row[4], row[5], row[6]] as number[];
      // The overview's figure, and the list behind it.
      expect(rowTotal).toBe(dept.overdue);
      expect(listPeriods(input, "2025-12-31", { metric: "overdue", dept: dept.id })).toHaveLength(rowTotal);
      expect(rowLead + rowSupport).toBe(rowTotal);
      expect(rowLead).toBe(d.overdue.filter((o) => o.departmentId === dept.id && reportsForMeasure(o)).length);
      lead += rowLead;
      support += rowSupport;
    }
    expect(departments.total!.slice(4, 7)).toEqual([lead, support, lead + support]);
    expect(lead + support).toBe(d.overdue.length);
    // The measures' list: the lead's and joint leads' tasks only, as many as the lead column says.
    const byMeasure = table(tongbao, "overdue-by-measure");
    expect(byMeasure.rows.reduce((s, r) => s + (r[4] as number), 0)).toBe(lead);
    expect(byMeasure.total![4]).toBe(lead);
    // Each measure is named by its number and its wording (the current one if set, else as issued).
    const wording = new Map((await db.measure.findMany({ where: { keyTask: { planId: plans.shipped.id } }, select: { text: true, currentText: true, number: true, keyTask: { select: { number: true } } } })).map((m) => [`${m.keyTask.number}.${m.number}`, m.currentText ?? m.text]));
    for (const r of byMeasure.rows) expect(r[1]).toBe(wording.get(String(r[0])));
    for (const r of table(tongbao, "overdue").rows) expect(r[1]).toBe(wording.get(String(r[0])));
    // Every overdue task in the detail, and the notes say what is counted, with the same numbers.
    expect(table(tongbao, "overdue").rows).toHaveLength(lead + support);
    const text = allText(tongbao);
    expect(text).toContain(`合计${lead + support}项＝牵头（含共同牵头）${lead}项＋配合反馈${support}项`);
    expect(text).toContain(`共${byMeasure.rows.length}条、${lead}项`);
    expect(text).toContain(`逐项明细共${lead + support}行`);
    // A department that leads nothing is absent from the measures' list, and the note names it.
    const supportingOnly = d.departments.filter((x) => x.led === 0 && !d.overdue.some((o) => o.departmentId === x.id && reportsForMeasure(o)));
    for (const x of supportingOnly) {
      expect(byMeasure.rows.some((r) => r[2] === x.shortName)).toBe(false);
      expect(text).toContain(x.shortName);
    }
    // The overview paragraph quotes the same totals.
    expect(tongbao.sections[0].paragraphs.join("")).toContain(`累计逾期未完成的报送任务${lead + support}项：牵头（含共同牵头）单位的进展报告${lead}项，配合单位的反馈${support}项`);
  });

  it("comes out as a Word document that names the quarter, the issuer and every department", async () => {
    state.user = users.leader;
    const response = await get(`/api/plans/${SHIPPED}/exports/quarterly/word`, exportWord);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Disposition")).toContain(`quarterly-${SHIPPED}-2025-Q4.docx`);
    const buffer = Buffer.from(await response.arrayBuffer());
    const { value, messages: warnings } = await mammoth.extractRawText({ buffer });
    expect(warnings.filter((m) => m.type === "error")).toEqual([]);
    for (const text of ["黄石市工伤预防五年行动计划（2021—2025年）落实情况通报", "2025年第四季度", "黄石市人力资源和社会保障局", "数据截至 2025-12-31", "部门综合评分", "红黑榜", "逾期未报情况", "说明："]) {
      expect(value).toContain(text);
    }
    const d = computeDashboard(await loadDashboardInput(plans.shipped.id), "2025-12-31");
    for (const dept of d.departments) expect(value).toContain(dept.shortName);
    // The Word tables are the paper tables: the ranking has one row per department and a header.
    const html = (await mammoth.convertToHtml({ buffer })).value;
    expect((html.match(/<table>/g) ?? []).length).toBe(4);
    // The overdue measures are named by their wording too.
    const { tongbao } = (await readTongbao(users.leader, plans.shipped, {}))!;
    for (const r of table(tongbao, "overdue-by-measure").rows.slice(0, 3)) expect(value).toContain(String(r[1]));
  });

  it("speaks the reader's language: in English the Word document and the workbook say the product's words in English, the plan's as issued", async () => {
    state.user = users.leader;
    state.locale = "en";
    try {
      const response = await get(`/api/plans/${SHIPPED}/exports/quarterly/word`, exportWord);
      expect(response.status).toBe(200);
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
      for (const text of ["黄石市工伤预防五年行动计划（2021—2025年）: implementation report", "(2025 Q4)", "黄石市人力资源和社会保障局", "Figures as of 2025-12-31", "1. Overall", "2. Department scores", "Red and black lists", "Overdue reporting", "Note: ", "Rank", "Measure text"]) {
        expect(value).toContain(text);
      }
      for (const text of ["说明：", "部门综合评分", "数据截至", "2025年第四季度"]) expect(value).not.toContain(text);
      const excel = await get(`/api/plans/${SHIPPED}/exports/quarterly?quarter=2025-Q4`, exportExcel);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await excel.arrayBuffer());
      expect(book.worksheets.map((w) => w.name)).toEqual(["About", "Ranking", "Score parts", "By key task", "By measure", "By department", "Overdue measures", "Overdue detail"]);
      expect(book.getWorksheet("Ranking")!.getRow(2).values).toEqual([undefined, "Rank", "Department", "Overall score", "Reporting (on time/due)", "Progress (G/Y/R)", "Returns (returned/reviewed)", "Notices (B/Y/R)", "List"]);
    } finally {
      state.locale = "zh-CN";
    }
  });

  it("comes out as an Excel workbook with the ranking and the same notes", async () => {
    state.user = users.admin;
    const response = await get(`/api/plans/${SHIPPED}/exports/quarterly?quarter=2025-Q4`, exportExcel);
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await response.arrayBuffer());
    expect(book.title).toBe("黄石市工伤预防五年行动计划（2021—2025年）落实情况通报");
    const { tongbao } = (await readTongbao(users.admin, plans.shipped, {}))!;
    const about = book.getWorksheet("说明")!;
    const aboutText = about.getColumn(1).values.filter((v): v is string => typeof v === "string");
    expect(aboutText).toEqual(expect.arrayContaining([...tongbao.sections.flatMap((s) => s.notes), ...tongbaoTables(tongbao).flatMap((t) => t.notes)]));
    expect(aboutText).toContainEqual(expect.stringMatching(/^黄石市人力资源和社会保障局　数据截至 2025-12-31　生成于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/));
    const ranking = book.getWorksheet("部门排名")!;
    expect(ranking.rowCount).toBe(2 + table(tongbao, "ranking").rows.length);
  });
});

describe("who gets which share", () => {
  it("refuses an anonymous caller, and gives a liaison only their department's part", async () => {
    state.user = null;
    const anonymous = await get(`/api/plans/${SHIPPED}/exports/quarterly/word`, exportWord);
    expect([anonymous.status, await anonymous.text()]).toEqual([401, messages.api.signInRequired]);
    expect(await readTongbao(null, plans.shipped, {})).toBeNull();

    state.user = users.wjw;
    const response = await get(`/api/plans/${SHIPPED}/exports/quarterly/word`, exportWord);
    expect(response.status).toBe(200);
    expect(decodeURIComponent(response.headers.get("Content-Disposition")!)).toContain("季度通报-hs-gsyf-2021-2025-2025-Q4-市卫健委.docx");
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) });
    expect(value).toContain("本件为市卫健委的部分");
    const d = computeDashboard(await loadDashboardInput(plans.shipped.id), "2025-12-31");
    for (const other of d.departments.filter((x) => x.shortName !== "市卫健委")) expect(value).not.toContain(other.shortName);

    const mine = (await readTongbao(users.wjw, plans.shipped, {}))!.tongbao;
    expect(table(mine, "ranking").rows).toHaveLength(1);
    expect(table(mine, "ranking").rows[0][0]).toMatch(new RegExp(`^\\d+/${d.departments.length}$`));
    expect(tongbaoTables(mine).map((t) => t.key)).not.toContain("tasks");
    expect(table(mine, "overdue").rows.every((r) => r[5] === "市卫健委")).toBe(true);
    // The same department's figures as in the whole 通报.
    const full = (await readTongbao(users.leader, plans.shipped, {}))!.tongbao;
    expect(table(mine, "departments").rows).toEqual(table(full, "departments").rows.filter((r) => r[0] === "市卫健委"));
  });
});

describe("a department that carries nothing in the plan", () => {
  it("gets its part, empty, and the 通报 says whose it is", async () => {
    // 市财政局 carries none of the test plan's measures.
    const { tongbao } = (await readTongbao(users.czj, plans.test, {}))!;
    expect(tongbao.departmentName).toBe("市财政局");
    expect(tongbao.fileName).toMatch(/-市财政局$/);
    expect(table(tongbao, "ranking").rows).toEqual([]);
    expect(table(tongbao, "overdue").rows).toEqual([]);
  });
});

describe("notices and weights move the score", () => {
  it("a red 督办单 in the quarter puts a department on the 黑榜, with the reason", async () => {
    const today = todayInChina();
    const quarter = `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`;
    const measure = await db.measure.findFirstOrThrow({
      where: { keyTask: { planId: plans.test.id }, withdrawnAt: null, departments: { some: { isLead: true } } },
      include: { departments: { where: { isLead: true }, include: { department: true } } },
    });
    const department = measure.departments[0].department;
    const before = (await readTongbao(users.leader, plans.test, { quarter }))!.tongbao;
    const rowBefore = table(before, "ranking").rows.find((r) => r[1] === department.shortName)!;
    await issueNotice(db, actor(users.admin), { measureId: measure.id, departmentId: department.id, periodId: null, colour: "RED", dueDate: addDays(today, 10), text: "通报测试：请加快推进。" });
    const after = (await readTongbao(users.leader, plans.test, { quarter }))!.tongbao;
    const rowAfter = table(after, "ranking").rows.find((r) => r[1] === department.shortName)!;
    expect(rowAfter[6]).toBe("0/0/1");
    expect(rowAfter[7]).toBe("黑榜");
    expect(Number(rowAfter[2])).toBeLessThan(Number(rowBefore[2]));
    expect(after.sections[2].paragraphs.join("")).toMatch(new RegExp(`黑榜：.*${department.shortName}（${rowAfter[2]}分，[^）]*本季度收到红色督办单）`));
    expect(allText(after)).toContain(`黑榜：综合得分低于${BLACK_LIST_BELOW}分`);
  });

  it("an administrator changes the plan's weights; a sum other than 100 is refused and nothing changes", async () => {
    await expect(setRankingWeights(db, actor(users.admin), { planId: plans.shipped.id, timeliness: 50, progress: 30, returns: 15, notices: 15 })).rejects.toMatchObject({ key: "rankingWeightsSum" });
    await expect(setRankingWeights(db, actor(users.leader), { planId: plans.shipped.id, timeliness: 100, progress: 0, returns: 0, notices: 0 })).rejects.toThrow();
    // The database refuses such weights too, whoever writes.
    await expect(db.plan.update({ where: { id: plans.shipped.id }, data: { rankTimelinessWeight: 90 } })).rejects.toThrow();
    expect(await db.plan.findUniqueOrThrow({ where: { id: plans.shipped.id }, select: { rankTimelinessWeight: true } })).toEqual({ rankTimelinessWeight: 40 });

    await setRankingWeights(db, actor(users.admin), { planId: plans.shipped.id, timeliness: 100, progress: 0, returns: 0, notices: 0 });
    const { tongbao } = (await readTongbao(users.leader, plans.shipped, {}))!;
    // With the on-time rate alone, each score is that rate.
    for (const r of table(tongbao, "ranking").rows) {
      const [onTime, due] = String(r[3]).split("/").map(Number);
      expect(r[2]).toBe(due ? ((Math.round((onTime / due) * 1000) / 10)).toFixed(1) : "—");
    }
    expect(allText(tongbao)).toContain("综合得分＝报送得分×100%＋进度得分×0%＋退回得分×0%＋督办单得分×0%");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.ranking_weights", entityId: plans.shipped.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ rankTimelinessWeight: 100, rankProgressWeight: 0 });
  });

  it("an administrator sets the plan's 红黑榜 thresholds (decision 032): the 通报 marks and explains the lists by them", async () => {
    const weights = { timeliness: 100, progress: 0, returns: 0, notices: 0 };
    await expect(setRankingWeights(db, actor(users.admin), { planId: plans.shipped.id, ...weights, redMinScore: 50, redTop: 2, blackBelow: 70 })).rejects.toMatchObject({ key: "rankingLists" });
    await expect(db.plan.update({ where: { id: plans.shipped.id }, data: { rankRedTop: 0 } })).rejects.toThrow();
    await setRankingWeights(db, actor(users.admin), { planId: plans.shipped.id, ...weights, redMinScore: 0, redTop: 1, blackBelow: 0 });
    const { tongbao } = (await readTongbao(users.leader, plans.shipped, {}))!;
    expect(allText(tongbao)).toContain("红榜：综合得分不低于0分且名列前1（并列者同列）");
    expect(allText(tongbao)).toContain("黑榜：综合得分低于0分");
    // With a score of 0 needed and one place, the first (and those tied with it) are on the 红榜, unless a red notice puts them on the 黑榜.
    const rows = table(tongbao, "ranking").rows;
    const first = rows.filter((r) => r[0] === rows[0][0]);
    for (const r of first) expect(["红榜", "黑榜"]).toContain(r[7]);
    expect(rows.filter((r) => r[7] === "红榜").every((r) => r[0] === rows[0][0])).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "plan.ranking_weights", entityId: plans.shipped.id }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ rankRedMinScore: 0, rankRedTop: 1, rankBlackBelow: 0 });
    await setRankingWeights(db, actor(users.admin), { planId: plans.shipped.id, timeliness: 40, progress: 30, returns: 15, notices: 15 });
    expect(await db.plan.findUniqueOrThrow({ where: { id: plans.shipped.id }, select: { rankRedMinScore: true, rankRedTop: true, rankBlackBelow: true } })).toEqual({ rankRedMinScore: 90, rankRedTop: 3, rankBlackBelow: 60 });
  });
});
