import { documentWords, type DocumentWords } from "@/i18n/document-words";
import type { IndicatorTarget, Verdict, VerdictBasis } from "@/lib/evaluation";
import { periodLabel } from "@/lib/periods";
import { MOSTLY_DONE } from "@/lib/evaluation";
import { indicatorResult, timeliness, verdictCounts, type EvaluationData, type MeasureRecord, type PartRecord, type ReportEntry } from "./facts";

/*
 * The 终期评估报告 and the 年度总结 as one document model: a list of blocks (title, headings,
 * paragraphs, tables) built once here from the evaluation data, then written as a Word document
 * (./word.ts, with the bureau's look from src/server/documents/word.ts) or shown as a print page
 * (./components/report-view.tsx). Both renderers read the same blocks, so the download and the
 * print view cannot say different things. Their words are the reader's language (messages,
 * namespace "evaluationDoc"; Chinese by default, decision 033); the plan's own texts stay as issued.
 */

/** The documents' words in a language (src/i18n/document-words.ts). */
export const evaluationWords = (locale: string): DocumentWords => documentWords("evaluationDoc", locale);
const CHINESE = evaluationWords("zh-CN");

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

/** An indicator's target in words: 「≥90%」, 「≤3%」, 「较基线降低20%以上」, 「降低（方向）」. */
export function targetText(t: IndicatorTarget, unit: string, w: DocumentWords = CHINESE): string {
  const sign = { GTE: "≥", LTE: "≤", EQ: "" }[t.comparison];
  if (t.direction) {
    const verb = w(`direction.${t.direction}`);
    return t.target === null ? w("targetDirection", { verb }) : w("targetTrend", { verb, comparison: t.comparison, value: fmt(t.target) });
  }
  return t.target === null ? "—" : `${sign}${fmt(t.target)}${unit}`;
}

const distinct = (list: string[]) => [...new Set(list.filter((s) => s.length > 0))];

function reportLine(w: DocumentWords, locale: string, r: ReportEntry): string {
  const details = [r.department, ...(r.isLead ? [] : [w("supporting")]), w(`state.${r.state}`), ...(r.rating ? [w("selfRating", { rating: w(`rating.${r.rating}`) })] : [])];
  return w("reportLine", { period: periodLabel({ kind: r.periodKind, periodEnd: r.periodEnd }, locale), details: details.join(w("detailSep")), work: r.workDone || w("noWork") });
}

function verdictLine(w: DocumentWords, m: MeasureRecord): string {
  const verdict = (v: Verdict) => w(`verdict.${v}`);
  const parts = [w("verdictIs", { verdict: verdict(m.verdict) })];
  if (m.stored) {
    parts.push(m.stored.verdict === m.stored.proposed ? w("confirmed", { date: m.stored.confirmedAt }) : w("adjusted", { proposed: verdict(m.stored.proposed), date: m.stored.confirmedAt, reason: m.stored.reason ?? "" }));
  } else parts.push(w("proposedOnly"));
  parts.push(w("basisIs", { basis: basisText(m.basis, w) }));
  if (m.facts.milestonesDue) parts.push(w("milestones", { due: m.facts.milestonesDue, met: m.facts.milestonesMet }));
  if (m.facts.reportsDue) parts.push(w("periods", { due: m.facts.reportsDue, accepted: m.facts.reportsAccepted }));
  return parts.join("");
}

/** Why a verdict was proposed, in words. */
export function basisText(basis: VerdictBasis, w: DocumentWords = CHINESE): string {
  return w(`basis.${basis}`, { share: MOSTLY_DONE.milestoneShare * 100, pct: MOSTLY_DONE.indicatorPct });
}

