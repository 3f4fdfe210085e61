import type { IndicatorTarget, Verdict, VerdictBasis } from "@/lib/evaluation";
import { MOSTLY_DONE } from "@/lib/evaluation";
import { indicatorResult, timeliness, verdictCounts, type EvaluationData, type MeasureRecord, type PartRecord, type ReportEntry } from "./facts";

/*
 * The 终期评估报告 and the 年度总结 as one document model: a list of blocks (title, headings,
 * paragraphs, tables) built once here from the evaluation data, then written as a Word document
 * (./word.ts, with the bureau's look from src/server/documents/word.ts) or shown as a print page
 * (./components/report-view.tsx). Both renderers read the same blocks, so the download and the
 * print view cannot say different things. The documents are the bureau's official Chinese texts.
 */

export type Block =
  | { kind: "title" | "subtitle" | "heading1" | "heading2" | "paragraph" | "note"; text: string }
  | { kind: "table"; headers: string[]; rows: (string | number)[][]; widths?: number[] };

export interface ReportDocument {
  title: string;
  /** The download's name (Chinese) and its ASCII fallback. */
  fileName: string;
  asciiName: string;
  creator: string;
  blocks: Block[];
}

export const VERDICT_TEXT: Record<Verdict, string> = { COMPLETED: "完成", MOSTLY_COMPLETED: "基本完成", NOT_COMPLETED: "未完成", NORMALIZED: "已常态化" };

export const BASIS_TEXT: Record<VerdictBasis, string> = {
  closed: "已办结销号",
  normalized: "已常态化",
  allMet: "节点均已完成，指标均已达标，最近一次自评为已完成",
  mostlyMet: `节点完成率和报告通过率不低于${MOSTLY_DONE.milestoneShare * 100}%，各指标达到目标的${MOSTLY_DONE.indicatorPct}%以上`,
  noReports: "未报送过进展报告",
  shortfall: "节点、指标或报告未达到基本完成的标准",
};

const RATING_TEXT = { NOT_STARTED: "未启动", IN_PROGRESS: "推进中", COMPLETED: "已完成", DIFFICULT: "存在困难" } as const;
const STATE_TEXT = { SUBMITTED: "待审核", RETURNED: "已退回", ACCEPTED: "审核通过" } as const;
const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

/** 一 … 九十九, for headings. */
export function chineseNumber(n: number): string {
  if (n <= 10) return ORDINALS[n - 1] ?? String(n);
  if (n < 20) return `十${ORDINALS[n - 11]}`;
  if (n < 100) return `${ORDINALS[Math.floor(n / 10) - 1]}十${n % 10 ? ORDINALS[(n % 10) - 1] : ""}`;
  return String(n);
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? "—" : String(Math.round(n * 100) / 100));
const pct = (part: number, whole: number) => (whole ? `${Math.round((part / whole) * 1000) / 10}%` : "—");

/** An indicator's target in words: 「≥90%」, 「≤3%」, 「较基线降低20%」, 「降低（方向）」. */
export function targetText(t: IndicatorTarget, unit: string): string {
  const sign = { GTE: "≥", LTE: "≤", EQ: "" }[t.comparison];
  if (t.direction) {
    const verb = t.direction === "DECREASE" ? "降低" : "提高";
    return t.target === null ? `${verb}（方向）` : `较基线${verb}${sign === "≥" ? "" : sign}${fmt(t.target)}%${sign === "≥" ? "以上" : t.comparison === "EQ" ? "左右" : "以内"}`;
  }
  return t.target === null ? "—" : `${sign}${fmt(t.target)}${unit}`;
}

const distinct = (list: string[]) => [...new Set(list.filter((s) => s.length > 0))];
const reportLine = (r: ReportEntry) => `${r.periodLabel}（${r.department}${r.isLead ? "" : "，配合"}，${STATE_TEXT[r.state]}${r.rating ? `，自评${RATING_TEXT[r.rating]}` : ""}）：${r.workDone || "未填写工作进展"}`;

