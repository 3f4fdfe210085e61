/**
 * Matches the rows of a bulk 补录 spreadsheet against a plan: measure number → measure, department
 * name → one of its departments, period text → one of its periods, the days and the rating checked
 * by the same rules as a single 补录 (src/lib/backfill.ts). Each problem names its row and column.
 * Reads only; the preview shows the result and the import writes it.
 */
import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { backfillDateProblem, matchPeriod, ownReportInTheWay, type PeriodChoice } from "@/lib/backfill";
import { isoDay } from "@/lib/due";
import { isCalendarDay } from "@/lib/input";
import { periodLabel } from "@/lib/periods";
import type { BackfillRow } from "./mutations";
import type { BackfillColumn, SheetRow } from "./sheet";

type Reader = PrismaClient | Prisma.TransactionClient;

/** A row's problem: the column it is in, and a message key under "reports.backfill.row" with its values. */
export interface RowProblem {
  line: number;
  column: BackfillColumn;
  key: string;
  detail?: Record<string, string>;
}

/** A row as the preview shows it: what it matched, and its problems (none: it will be written). */
export interface ResolvedRow {
  line: number;
  measure: string;
  department: string;
  period: string;
  submittedOn: string;
  acceptedOn: string;
  progress: string;
  workDone: string;
  problems: RowProblem[];
  /** Set when the row has no problem: what the import writes. */
  write?: BackfillRow;
}

const RATINGS: Record<string, "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DIFFICULT"> = {
  未启动: "NOT_STARTED",
  未开始: "NOT_STARTED",
  推进中: "IN_PROGRESS",
  进行中: "IN_PROGRESS",
  已完成: "COMPLETED",
  存在困难: "DIFFICULT",
};

const MAX_TEXT = 5000;