/** A verdict in words. */
export const verdictText = (v: Verdict, w: DocumentWords = CHINESE) => w(`verdict.${v}`);

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
export function taskTable(data: EvaluationData, w: DocumentWords = CHINESE): Extract<Block, { kind: "table" }> {
  return {
    kind: "table",
    headers: [w("colTask"), w("colMeasures"), w("colVerdicts"), w("colLate"), w("colOverdue"), w("colReturns")],
    rows: data.tasks.map((task) => {
      const c = verdictCounts(task.measures);
      const t = timeliness(allParts(task.measures));
      return [`${task.number}. ${task.title}`, task.measures.length, `${c.COMPLETED}/${c.MOSTLY_COMPLETED}/${c.NOT_COMPLETED}/${c.NORMALIZED}`, t.late, t.overdue, t.returns];
    }),
    widths: [40, 9, 21, 10, 10, 10],
  };
}

/** Each indicator: baseline, target, yearly actuals, final value, met or not; null when the plan has none. */
export function indicatorTable(data: EvaluationData, w: DocumentWords = CHINESE): Extract<Block, { kind: "table" }> | null {
  if (!data.indicators.length) return null;
  return {
    kind: "table",
    headers: [w("colMeasure"), w("colIndicator"), w("colBaseline"), w("colTarget"), w("colActuals"), w("colFinal"), w("colMet")],
    rows: data.indicators.map((i) => {
      const r = indicatorResult(i);
      return [
        i.measureLabel,
        `${i.name}${i.confirmed ? "" : w("unconfirmed")}`,
        fmt(i.target.baseline),
        targetText(i.target, i.unit, w),
        years(data)
          .filter((y) => r.byYear.has(y))
          .map((y) => w("yearValue", { year: y, value: fmt(r.byYear.get(y)) }))
          .join("\n") || w("notReported"),
        r.final === null ? "—" : `${fmt(r.final)}${i.unit}`,
        r.met === null ? w("undecidable") : r.met ? w("met") : w("notMet", { pct: fmt(r.achievement) }),
      ];
    }),
    widths: [8, 22, 9, 13, 22, 12, 14],
  };
}

/** Each department carrying the plan: the verdicts of the measures it leads, its timeliness and returns over the plan. */
export function departmentTable(data: EvaluationData, w: DocumentWords = CHINESE): Extract<Block, { kind: "table" }> {
  const measures = allMeasures(data);
  const led = (name: string) => measures.filter((m) => m.lead === name);
  return {
    kind: "table",
    headers: [w("colDepartment"), w("colLed"), w("colVerdicts"), w("colDue"), w("colOnTime"), w("colLate"), w("colOverdue"), w("colReturns"), w("colOnTimeRate")],
    rows: departmentRows(data, allParts(measures)).map((d) => {
      const c = verdictCounts(led(d.name));
      return [d.name, led(d.name).length, `${c.COMPLETED}/${c.MOSTLY_COMPLETED}/${c.NOT_COMPLETED}/${c.NORMALIZED}`, d.due, d.onTime, d.late, d.overdue, d.returns, d.rate];
    }),
    widths: [14, 9, 17, 10, 9, 10, 10, 10, 11],
  };
}

