import type { Dashboard, DashboardInput } from "@/features/dashboard/compute";
import type { NoticeCounts } from "@/lib/notices";
import { DEFAULT_RANKING_LISTS, NOTICE_DEDUCTION, PROGRESS_POINTS, rankDepartments, type RankedDepartment, type RankingLists, type RankingWeights } from "@/lib/ranking";
import { quarterTitle, type ReportQuarter } from "@/lib/report-quarter";
import { reportsForMeasure, type Light, type ProgressState, type Status } from "@/lib/status";
import { departmentQuarters, type DepartmentQuarterFacts } from "./quarter-facts";

/*
 * The 通报 (quarterly report) as content: its title, who issues it, the quarter, the day its
 * figures are as of, and its sections of paragraphs, tables and notes (说明). Built once here; the
 * Word document, the Excel workbook and the print page only lay it out (decision 027). The 通报 is
 * an official document in Chinese: its text is Chinese whatever the reader's interface language.
 */

export type Cell = string | number | null;

export interface TongbaoColumn {
  header: string;
  /** Excel column width, in characters. */
  width: number;
  /** Share of the page width on paper, in %. */
  share: number;
}

export interface TongbaoTable {
  /** Stable id (tests, anchors). */
  key: string;
  /** The workbook sheet's name. */
  sheet: string;
  caption: string;
  columns: TongbaoColumn[];
  rows: Cell[][];
  /** A 合计 row, when the table has one. */
  total?: Cell[];
  notes: string[];
  /** On paper (Word, print) as well as in the workbook; false: a detail kept for the workbook. */
  paper: boolean;
}

export interface TongbaoSection {
  heading: string;
  paragraphs: string[];
  tables: TongbaoTable[];
  notes: string[];
}

export interface Tongbao {
  title: string;
  /** 「2025年第四季度」. */
  quarterTitle: string;
  quarter: ReportQuarter;
  issuer: string;
  /** 数据截至 (yyyy-mm-dd). */
  asOf: string;
  /** 生成于 (yyyy-mm-dd HH:mm, China time). */
  generatedAt: string;
  /** For a caller who sees only their department's share: which department. */
  departmentName: string | null;
  sections: TongbaoSection[];
  /** File name without extension (Chinese), and an ASCII one for older clients. */
  fileName: string;
  asciiName: string;
}

export interface TongbaoSource {
  plan: { code: string; title: string; issuer: string };
  quarter: ReportQuarter;
  asOf: string;
  generatedAt: Date;
  /** The overview computed for `asOf`, and the stored history it was computed from. */
  dashboard: Dashboard;
  input: DashboardInput;
  /** 督办单 per department for the quarter, as of `asOf` (src/lib/notices.ts countNotices). */
  notices: Map<string, NoticeCounts>;
  weights: RankingWeights;
  /** The plan's 红黑榜 thresholds; absent: the defaults. */
  lists?: RankingLists;
  /** null: the whole plan; a department: that department's share only. */
  departmentId: string | null;
  /** That department's name, when it carries nothing in the plan (the overview does not list it). */
  departmentName?: string;
}

const LIGHT_WORDS: Record<Light, string> = { RED: "红灯", YELLOW: "黄灯", GREEN: "绿灯" };
const STATUS_WORDS: Record<Status, string> = { NOT_STARTED: "未开始", ON_TRACK: "正常推进", DUE_SOON: "即将到期", OVERDUE: "已逾期", COMPLETED: "按时报送", COMPLETED_LATE: "逾期报送", WAIVED: "无需报送" };
const PROGRESS_WORDS: Record<ProgressState, string> = { NOT_STARTED: "未开始", ON_SCHEDULE: "按序时推进", BEHIND: "滞后", FAR_BEHIND: "严重滞后", DEADLINE_MISSED: "逾期未完成", CLOSED: "已销号" };
const LIST_WORDS = { RED: "红榜", BLACK: "黑榜" } as const;
const blackReasonWords = (l: RankingLists) => ({ LOW_SCORE: `综合得分低于${l.blackBelow}分`, RED_NOTICE: "本季度收到红色督办单" }) as const;
const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八"];