/** A day as written in a cell: 2023-07-05, 2023/7/5 or 2023年7月5日 → 2023-07-05; null when it is none. */
export function dayFromCell(text: string): string | null {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/u.exec(text.replace(/\s+/gu, ""));
  if (!m) return null;
  const day = `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  return isCalendarDay(day) ? day : null;
}

/** Indicator values from the 指标值 cell: "93" for a measure with one indicator, else "名称：93；名称：1200". */
export function valuesFromCell(text: string, indicators: readonly { id: string; name: string }[]): { values: Record<string, number> } | { problem: string; detail?: Record<string, string> } {
  const values: Record<string, number> = {};
  if (text === "") return { values };
  const number = (raw: string) => {
    const v = raw.replace(/[\s,，]/gu, "").replace(/[%％]$/u, "");
    return /^(\d+(\.\d*)?|\.\d+)$/u.test(v) && Number(v) <= 999_999_999_999 ? Number(v) : null;
  };
  const parts = text.split(/[;；\n]/u).map((p) => p.trim()).filter(Boolean);
  for (const part of parts) {
    const named = /^(.+?)[:：=](.+)$/u.exec(part);
    if (!named && parts.length === 1 && indicators.length === 1) {
      const value = number(part);
      if (value === null) return { problem: "valueNotNumber", detail: { value: part } };
      values[indicators[0].id] = value;
      continue;
    }
    if (!named) return { problem: indicators.length ? "valueNeedsName" : "noIndicators" };
    const indicator = indicators.find((i) => i.name.replace(/\s+/gu, "") === named[1].replace(/\s+/gu, ""));
    if (!indicator) return { problem: "valueUnknownIndicator", detail: { value: named[1] } };
    const value = number(named[2]);
    if (value === null) return { problem: "valueNotNumber", detail: { value: named[2] } };
    values[indicator.id] = value;
  }
  return { values };
}

/** What the matching needs of a plan: its measures with their departments, periods, indicators, and the reports already there. */
async function loadPlanForRows(db: Reader, planId: string) {
  const measures = await db.measure.findMany({
    where: { keyTask: { planId } },
    select: {
      id: true,
      number: true,
      withdrawnAt: true,
      keyTask: { select: { number: true } },
      indicators: { select: { id: true, name: true }, orderBy: { key: "asc" } },
      departments: { select: { departmentId: true, department: { select: { shortName: true, fullName: true, aliases: true } } } },
      periods: { select: { id: true, kind: true, periodStart: true, periodEnd: true, dueDate: true } },
      reports: {
        select: {
          periodId: true,
          departmentId: true,
          state: true,
          progress: true,
          workDone: true,
          problems: true,
          nextSteps: true,
          _count: { select: { values: true, attachments: true, revisions: true } },
        },
      },
    },
  });
  return new Map(measures.map((m) => [`${m.keyTask.number}.${m.number}`, m]));
}

/**
 * Resolves every row of a bulk 补录 against the plan (as of `today`): a row with no problem carries
 * what to write. Two rows for the same department and period are both refused.
 */
export async function resolveBackfillRows(db: Reader, planId: string, rows: readonly SheetRow[], today: string): Promise<ResolvedRow[]> {
  const measures = await loadPlanForRows(db, planId);
  const resolved = rows.map((row): ResolvedRow => {
    const problems: RowProblem[] = [];
    const problem = (column: BackfillColumn, key: string, detail?: Record<string, string>) => problems.push({ line: row.line, column, key, ...(detail ? { detail } : {}) });
    const out: ResolvedRow = { line: row.line, measure: row.measure, department: row.department, period: row.period, submittedOn: row.submittedOn, acceptedOn: row.acceptedOn, progress: row.progress, workDone: row.workDone, problems };

    const measure = measures.get(row.measure.replace(/\s+/gu, "").replace(/^(\d+)[．、](\d+)$/u, "$1.$2"));
    if (row.measure === "") problem("measure", "empty");
    else if (!measure) problem("measure", "measureUnknown", { value: row.measure });
    else if (measure.withdrawnAt) problem("measure", "measureWithdrawn", { value: row.measure });

    const name = row.department.replace(/\s+/gu, "");
    const assignment = measure?.departments.find((d) => d.department.shortName === name || d.department.fullName === name || d.department.aliases.includes(name));
    if (name === "") problem("department", "empty");
    else if (measure && !assignment) problem("department", "departmentNotOnMeasure", { value: row.department, measure: row.measure });

    let period: (PeriodChoice & { periodStart: string }) | null = null;
    if (measure) {
      const choices = measure.periods.map((p) => ({ id: p.id, kind: p.kind, periodStart: isoDay(p.periodStart), periodEnd: isoDay(p.periodEnd), dueDate: isoDay(p.dueDate) }));
      const match = row.period === "" ? { problem: "empty" as const } : matchPeriod(row.period, choices);
      if ("problem" in match) problem("period", match.problem, { value: row.period });
      else {
        period = choices.find((c) => c.id === match.period.id)!;
        out.period = periodLabel(period);
      }
    } else if (row.period === "") problem("period", "empty");

    const submittedOn = dayFromCell(row.submittedOn);
    const acceptedOn = row.acceptedOn === "" ? null : dayFromCell(row.acceptedOn);
    if (!submittedOn) problem("submittedOn", row.submittedOn === "" ? "empty" : "dateInvalid", { value: row.submittedOn });
    if (row.acceptedOn !== "" && !acceptedOn) problem("acceptedOn", "dateInvalid", { value: row.acceptedOn });
    if (period && submittedOn && (row.acceptedOn === "" || acceptedOn)) {
      const bad = backfillDateProblem(period, submittedOn, acceptedOn, today);
      if (bad) problem(bad.startsWith("accepted") ? "acceptedOn" : bad === "periodNotEnded" ? "period" : "submittedOn", bad, { start: period.periodStart, end: period.periodEnd });
    }
    if (submittedOn) out.submittedOn = submittedOn;
    out.acceptedOn = acceptedOn ?? (submittedOn && row.acceptedOn === "" ? submittedOn : row.acceptedOn);

    const rating = RATINGS[row.progress.replace(/\s+/gu, "")];
    if (!rating) problem("progress", row.progress === "" ? "empty" : "progressUnknown", { value: row.progress });
    if (row.workDone === "") problem("workDone", "empty");
    for (const key of ["workDone", "problems", "nextSteps"] as const) if (row[key].length > MAX_TEXT) problem(key, "textTooLong", { value: String(MAX_TEXT) });

    let values: Record<string, number> = {};
    if (measure) {
      const parsed = valuesFromCell(row.values, measure.indicators);
      if ("problem" in parsed) problem("values", parsed.problem, parsed.detail);
      else values = parsed.values;
    }

    if (measure && assignment && period) {
      const existing = measure.reports.find((r) => r.periodId === period!.id && r.departmentId === assignment.departmentId);
      if (existing && ownReportInTheWay({ ...existing, values: existing._count.values, attachments: existing._count.attachments, revisions: existing._count.revisions })) {
        problem("department", "ownReportExists", { value: assignment.department.shortName });
      }
    }
    if (problems.length === 0 && measure && assignment && period && submittedOn && rating) {
      out.department = assignment.department.shortName;
      out.write = {
        line: row.line,
        periodId: period.id,
        departmentId: assignment.departmentId,
        submittedOn,
        acceptedOn,
        progress: rating,
        workDone: row.workDone,
        problems: row.problems,
        nextSteps: row.nextSteps,
        values,
      };
    }
    return out;
  });
  // The same department and period twice: which one is meant is not for us to guess.
  const seen = new Map<string, ResolvedRow>();
  for (const r of resolved) {
    if (!r.write) continue;
    const key = `${r.write.periodId}:${r.write.departmentId}`;
    const first = seen.get(key);
    if (first) {
      for (const x of [first, r]) {
        if (x.problems.some((p) => p.key === "duplicateRow")) continue;
        x.problems.push({ line: x.line, column: "period", key: "duplicateRow", detail: { value: String(x === first ? r.line : first.line) } });
        delete x.write;
      }
    } else seen.set(key, r);
  }
  return resolved;
}