/** 终期评估报告: cover, verdicts in sum, each key task with its measures, the indicators, the departments' records; in the language of `locale`. */
export function finalReport(data: EvaluationData, locale: string = "zh-CN"): ReportDocument {
  const w = evaluationWords(locale);
  const measures = allMeasures(data);
  const counts = verdictCounts(measures);
  const confirmed = measures.filter((m) => m.stored).length;
  const overall = timeliness(allParts(measures));
  const heading = (n: number, text: string): Block => ({ kind: "heading1", text: w("heading", { n, text }) });
  const blocks: Block[] = [
    { kind: "title", text: w("finalTitle", { plan: data.plan.title }) },
    { kind: "subtitle", text: stamp(data) },
    heading(1, w("sectionOverall")),
    {
      kind: "paragraph",
      text: w("finalOverview", {
        from: data.plan.startYear,
        to: data.plan.endYear,
        tasks: data.tasks.length,
        measures: measures.length,
        completed: counts.COMPLETED,
        mostly: counts.MOSTLY_COMPLETED,
        notCompleted: counts.NOT_COMPLETED,
        normalized: counts.NORMALIZED,
        confirmed,
        proposed: measures.length - confirmed,
        due: overall.due,
        onTime: overall.onTime,
        late: overall.late,
        overdue: overall.overdue,
        returns: overall.returns,
      }),
    },
    {
      kind: "table",
      headers: [w("colVerdict"), w("colMeasures"), w("colShare")],
      rows: (Object.keys(counts) as Verdict[]).map((v) => [verdictText(v, w), counts[v], pct(counts[v], measures.length)]),
      widths: [40, 30, 30],
    },
    heading(2, w("sectionTasks")),
    taskTable(data, w),
  ];
  for (const task of data.tasks) {
    const c = verdictCounts(task.measures);
    const t = timeliness(allParts(task.measures));
    blocks.push({ kind: "heading2", text: w("heading2", { numeral: chineseNumber(task.number), n: task.number, text: task.title }) });
    blocks.push({
      kind: "paragraph",
      text: w("taskSummary", { measures: task.measures.length, completed: c.COMPLETED, mostly: c.MOSTLY_COMPLETED, notCompleted: c.NOT_COMPLETED, normalized: c.NORMALIZED, late: t.late, overdue: t.overdue, returns: t.returns }),
    });
    for (const m of task.measures) {
      const own = m.reports.filter((r) => r.state === "ACCEPTED");
      const done = own.length ? own : m.reports;
      const shown = done.slice(-6);
      const others = m.departments.length > 1 ? w("measureOthers", { list: m.departments.join(w("listSep")) }) : "";
      blocks.push({ kind: "paragraph", text: w("measureLine", { label: m.label, text: m.text, lead: m.lead ?? "—", others }) });
      blocks.push({ kind: "paragraph", text: verdictLine(w, m) });
      if (m.closedOn) blocks.push({ kind: "paragraph", text: w("closedOn", { date: m.closedOn }) });
      if (m.normalizedOn) blocks.push({ kind: "paragraph", text: w("normalizedOn", { date: m.normalizedOn }) });
      blocks.push({
        kind: "paragraph",
        text: done.length
          ? w("work", { more: done.length > shown.length ? w("workMore", { total: done.length, shown: shown.length }) : "", lines: shown.map((r) => reportLine(w, locale, r)).join(w("lineSep")) })
          : w("workNone"),
      });
      const problems = distinct(m.reports.map((r) => r.problems)).slice(-3);
      blocks.push({ kind: "paragraph", text: w("problems", { text: problems.length ? problems.join(w("lineSep")) : w("none") }) });
      const evidence = distinct(m.reports.flatMap((r) => r.evidence));
      blocks.push({ kind: "paragraph", text: w("evidence", { text: evidence.length ? evidence.join(w("listSep")) : w("none") }) });
    }
  }
  blocks.push(heading(3, w("sectionIndicators")));
  blocks.push(indicatorTable(data, w) ?? { kind: "paragraph", text: w("noIndicators") });
  blocks.push(heading(4, w("sectionDepartments")));
  blocks.push(departmentTable(data, w));
  blocks.push({ kind: "note", text: w("finalNote", { share: MOSTLY_DONE.milestoneShare * 100, pct: MOSTLY_DONE.indicatorPct, date: data.today }) });
  return {
    title: w("finalTitle", { plan: data.plan.title }),
    fileName: w("finalFile", { code: data.plan.code }),
    asciiName: `final-evaluation-${data.plan.code}.docx`,
    creator: data.plan.issuer,
    blocks,
  };
}