const pct = (part: number, whole: number) => (whole ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%` : "—");
const fixed1 = (x: number | null) => (x === null ? "—" : x.toFixed(1));
const col = (header: string, width: number, share: number): TongbaoColumn => ({ header, width, share });

/** 2026-12-02 09:05 in China. */
export function chinaMinute(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** What is counted, said once: every table's note and the overview paragraph quote these sentences. */
function weightsSentence(w: RankingWeights): string {
  return `综合得分＝报送得分×${w.timeliness}%＋进度得分×${w.progress}%＋退回得分×${w.returns}%＋督办单得分×${w.notices}%（各项权重为本计划的设置）。`;
}
const PARTS_SENTENCE =
  `报送得分＝本季度到期报送任务（含牵头、共同牵头单位的进展报告和配合单位的反馈）的按时报送率×100；` +
  `进度得分＝所牵头（含共同牵头）措施进度灯的平均分（绿灯${PROGRESS_POINTS.green}分、黄灯${PROGRESS_POINTS.yellow}分、红灯${PROGRESS_POINTS.red}分）；` +
  `退回得分＝（1－本季度退回次数÷审核次数）×100；` +
  `督办单得分＝100－本季度收到的督办单扣分（蓝色${NOTICE_DEDUCTION.blue}分、黄色${NOTICE_DEDUCTION.yellow}分、红色${NOTICE_DEDUCTION.red}分，按数据截至日的颜色，逾期未回复的会升级），最低0分。` +
  `某项无可计量内容（未牵头措施、本季度无到期任务或无审核）时不计该项，其余各项按权重折算。得分相同者名次并列。`;
/** The 红黑榜's rule in words, with the plan's thresholds (decision 032). */
const listsSentence = (l: RankingLists) =>
  `红榜：综合得分不低于${l.redMinScore}分且名列前${l.redTop}（并列者同列），且未列入黑榜；黑榜：综合得分低于${l.blackBelow}分，或本季度收到红色督办单（含逾期升级为红色的）。`;

function roleOf(d: { isLead: boolean; isJointLead?: boolean }): string {
  return d.isLead ? "牵头" : d.isJointLead ? "共同牵头" : "配合";
}

/** Builds the 通报's content for one quarter, in the caller's share: the whole plan, or one department's. */
export function buildTongbao(src: TongbaoSource): Tongbao {
  const { dashboard: d, quarter, asOf } = src;
  const facts = departmentQuarters(src.input, d, quarter, asOf, src.notices);
  const thresholds = src.lists ?? DEFAULT_RANKING_LISTS;
  const ranked = rankDepartments(facts, src.weights, thresholds);
  const mine = src.departmentId;
  const inScope = <T extends { departmentId: string }>(list: T[]) => (mine === null ? list : list.filter((x) => x.departmentId === mine));
  const departmentName = mine === null ? null : (d.departments.find((x) => x.id === mine)?.shortName ?? src.departmentName ?? "");
  const qTitle = quarterTitle(quarter);
  const name = new Map(d.departments.map((x) => [x.id, x.shortName]));

  const sections: TongbaoSection[] = [];
  const heading = (text: string) => `${ORDINALS[sections.length]}、${text}`;

  // 一、总体情况 (or the department's own).
  const scoped = inScope(facts);
  const sum = (f: (x: DepartmentQuarterFacts) => number) => scoped.reduce((s, x) => s + f(x), 0);
  const due = sum((x) => x.due);
  const onTime = sum((x) => x.onTime);
  const overdueLead = sum((x) => x.overdueLead);
  const overdueSupport = sum((x) => x.overdueSupport);
  const overview: string[] = [];
  if (mine === null) {
    const closed = d.byProgress.CLOSED ?? 0;
    overview.push(
      `截至${asOf}，计划共有主要措施${d.measureCount}项（不含已撤销的措施）。报送灯：红灯${d.byLight.RED}项、黄灯${d.byLight.YELLOW}项、绿灯${d.byLight.GREEN}项；进度灯：红灯${d.byProgressLight.RED}项、黄灯${d.byProgressLight.YELLOW}项、绿灯${d.byProgressLight.GREEN}项，其中已销号${closed}项。`,
    );
  }
  overview.push(
    `${qTitle}（${quarter.from}至${quarter.to}）${mine === null ? "" : `${departmentName}`}到期的报送任务${due}项（含牵头、共同牵头单位的进展报告和配合单位的反馈），按时报送${onTime}项，按时报送率${pct(onTime, due)}；逾期报送${sum((x) => x.late)}项；截至${asOf}仍未报送或未通过审核${sum((x) => x.overdueInQuarter)}项。` +
      `本季度审核${sum((x) => x.reviewed)}次，退回${sum((x) => x.returned)}次；${mine === null ? "向责任部门发出" : "收到"}督办单${sum((x) => x.noticesIssued)}份，其中截至${asOf}为红色的${sum((x) => x.notices.red)}份。`,
    `截至${asOf}，${mine === null ? "累计" : `${departmentName}累计`}逾期未完成的报送任务${overdueLead + overdueSupport}项：牵头（含共同牵头）单位的进展报告${overdueLead}项，配合单位的反馈${overdueSupport}项（详见「逾期未报情况」）。`,
  );
  sections.push({ heading: heading(mine === null ? "总体情况" : "本部门情况"), paragraphs: overview, tables: [], notes: [] });

  // 二、部门综合评分.
  const rankRows = inScope(ranked);
  const rankTable: TongbaoTable = {
    key: "ranking",
    sheet: "部门排名",
    caption: `${qTitle}责任部门综合评分排名`,
    columns: [col("名次", 6, 7), col("部门", 12, 13), col("综合得分", 10, 10), col("报送（按时/应报）", 16, 15), col("进度（绿/黄/红）", 16, 15), col("退回（退回/审核）", 16, 14), col("督办单（蓝/黄/红）", 16, 15), col("榜单", 8, 11)],
    rows: rankRows.map((r) => [
      r.rank === null ? "—" : mine === null ? r.rank : `${r.rank}/${ranked.length}`,
      r.name,
      fixed1(r.score),
      `${r.onTime}/${r.due}`,
      `${r.progress.green}/${r.progress.yellow}/${r.progress.red}`,
      `${r.returned}/${r.reviewed}`,
      `${r.notices.blue}/${r.notices.yellow}/${r.notices.red}`,
      r.list ? LIST_WORDS[r.list] : "",
    ]),
    notes: [`说明：${weightsSentence(src.weights)}${PARTS_SENTENCE}${mine === null ? "" : `名次为本部门在全部${ranked.length}个责任部门中的位次。`}`],
    paper: true,
  };
  const parts: TongbaoTable = {
    key: "ranking-parts",
    sheet: "评分明细",
    caption: `${qTitle}责任部门各项得分`,
    columns: [col("部门", 12, 20), col("报送得分", 10, 16), col("进度得分", 10, 16), col("退回得分", 10, 16), col("督办单得分", 12, 16), col("综合得分", 10, 16)],
    rows: rankRows.map((r) => [r.name, fixed1(r.parts.timeliness), fixed1(r.parts.progress), fixed1(r.parts.returns), fixed1(r.parts.notices), fixed1(r.score)]),
    notes: ["说明：「—」表示该项无可计量内容，不计入综合得分。"],
    paper: false,
  };
  sections.push({ heading: heading("部门综合评分"), paragraphs: [], tables: [rankTable, parts], notes: [] });

  // 三、红黑榜.
  const listed = (mark: "RED" | "BLACK") => ranked.filter((r) => r.list === mark);
  const why = (r: RankedDepartment) => `（${fixed1(r.score)}分${r.list === "BLACK" ? `，${r.blackReasons.map((k) => blackReasonWords(thresholds)[k]).join("、")}` : ""}）`;
  const describe = (r: RankedDepartment) => `${r.name}${why(r)}`;
  const lists: string[] =
    mine === null
      ? [
          listed("RED").length ? `红榜：${listed("RED").map(describe).join("、")}。` : "红榜：本季度无部门达到红榜标准。",
          listed("BLACK").length ? `黑榜：${listed("BLACK").map(describe).join("、")}。` : "黑榜：本季度无部门列入黑榜。",
        ]
      : rankRows.map((r) => (r.list ? `${r.name}本季度列入${LIST_WORDS[r.list]}${why(r)}。` : `${r.name}本季度未列入红榜或黑榜。`));
  sections.push({ heading: heading("红黑榜"), paragraphs: lists, tables: [], notes: [`说明：${listsSentence(thresholds)}`] });

  // 四、重点任务推进情况 (plan-wide only).
  if (mine === null) {
    sections.push({
      heading: heading("重点任务推进情况"),
      paragraphs: [],
      tables: [
        {
          key: "tasks",
          sheet: "按重点任务",
          caption: `截至${asOf}各重点任务的信号灯`,
          columns: [col("序号", 6, 6), col("重点任务", 36, 30), col("措施数", 8, 8), col("报送红灯", 10, 8), col("报送黄灯", 10, 8), col("报送绿灯", 10, 8), col("进度红灯", 10, 8), col("进度黄灯", 10, 8), col("进度绿灯", 10, 8), col("报送率(%)", 10, 8)],
          rows: d.tasks.map((t) => [t.number, t.title, t.measures, t.red, t.yellow, t.green, t.progressRed, t.progressYellow, t.progressGreen, t.progressPct]),
          total: ["合计", "", d.tasks.reduce((s, t) => s + t.measures, 0), d.byLight.RED, d.byLight.YELLOW, d.byLight.GREEN, d.byProgressLight.RED, d.byProgressLight.YELLOW, d.byProgressLight.GREEN, null],
          notes: ["说明：报送灯看报送是否按时（牵头、共同牵头单位的进展报告），进度灯看工作是否按序时进度推进；报送率为已到期期次中已审核通过的比例（累计）。"],
          paper: true,
        },
        {
          key: "measures",
          sheet: "按措施",
          caption: `截至${asOf}各措施的两盏灯`,
          columns: [col("措施", 8, 10), col("报送", 8, 10), col("报送状态", 12, 15), col("进度", 8, 10), col("进度状态", 12, 15), col("落后序时进度(百分点)", 20, 20), col("销号日期", 12, 20)],
          rows: [...d.measures]
            .sort((a, b) => a.keyTaskNumber - b.keyTaskNumber || a.measureNumber - b.measureNumber)
            .map((m) => [`${m.keyTaskNumber}.${m.measureNumber}`, LIGHT_WORDS[m.light], STATUS_WORDS[m.status], m.progress ? LIGHT_WORDS[m.progress.light] : null, m.progress ? PROGRESS_WORDS[m.progress.state] : null, m.progress?.behind ?? null, m.progress?.closedOn ?? null]),
          notes: [],
          paper: false,
        },
      ],
      notes: [],
    });
  }

  // 五、逾期未报情况: the department counts and the lists behind them, counted the same way.
  const record = new Map(d.departments.map((x) => [x.id, x]));
  const overdueRows = inScope(facts);
  const deptTable: TongbaoTable = {
    key: "departments",
    sheet: "按部门",
    caption: `截至${asOf}各责任部门的逾期任务`,
    columns: [col("部门", 12, 16), col("牵头措施", 10, 10), col("配合措施", 10, 10), col("累计按时报送率(%)", 16, 14), col("逾期（牵头/共同牵头）", 20, 14), col("逾期（配合反馈）", 16, 12), col("逾期合计", 10, 10), col("被退回待重报", 12, 14)],
    rows: overdueRows.map((f) => {
      const r = record.get(f.departmentId)!;
      return [f.name, r.led, r.supported, r.onTimePct, f.overdueLead, f.overdueSupport, r.overdue, r.returned];
    }),
    total: mine === null ? ["合计", d.departments.reduce((s, r) => s + r.led, 0), d.departments.reduce((s, r) => s + r.supported, 0), null, overdueLead, overdueSupport, overdueLead + overdueSupport, d.departments.reduce((s, r) => s + r.returned, 0)] : undefined,
    notes: [],
    paper: true,
  };
  // The lead's and joint leads' overdue tasks by measure and department: what makes a measure's 报送 light red.
  const leadItems = d.overdue.filter((o) => reportsForMeasure(o) && (mine === null || o.departmentId === mine));
  const byMeasure = new Map<string, { number: string; department: string; role: string; count: number; earliest: string; days: number }>();
  for (const o of leadItems) {
    const key = `${o.measureId}:${o.departmentId}`;
    const g = byMeasure.get(key);
    if (g) {
      g.count++;
      if (o.dueDate < g.earliest) g.earliest = o.dueDate;
      g.days = Math.max(g.days, o.daysOverdue);
    } else byMeasure.set(key, { number: o.number, department: name.get(o.departmentId) ?? "", role: roleOf(o), count: 1, earliest: o.dueDate, days: o.daysOverdue });
  }
  const groups = [...byMeasure.values()].sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }) || a.department.localeCompare(b.department, "zh-CN"));
  const leadTable: TongbaoTable = {
    key: "overdue-by-measure",
    sheet: "逾期措施",
    caption: `截至${asOf}牵头（含共同牵头）单位逾期未报的措施`,
    columns: [col("措施", 8, 12), col("责任部门", 12, 22), col("承担方式", 10, 14), col("逾期期次", 10, 14), col("最早截止日期", 14, 20), col("最长逾期天数", 14, 18)],
    rows: groups.map((g) => [g.number, g.department, g.role, g.count, g.earliest, g.days]),
    total: ["合计", `${groups.length}条`, "", leadItems.length, "", ""],
    notes: [],
    paper: true,
  };
  const allItems = d.overdue.filter((o) => mine === null || o.departmentId === mine);
  const detailTable: TongbaoTable = {
    key: "overdue",
    sheet: "逾期明细",
    caption: `截至${asOf}逾期未完成的报送任务（逐项）`,
    columns: [col("措施", 8, 10), col("期次", 16, 20), col("截止日期", 12, 16), col("逾期天数", 10, 12), col("责任部门", 12, 22), col("承担方式", 10, 20)],
    rows: allItems.map((o) => [o.number, o.period, o.dueDate, o.daysOverdue, name.get(o.departmentId) ?? "", roleOf(o)]),
    notes: [],
    paper: false,
  };
  const onlySupporting = overdueRows.filter((f) => record.get(f.departmentId)!.led === 0).map((f) => f.name);
  const overdueNote =
    `说明：逾期指截至${asOf}已过截止日期（含批准延期后的日期）、尚未报送或报送后尚未审核通过的报送任务，含以前季度到期的。` +
    `「按部门」表逐部门计入全部逾期任务，合计${overdueLead + overdueSupport}项＝牵头（含共同牵头）${overdueLead}项＋配合反馈${overdueSupport}项。` +
    `「逾期措施」表按措施列出牵头（含共同牵头）单位的逾期任务，共${groups.length}条、${leadItems.length}项，与「按部门」表「逾期（牵头/共同牵头）」列合计一致；配合单位的反馈逾期计入部门，但不决定措施的报送灯，故不在该表中` +
    (onlySupporting.length ? `，未牵头措施的部门（${onlySupporting.join("、")}）因此不出现在该表中` : "") +
    `。逐项明细共${allItems.length}行，见Excel表「逾期明细」。`;
  sections.push({ heading: heading("逾期未报情况"), paragraphs: [], tables: [deptTable, leadTable, detailTable], notes: [overdueNote] });

  const fileName = `季度通报-${src.plan.code}-${quarter.key}${departmentName ? `-${departmentName}` : ""}`;
  return {
    title: `${src.plan.title}落实情况通报`,
    quarterTitle: qTitle,
    quarter,
    issuer: src.plan.issuer,
    asOf,
    generatedAt: chinaMinute(src.generatedAt),
    departmentName,
    sections,
    fileName,
    asciiName: `quarterly-${src.plan.code}-${quarter.key}`,
  };
}

/** The tables of a 通报, in order. */
export function tongbaoTables(t: Tongbao): TongbaoTable[] {
  return t.sections.flatMap((s) => s.tables);
}