function verdictLine(m: MeasureRecord): string {
  const parts = [`评估结论：${VERDICT_TEXT[m.verdict]}`];
  if (m.stored) {
    parts.push(m.stored.verdict === m.stored.proposed ? `（${m.stored.confirmedAt} 经确认）` : `（系统拟定为${VERDICT_TEXT[m.stored.proposed]}，${m.stored.confirmedAt} 调整，理由：${m.stored.reason ?? ""}）`);
  } else parts.push("（系统拟定，待确认）");
  parts.push(`；依据：${BASIS_TEXT[m.basis]}`);
  if (m.facts.milestonesDue) parts.push(`；时间节点${m.facts.milestonesDue}个，完成${m.facts.milestonesMet}个`);
  if (m.facts.reportsDue) parts.push(`；应报${m.facts.reportsDue}期，审核通过${m.facts.reportsAccepted}期`);
  return parts.join("");
}

function departmentRows(data: EvaluationData, parts: PartRecord[], year?: number) {
  return data.departments.map((d) => {
    const t = timeliness(
      parts.filter((p) => p.departmentId === d.id),
      year,
    );
    return { name: d.shortName, ...t, rate: pct(t.onTime, t.due) };
  });
}

const allMeasures = (data: EvaluationData) => data.tasks.flatMap((t) => t.measures);
const allParts = (measures: MeasureRecord[]) => measures.flatMap((m) => m.parts);
const stamp = (data: EvaluationData) => `${data.plan.issuer}　${data.today}`;

const years = (data: EvaluationData) => Array.from({ length: data.plan.endYear - data.plan.startYear + 1 }, (_, i) => data.plan.startYear + i);

/** Each key task: its measures' verdicts, delays and returns (the final report's and the evaluation page's table). */
export function taskTable(data: EvaluationData): Extract<Block, { kind: "table" }> {
  return {
    kind: "table",
    headers: ["重点任务", "措施数", "完成/基本完成/未完成/常态化", "逾期报送", "逾期未报", "退回次数"],
    rows: data.tasks.map((task) => {
      const c = verdictCounts(task.measures);
      const t = timeliness(allParts(task.measures));
      return [`${task.number}. ${task.title}`, task.measures.length, `${c.COMPLETED}/${c.MOSTLY_COMPLETED}/${c.NOT_COMPLETED}/${c.NORMALIZED}`, t.late, t.overdue, t.returns];
    }),
    widths: [40, 9, 21, 10, 10, 10],
  };
}

/** Each indicator: baseline, target, yearly actuals, final value, met or not; null when the plan has none. */
export function indicatorTable(data: EvaluationData): Extract<Block, { kind: "table" }> | null {
  if (!data.indicators.length) return null;
  return {
    kind: "table",
    headers: ["措施", "指标", "基线", "目标", "各年度实际值", "最终值", "是否达标"],
    rows: data.indicators.map((i) => {
      const r = indicatorResult(i);
      return [
        i.measureLabel,
        `${i.name}${i.confirmed ? "" : "（待确认）"}`,
        fmt(i.target.baseline),
        targetText(i.target, i.unit),
        years(data)
          .filter((y) => r.byYear.has(y))
          .map((y) => `${y}年：${fmt(r.byYear.get(y))}`)
          .join("\n") || "未报送",
        r.final === null ? "—" : `${fmt(r.final)}${i.unit}`,
        r.met === null ? "无法判断" : r.met ? "达标" : `未达标（${fmt(r.achievement)}%）`,
      ];
    }),
    widths: [8, 22, 9, 13, 22, 12, 14],
  };
}

/** Each department carrying the plan: the verdicts of the measures it leads, its timeliness and returns over the plan. */
export function departmentTable(data: EvaluationData): Extract<Block, { kind: "table" }> {
  const measures = allMeasures(data);
  const led = (name: string) => measures.filter((m) => m.lead === name);
  return {
    kind: "table",
    headers: ["部门", "牵头措施", "完成/基本完成/未完成/常态化", "应报期次", "按时", "逾期报送", "逾期未报", "退回次数", "按时率"],
    rows: departmentRows(data, allParts(measures)).map((d) => {
      const c = verdictCounts(led(d.name));
      return [d.name, led(d.name).length, `${c.COMPLETED}/${c.MOSTLY_COMPLETED}/${c.NOT_COMPLETED}/${c.NORMALIZED}`, d.due, d.onTime, d.late, d.overdue, d.returns, d.rate];
    }),
    widths: [14, 9, 17, 10, 9, 10, 10, 10, 11],
  };
}