/** 年度总结: that year's reports per key task and measure, the indicators' actuals that year, the departments' timeliness that year; in the language of `locale`. */
export function annualReport(data: EvaluationData, year: number, locale: string = "zh-CN"): ReportDocument {
  const w = evaluationWords(locale);
  const measures = allMeasures(data);
  const inYear = (r: ReportEntry) => r.periodEnd.startsWith(`${year}-`);
  const overall = timeliness(allParts(measures), year);
  const reportCount = measures.reduce((n, m) => n + m.reports.filter(inYear).length, 0);
  const heading = (n: number, text: string): Block => ({ kind: "heading1", text: w("heading", { n, text }) });
  const blocks: Block[] = [
    { kind: "title", text: w("annualTitle", { plan: data.plan.title, year }) },
    { kind: "subtitle", text: stamp(data) },
    heading(1, w("sectionOverall")),
    {
      kind: "paragraph",
      text: w("annualOverview", {
        year,
        tasks: data.tasks.length,
        measures: measures.length,
        reports: reportCount,
        due: overall.due,
        onTime: overall.onTime,
        late: overall.late,
        overdue: overall.overdue,
        rate: pct(overall.onTime, overall.due),
        returns: overall.returns,
      }),
    },
    heading(2, w("sectionTasksAnnual")),
  ];
  for (const task of data.tasks) {
    const t = timeliness(allParts(task.measures), year);
    blocks.push({ kind: "heading2", text: w("heading2", { numeral: chineseNumber(task.number), n: task.number, text: task.title }) });
    blocks.push({ kind: "paragraph", text: w("taskAnnual", { due: t.due, onTime: t.onTime, late: t.late, overdue: t.overdue, returns: t.returns }) });
    for (const m of task.measures) {
      const reports = m.reports.filter(inYear);
      blocks.push({ kind: "paragraph", text: w("measureLineAnnual", { label: m.label, text: m.text, lead: m.lead ?? "—" }) });
      blocks.push({ kind: "paragraph", text: reports.length ? w("workAnnual", { lines: reports.map((r) => reportLine(w, locale, r)).join(w("lineSep")) }) : w("workAnnualNone") });
      const problems = distinct(reports.map((r) => r.problems));
      if (problems.length) blocks.push({ kind: "paragraph", text: w("problems", { text: problems.join(w("lineSep")) }) });
      const evidence = distinct(reports.flatMap((r) => r.evidence));
      if (evidence.length) blocks.push({ kind: "paragraph", text: w("evidence", { text: evidence.join(w("listSep")) }) });
    }
  }
  blocks.push(heading(3, w("sectionIndicatorsYear", { year })));
  blocks.push(
    data.indicators.length
      ? {
          kind: "table",
          headers: [w("colMeasure"), w("colIndicator"), w("colBaseline"), w("colTarget"), w("yearActual", { year }), w("colMet")],
          rows: data.indicators.map((i) => {
            const r = indicatorResult({ ...i, values: i.values.filter((v) => v.periodEnd.startsWith(`${year}-`)) });
            return [
              i.measureLabel,
              `${i.name}${i.confirmed ? "" : w("unconfirmed")}`,
              fmt(i.target.baseline),
              targetText(i.target, i.unit, w),
              r.final === null ? w("notReported") : `${fmt(r.final)}${i.unit}`,
              r.met === null ? w("undecidable") : r.met ? w("met") : w("notMet", { pct: fmt(r.achievement) }),
            ];
          }),
          widths: [9, 30, 11, 17, 16, 17],
        }
      : { kind: "paragraph", text: w("noIndicators") },
  );
  blocks.push(heading(4, w("sectionDepartmentsYear", { year })));
  blocks.push({
    kind: "table",
    headers: [w("colDepartment"), w("colDue"), w("colOnTime"), w("colLate"), w("colOverdue"), w("colReturns"), w("colOnTimeRate")],
    rows: departmentRows(data, allParts(measures), year).map((d) => [d.name, d.due, d.onTime, d.late, d.overdue, d.returns, d.rate]),
    widths: [22, 13, 13, 13, 13, 13, 13],
  });
  blocks.push({ kind: "note", text: w("annualNote", { date: data.today }) });
  return {
    title: w("annualTitle", { plan: data.plan.title, year }),
    fileName: w("annualFile", { code: data.plan.code, year }),
    asciiName: `annual-summary-${data.plan.code}-${year}.docx`,
    creator: data.plan.issuer,
    blocks,
  };
}
