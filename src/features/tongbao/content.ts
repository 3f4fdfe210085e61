import type { Dashboard, DashboardInput } from "@/features/dashboard/compute";
import type { DocumentWords } from "@/i18n/document-words";
import type { NoticeCounts } from "@/lib/notices";
import { DEFAULT_RANKING_LISTS, NOTICE_DEDUCTION, PROGRESS_POINTS, rankDepartments, type RankedDepartment, type RankingLists, type RankingWeights } from "@/lib/ranking";
import { periodLabel } from "@/lib/periods";
import { quarterTitle, type ReportQuarter } from "@/lib/report-quarter";
import { reportsForMeasure } from "@/lib/status";
import { departmentQuarters, type DepartmentQuarterFacts } from "./quarter-facts";

/*
 * The 通报 (quarterly report) as content: its title, who issues it, the quarter, the day its
 * figures are as of, and its sections of paragraphs, tables and notes (说明). Built once here; the
 * Word document, the Excel workbook and the print page only lay it out (decision 027). Its words are
 * the reader's language (messages, namespace "tongbaoDoc"; Chinese by default, decision 033); what the
 * plan itself says (titles, measure texts, department names, the issuer) stays as issued.
 */

/** A translator of the "tongbaoDoc" messages in the reader's language (src/i18n/document-words.ts). */
export type TongbaoWords = DocumentWords;

export type Cell = string | number | null;

export interface TongbaoColumn {
  header: string;
  /** Excel column width, in characters. */
  width: number;
  /** Share of the page width on paper, in %. */
  share: number;
  /** Long text (a measure's wording): wraps, left-aligned. */
  text?: boolean;
}

export interface TongbaoTable {
  /** Stable id (tests, anchors). */
  key: string;
  /** The workbook sheet's name. */
  sheet: string;
  caption: string;
  /** The sheet's title row (the 通报, the quarter, the table, the as-of day), the 说明 sheet's line about it, and its caption on paper. */
  sheetTitle: string;
  aboutLine: string;
  paperCaption: string;
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
  /** The heading lines in the reader's language: 「（2025年第四季度）」, 「数据截至 … 生成于 …」, the share's note (or null), the 说明 sheet's name. */
  subtitle: string;
  dates: string;
  shareNote: string | null;
  aboutSheet: string;
  /** The reader's language. */
  locale: string;
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
  /** Each measure's wording by its id: the current wording if an administrator set one, else the issued text. */
  measureTexts: Map<string, string>;
  /** The reader's language and its words. */
  locale: string;
  words: TongbaoWords;
}

const pct = (part: number, whole: number) => (whole ? `${(Math.round((part / whole) * 1000) / 10).toFixed(1)}%` : "—");
const fixed1 = (x: number | null) => (x === null ? "—" : x.toFixed(1));
const col = (header: string, width: number, share: number, text = false): TongbaoColumn => (text ? { header, width, share, text } : { header, width, share });

/** 2026-12-02 09:05 in China. */
export function chinaMinute(at: Date): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")} ${get("hour")}:${get("minute")}`;
}

/** What is counted, said once: every table's note and the overview paragraph quote these sentences. */
function weightsSentence(t: TongbaoWords, w: RankingWeights): string {
  return t("weights", { timeliness: w.timeliness, progress: w.progress, returns: w.returns, notices: w.notices });
}
const partsSentence = (t: TongbaoWords) =>
  t("parts", { green: PROGRESS_POINTS.green, yellow: PROGRESS_POINTS.yellow, red: PROGRESS_POINTS.red, blue: NOTICE_DEDUCTION.blue, yellowNotice: NOTICE_DEDUCTION.yellow, redNotice: NOTICE_DEDUCTION.red });
/** The 红黑榜's rule in words, with the plan's thresholds (decision 032). */
const listsSentence = (t: TongbaoWords, l: RankingLists) => t("lists", { min: l.redMinScore, top: l.redTop, below: l.blackBelow });