/** 终期评估报告: cover, verdicts in sum, each key task with its measures, the indicators, the departments' records. */
export function finalReport(data: EvaluationData): ReportDocument {
  const measures = allMeasures(data);
  const counts = verdictCounts(measures);
  const confirmed = measures.filter((m) => m.stored).length;
  const overall = timeliness(allParts(measures));
  const blocks: Block[] = [
    { kind: "title", text: `${data.plan.title}终期评估报告` },
    { kind: "subtitle", text: stamp(data) },
    { kind: "heading1", text: "一、总体情况" },
    {
      kind: "paragraph",
      text: `计划实施期为${data.plan.startYear}年至${data.plan.endYear}年，共有重点任务${data.tasks.length}项、主要措施${measures.length}条。经评估，完成${counts.COMPLETED}条，基本完成${counts.MOSTLY_COMPLETED}条，未完成${counts.NOT_COMPLETED}条，已常态化${counts.NORMALIZED}条；其中${confirmed}条评估结论已经确认，${measures.length - confirmed}条为系统拟定。实施期内应报送进展${overall.due}期次，按时报送${overall.onTime}期次，逾期报送${overall.late}期次，逾期未报${overall.overdue}期次，退回修改${overall.returns}次。`,
    },
    {
      kind: "table",
      headers: ["评估结论", "措施数", "占比"],
      rows: (Object.keys(counts) as Verdict[]).map((v) => [VERDICT_TEXT[v], counts[v], pct(counts[v], measures.length)]),
      widths: [40, 30, 30],
    },
    { kind: "heading1", text: "二、重点任务落实情况" },
    taskTable(data),
  ];
  for (const task of data.tasks) {
    const c = verdictCounts(task.measures);
    const t = timeliness(allParts(task.measures));
    blocks.push({ kind: "heading2", text: `（${chineseNumber(task.number)}）${task.title}` });
    blocks.push({
      kind: "paragraph",
      text: `本项任务共${task.measures.length}条措施：完成${c.COMPLETED}条，基本完成${c.MOSTLY_COMPLETED}条，未完成${c.NOT_COMPLETED}条，已常态化${c.NORMALIZED}条。逾期报送${t.late}期次，逾期未报${t.overdue}期次，退回${t.returns}次。`,
    });
    for (const m of task.measures) {
      const own = m.reports.filter((r) => r.state === "ACCEPTED");
      const done = own.length ? own : m.reports;
      const shown = done.slice(-6);
      blocks.push({ kind: "paragraph", text: `措施${m.label}　${m.text}（牵头：${m.lead ?? "—"}${m.departments.length > 1 ? `；责任部门：${m.departments.join("、")}` : ""}）` });
      blocks.push({ kind: "paragraph", text: verdictLine(m) });
      if (m.closedOn) blocks.push({ kind: "paragraph", text: `办结销号：${m.closedOn}` });
      if (m.normalizedOn) blocks.push({ kind: "paragraph", text: `常态化：${m.normalizedOn}` });
      blocks.push({
        kind: "paragraph",
        text: done.length ? `工作进展：${done.length > shown.length ? `（共${done.length}期，列最近${shown.length}期）` : ""}${shown.map(reportLine).join("；")}` : "工作进展：实施期内未报送进展报告。",
      });
      const problems = distinct(m.reports.map((r) => r.problems)).slice(-3);
      blocks.push({ kind: "paragraph", text: `存在问题：${problems.length ? problems.join("；") : "无"}` });
      const evidence = distinct(m.reports.flatMap((r) => r.evidence));
      blocks.push({ kind: "paragraph", text: `佐证材料：${evidence.length ? evidence.join("、") : "无"}` });
    }
  }
  blocks.push({ kind: "heading1", text: "三、量化指标完成情况" });
  blocks.push(indicatorTable(data) ?? { kind: "paragraph", text: "本计划未设定量化指标。" });
  blocks.push({ kind: "heading1", text: "四、责任部门落实情况" });
  blocks.push(departmentTable(data));
  blocks.push({
    kind: "note",
    text: `说明：评估结论由系统按统一规则拟定，经市人社局确认或调整（调整须说明理由）。已办结销号的措施为完成，已常态化的为已常态化；节点均已完成、指标均达标且最近一次自评为已完成的为完成；节点完成率和报告审核通过率均不低于${MOSTLY_DONE.milestoneShare * 100}%、各指标达到目标${MOSTLY_DONE.indicatorPct}%以上的为基本完成；其余为未完成。统计截至${data.today}。`,
  });
  return {
    title: `${data.plan.title}终期评估报告`,
    fileName: `终期评估报告-${data.plan.code}.docx`,
    asciiName: `final-evaluation-${data.plan.code}.docx`,
    creator: data.plan.issuer,
    blocks,
  };
}

/** 年度总结: that year's reports per key task and measure, the indicators' actuals that year, the departments' timeliness that year. */
export function annualReport(data: EvaluationData, year: number): ReportDocument {
  const measures = allMeasures(data);
  const inYear = (r: ReportEntry) => r.periodEnd.startsWith(`${year}-`);
  const overall = timeliness(allParts(measures), year);
  const reportCount = measures.reduce((n, m) => n + m.reports.filter(inYear).length, 0);
  const blocks: Block[] = [
    { kind: "title", text: `${data.plan.title}${year}年度工作总结` },
    { kind: "subtitle", text: stamp(data) },
    { kind: "heading1", text: "一、总体情况" },
    {
      kind: "paragraph",
      text: `${year}年，计划${data.tasks.length}项重点任务、${measures.length}条主要措施共报送进展报告${reportCount}份。应报送${overall.due}期次，按时报送${overall.onTime}期次，逾期报送${overall.late}期次，逾期未报${overall.overdue}期次，按时率${pct(overall.onTime, overall.due)}；退回修改${overall.returns}次。`,
    },
    { kind: "heading1", text: "二、重点任务和措施推进情况" },
  ];
  for (const task of data.tasks) {
    const t = timeliness(allParts(task.measures), year);
    blocks.push({ kind: "heading2", text: `（${chineseNumber(task.number)}）${task.title}` });
    blocks.push({ kind: "paragraph", text: `本年度应报送${t.due}期次，按时${t.onTime}期次，逾期报送${t.late}期次，逾期未报${t.overdue}期次，退回${t.returns}次。` });
    for (const m of task.measures) {
      const reports = m.reports.filter(inYear);
      blocks.push({ kind: "paragraph", text: `措施${m.label}　${m.text}（牵头：${m.lead ?? "—"}）` });
      blocks.push({ kind: "paragraph", text: reports.length ? `工作进展：${reports.map(reportLine).join("；")}` : "工作进展：本年度无进展报告。" });
      const problems = distinct(reports.map((r) => r.problems));
      if (problems.length) blocks.push({ kind: "paragraph", text: `存在问题：${problems.join("；")}` });
      const evidence = distinct(reports.flatMap((r) => r.evidence));
      if (evidence.length) blocks.push({ kind: "paragraph", text: `佐证材料：${evidence.join("、")}` });
    }
  }
  blocks.push({ kind: "heading1", text: `三、量化指标${year}年度完成情况` });
  blocks.push(
    data.indicators.length
      ? {
          kind: "table",
          headers: ["措施", "指标", "基线", "目标", `${year}年实际值`, "是否达标"],
          rows: data.indicators.map((i) => {
            const r = indicatorResult({ ...i, values: i.values.filter((v) => v.periodEnd.startsWith(`${year}-`)) });
            return [
              i.measureLabel,
              `${i.name}${i.confirmed ? "" : "（待确认）"}`,
              fmt(i.target.baseline),
              targetText(i.target, i.unit),
              r.final === null ? "未报送" : `${fmt(r.final)}${i.unit}`,
              r.met === null ? "无法判断" : r.met ? "达标" : `未达标（${fmt(r.achievement)}%）`,
            ];
          }),
          widths: [9, 30, 11, 17, 16, 17],
        }
      : { kind: "paragraph", text: "本计划未设定量化指标。" },
  );
  blocks.push({ kind: "heading1", text: `四、责任部门${year}年度报送情况` });
  blocks.push({
    kind: "table",
    headers: ["部门", "应报期次", "按时", "逾期报送", "逾期未报", "退回次数", "按时率"],
    rows: departmentRows(data, allParts(measures), year).map((d) => [d.name, d.due, d.onTime, d.late, d.overdue, d.returns, d.rate]),
    widths: [22, 13, 13, 13, 13, 13, 13],
  });
  blocks.push({ kind: "note", text: `说明：按报告期次所属年度统计（第四季度报告计入当年），统计截至${data.today}。` });
  return {
    title: `${data.plan.title}${year}年度工作总结`,
    fileName: `年度总结-${data.plan.code}-${year}.docx`,
    asciiName: `annual-summary-${data.plan.code}-${year}.docx`,
    creator: data.plan.issuer,
    blocks,
  };
}