function roleOf(t: TongbaoWords, d: { isLead: boolean; isJointLead?: boolean }): string {
  return t(d.isLead ? "role.lead" : d.isJointLead ? "role.joint" : "role.support");
}

/** Builds the 通报's content for one quarter, in the caller's share: the whole plan, or one department's. */
export function buildTongbao(src: TongbaoSource): Tongbao {
  const { dashboard: d, quarter, asOf, words: t, locale } = src;
  const facts = departmentQuarters(src.input, d, quarter, asOf, src.notices);
  const thresholds = src.lists ?? DEFAULT_RANKING_LISTS;
  const ranked = rankDepartments(facts, src.weights, thresholds);
  const mine = src.departmentId;
  const inScope = <T extends { departmentId: string }>(list: T[]) => (mine === null ? list : list.filter((x) => x.departmentId === mine));
  const departmentName = mine === null ? null : (d.departments.find((x) => x.id === mine)?.shortName ?? src.departmentName ?? "");
  const qTitle = quarterTitle(quarter, locale);
  const name = new Map(d.departments.map((x) => [x.id, x.shortName]));
  const textOf = (measureId: string) => src.measureTexts.get(measureId) ?? "";
  const sep = t("sep");
  const note = (text: string) => t("note", { text });
  const titled = (table: Omit<TongbaoTable, "sheetTitle" | "aboutLine" | "paperCaption">): TongbaoTable => ({
    ...table,
    sheetTitle: t("sheetTitle", { title: documentTitle, quarter: qTitle, caption: table.caption, asOf }),
    aboutLine: t("aboutTable", { sheet: table.sheet, caption: table.caption, rows: table.rows.length }),
    paperCaption: t("paperCaption", { caption: table.caption }),
  });
  const documentTitle = t("title", { plan: src.plan.title });

  const sections: TongbaoSection[] = [];
  const heading = (text: string) => t("heading", { n: sections.length + 1, text });

  // 一、总体情况 (or the department's own).
  const scoped = inScope(facts);
  const sum = (f: (x: DepartmentQuarterFacts) => number) => scoped.reduce((s, x) => s + f(x), 0);
  const due = sum((x) => x.due);
  const onTime = sum((x) => x.onTime);
  const overdueLead = sum((x) => x.overdueLead);
  const overdueSupport = sum((x) => x.overdueSupport);
  const overview: string[] = [];
  if (mine === null) {
    overview.push(
      t("overviewPlan", {
        asOf,
        measures: d.measureCount,
        red: d.byLight.RED,
        yellow: d.byLight.YELLOW,
        green: d.byLight.GREEN,
        progressRed: d.byProgressLight.RED,
        progressYellow: d.byProgressLight.YELLOW,
        progressGreen: d.byProgressLight.GREEN,
        closed: d.byProgress.CLOSED ?? 0,
      }),
    );
  }
  const quarterValues = {
    quarter: qTitle,
    from: quarter.from,
    to: quarter.to,
    department: departmentName ?? "",
    due,
    onTime,
    rate: pct(onTime, due),
    late: sum((x) => x.late),
    asOf,
    overdue: sum((x) => x.overdueInQuarter),
    reviewed: sum((x) => x.reviewed),
    returned: sum((x) => x.returned),
    notices: sum((x) => x.noticesIssued),
    red: sum((x) => x.notices.red),
  };
  const overdueValues = { asOf, department: departmentName ?? "", total: overdueLead + overdueSupport, lead: overdueLead, support: overdueSupport };
  overview.push(t(mine === null ? "quarterPlan" : "quarterDept", quarterValues), t(mine === null ? "overduePlan" : "overdueDept", overdueValues));
  sections.push({ heading: heading(t(mine === null ? "sectionOverall" : "sectionOwn")), paragraphs: overview, tables: [], notes: [] });

  // 二、部门综合评分.
  const rankRows = inScope(ranked);
  const listWord = (list: "RED" | "BLACK") => t(`list.${list}`);
  const rankTable = titled({
    key: "ranking",
    sheet: t("rankSheet"),
    caption: t("rankCaption", { quarter: qTitle }),
    columns: [col(t("colRank"), 6, 7), col(t("colDepartment"), 12, 13), col(t("colScore"), 10, 10), col(t("colTimely"), 16, 15), col(t("colProgressCounts"), 16, 15), col(t("colReturnCounts"), 16, 14), col(t("colNoticeCounts"), 16, 15), col(t("colList"), 8, 11)],
    rows: rankRows.map((r) => [
      r.rank === null ? "—" : mine === null ? r.rank : `${r.rank}/${ranked.length}`,
      r.name,
      fixed1(r.score),
      `${r.onTime}/${r.due}`,
      `${r.progress.green}/${r.progress.yellow}/${r.progress.red}`,
      `${r.returned}/${r.reviewed}`,
      `${r.notices.blue}/${r.notices.yellow}/${r.notices.red}`,
      r.list ? listWord(r.list) : "",
    ]),
    notes: [note(`${weightsSentence(t, src.weights)}${partsSentence(t)}${mine === null ? "" : t("rankPosition", { count: ranked.length })}`)],
    paper: true,
  });
  const parts = titled({
    key: "ranking-parts",
    sheet: t("partsSheet"),
    caption: t("partsCaption", { quarter: qTitle }),
    columns: [col(t("colDepartment"), 12, 20), col(t("colTimelinessScore"), 10, 16), col(t("colProgressScore"), 10, 16), col(t("colReturnsScore"), 10, 16), col(t("colNoticesScore"), 12, 16), col(t("colScore"), 10, 16)],
    rows: rankRows.map((r) => [r.name, fixed1(r.parts.timeliness), fixed1(r.parts.progress), fixed1(r.parts.returns), fixed1(r.parts.notices), fixed1(r.score)]),
    notes: [t("partsNote")],
    paper: false,
  });
  sections.push({ heading: heading(t("sectionRanking")), paragraphs: [], tables: [rankTable, parts], notes: [] });

  // 三、红黑榜.
  const listed = (mark: "RED" | "BLACK") => ranked.filter((r) => r.list === mark);
  const why = (r: RankedDepartment) =>
    r.list === "BLACK" ? t("whyBlack", { score: fixed1(r.score), reasons: r.blackReasons.map((k) => t(`blackReason.${k}`, { below: thresholds.blackBelow })).join(sep) }) : t("why", { score: fixed1(r.score) });
  const describe = (r: RankedDepartment) => `${r.name}${why(r)}`;
  const lists: string[] =
    mine === null
      ? [
          listed("RED").length ? t("redLine", { names: listed("RED").map(describe).join(sep) }) : t("redNone"),
          listed("BLACK").length ? t("blackLine", { names: listed("BLACK").map(describe).join(sep) }) : t("blackNone"),
        ]
      : rankRows.map((r) => (r.list ? t("deptListed", { name: r.name, list: listWord(r.list), why: why(r) }) : t("deptNotListed", { name: r.name })));
  sections.push({ heading: heading(t("sectionLists")), paragraphs: lists, tables: [], notes: [note(listsSentence(t, thresholds))] });

  // 四、重点任务推进情况 (plan-wide only).
  if (mine === null) {
    sections.push({
      heading: heading(t("sectionTasks")),
      paragraphs: [],
      tables: [
        titled({
          key: "tasks",
          sheet: t("tasksSheet"),
          caption: t("tasksCaption", { asOf }),
          columns: [
            col(t("colNumber"), 6, 6),
            col(t("colTask"), 36, 30, true),
            col(t("colMeasureCount"), 8, 8),
            col(t("colTimelyRed"), 10, 8),
            col(t("colTimelyYellow"), 10, 8),
            col(t("colTimelyGreen"), 10, 8),
            col(t("colProgressRed"), 10, 8),
            col(t("colProgressYellow"), 10, 8),
            col(t("colProgressGreen"), 10, 8),
            col(t("colReportedPct"), 10, 8),
          ],
          rows: d.tasks.map((k) => [k.number, k.title, k.measures, k.red, k.yellow, k.green, k.progressRed, k.progressYellow, k.progressGreen, k.progressPct]),
          total: [t("total"), "", d.tasks.reduce((s, k) => s + k.measures, 0), d.byLight.RED, d.byLight.YELLOW, d.byLight.GREEN, d.byProgressLight.RED, d.byProgressLight.YELLOW, d.byProgressLight.GREEN, null],
          notes: [t("tasksNote")],
          paper: true,
        }),
        titled({
          key: "measures",
          sheet: t("measuresSheet"),
          caption: t("measuresCaption", { asOf }),
          columns: [col(t("colMeasure"), 8, 8), col(t("colMeasureText"), 60, 30, true), col(t("colTimelyLight"), 8, 8), col(t("colTimelyStatus"), 12, 10), col(t("colProgressLight"), 8, 8), col(t("colProgressState"), 12, 10), col(t("colBehind"), 20, 12), col(t("colClosedOn"), 12, 14)],
          rows: [...d.measures]
            .sort((a, b) => a.keyTaskNumber - b.keyTaskNumber || a.measureNumber - b.measureNumber)
            .map((m) => [
              `${m.keyTaskNumber}.${m.measureNumber}`,
              textOf(m.measureId),
              t(`light.${m.light}`),
              t(`status.${m.status}`),
              m.progress ? t(`light.${m.progress.light}`) : null,
              m.progress ? t(`progress.${m.progress.state}`) : null,
              m.progress?.behind ?? null,
              m.progress?.closedOn ?? null,
            ]),
          notes: [],
          paper: false,
        }),
      ],
      notes: [],
    });
  }

  // 五、逾期未报情况: the department counts and the lists behind them, counted the same way.
  const record = new Map(d.departments.map((x) => [x.id, x]));
  const overdueRows = inScope(facts);
  const deptTable = titled({
    key: "departments",
    sheet: t("deptSheet"),
    caption: t("deptCaption", { asOf }),
    columns: [
      col(t("colDepartment"), 12, 16),
      col(t("colLed"), 10, 10),
      col(t("colSupported"), 10, 10),
      col(t("colOnTimePct"), 16, 14),
      col(t("colOverdueLead"), 20, 14),
      col(t("colOverdueSupport"), 16, 12),
      col(t("colOverdueTotal"), 10, 10),
      col(t("colReturned"), 12, 14),
    ],
    rows: overdueRows.map((f) => {
      const r = record.get(f.departmentId)!;
      return [f.name, r.led, r.supported, r.onTimePct, f.overdueLead, f.overdueSupport, r.overdue, r.returned];
    }),
    total: mine === null ? [t("total"), d.departments.reduce((s, r) => s + r.led, 0), d.departments.reduce((s, r) => s + r.supported, 0), null, overdueLead, overdueSupport, overdueLead + overdueSupport, d.departments.reduce((s, r) => s + r.returned, 0)] : undefined,
    notes: [],
    paper: true,
  });
  // The lead's and joint leads' overdue tasks by measure and department: what makes a measure's 报送 light red.
  const leadItems = d.overdue.filter((o) => reportsForMeasure(o) && (mine === null || o.departmentId === mine));
  const byMeasure = new Map<string, { number: string; text: string; department: string; role: string; count: number; earliest: string; days: number }>();
  for (const o of leadItems) {
    const key = `${o.measureId}:${o.departmentId}`;
    const g = byMeasure.get(key);
    if (g) {
      g.count++;
      if (o.dueDate < g.earliest) g.earliest = o.dueDate;
      g.days = Math.max(g.days, o.daysOverdue);
    } else byMeasure.set(key, { number: o.number, text: textOf(o.measureId), department: name.get(o.departmentId) ?? "", role: roleOf(t, o), count: 1, earliest: o.dueDate, days: o.daysOverdue });
  }
  const groups = [...byMeasure.values()].sort((a, b) => a.number.localeCompare(b.number, undefined, { numeric: true }) || a.department.localeCompare(b.department, "zh-CN"));
  const leadTable = titled({
    key: "overdue-by-measure",
    sheet: t("leadSheet"),
    caption: t("leadCaption", { asOf }),
    columns: [col(t("colMeasure"), 8, 7), col(t("colMeasureText"), 60, 41, true), col(t("colResponsible"), 12, 12), col(t("colRole"), 10, 9), col(t("colOverduePeriods"), 10, 8), col(t("colEarliestDue"), 14, 12), col(t("colLongestOverdue"), 14, 11)],
    rows: groups.map((g) => [g.number, g.text, g.department, g.role, g.count, g.earliest, g.days]),
    total: [t("total"), t("rowsCount", { count: groups.length }), "", "", leadItems.length, "", ""],
    notes: [],
    paper: true,
  });
  // The overview's list names a period in Chinese; the reader's language names it from its kind and end.
  const periodOf = new Map(src.input.histories.map((h) => [h.periodId, periodLabel({ kind: h.kind, periodEnd: h.periodEnd }, locale)]));
  const allItems = d.overdue.filter((o) => mine === null || o.departmentId === mine);
  const detailTable = titled({
    key: "overdue",
    sheet: t("detailSheet"),
    caption: t("detailCaption", { asOf }),
    columns: [col(t("colMeasure"), 8, 8), col(t("colMeasureText"), 60, 30, true), col(t("colPeriod"), 16, 14), col(t("colDue"), 12, 12), col(t("colDaysOverdue"), 10, 10), col(t("colResponsible"), 12, 14), col(t("colRole"), 10, 12)],
    rows: allItems.map((o) => [o.number, textOf(o.measureId), periodOf.get(o.periodId) ?? o.period, o.dueDate, o.daysOverdue, name.get(o.departmentId) ?? "", roleOf(t, o)]),
    notes: [],
    paper: false,
  });
  const onlySupporting = overdueRows.filter((f) => record.get(f.departmentId)!.led === 0).map((f) => f.name);
  const overdueNote = t("overdueNote", {
    asOf,
    total: overdueLead + overdueSupport,
    lead: overdueLead,
    support: overdueSupport,
    groups: groups.length,
    items: leadItems.length,
    onlySupporting: onlySupporting.length ? t("onlySupporting", { names: onlySupporting.join(sep) }) : "",
    detail: allItems.length,
  });
  sections.push({ heading: heading(t("sectionOverdue")), paragraphs: [], tables: [deptTable, leadTable, detailTable], notes: [overdueNote] });

  const fileName = `${t("fileName", { code: src.plan.code, quarter: quarter.key })}${departmentName ? `-${departmentName}` : ""}`;
  const generatedAt = chinaMinute(src.generatedAt);
  return {
    title: documentTitle,
    quarterTitle: qTitle,
    quarter,
    issuer: src.plan.issuer,
    asOf,
    generatedAt,
    departmentName,
    subtitle: t("subtitle", { quarter: qTitle }),
    dates: t("dates", { asOf, generatedAt }),
    shareNote: departmentName ? t("share", { department: departmentName }) : null,
    aboutSheet: t("aboutSheet"),
    locale,
    sections,
    fileName,
    asciiName: `quarterly-${src.plan.code}-${quarter.key}`,
  };
}

/** The tables of a 通报, in order. */
export function tongbaoTables(t: Tongbao): TongbaoTable[] {
  return t.sections.flatMap((s) => s.tables);
}
