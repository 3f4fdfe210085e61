/**
 * The rules of reports the bureau enters for a department (decision 025): 补录, a past period's
 * report entered afterwards with the day it was really submitted (and accepted), and 代填报, a
 * report entered now on the department's behalf. Pure; days are ISO yyyy-mm-dd.
 */
import { periodLabel, type PeriodKind } from "./periods";

/** Why a 补录's days cannot stand: a key under "backfill" in messages/*.json, or null when they can. */
export type BackfillDateProblem = "periodNotEnded" | "submittedFuture" | "submittedBeforeStart" | "acceptedFuture" | "acceptedBeforeSubmitted";

/**
 * Checks a 补录's days: the period must have ended (a running period is filled in the usual way or
 * by 代填报), the real submission day must lie between the period's first day and today, and the
 * acceptance day (the submission day when not given) between the submission day and today.
 */
export function backfillDateProblem(p: { periodStart: string; periodEnd: string }, submittedOn: string, acceptedOn: string | null, today: string): BackfillDateProblem | null {
  if (p.periodEnd >= today) return "periodNotEnded";
  if (submittedOn > today) return "submittedFuture";
  if (submittedOn < p.periodStart) return "submittedBeforeStart";
  const accepted = acceptedOn ?? submittedOn;
  if (accepted > today) return "acceptedFuture";
  if (accepted < submittedOn) return "acceptedBeforeSubmitted";
  return null;
}

/** What is known of a department's own report when the bureau wants to enter one. */
export interface ExistingReport {
  state: "DRAFT" | "AWAITING_HEAD" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
  progress: string | null;
  workDone: string;
  problems: string;
  nextSteps: string;
  values: number;
  attachments: number;
  revisions: number;
}

/**
 * Whether the department's report stands in the way of the bureau's entry: any report does, except
 * a draft with nothing in it (no rating, text, value or file, never submitted), which the bureau's
 * entry fills. A liaison's words are never overwritten.
 */
export function ownReportInTheWay(existing: ExistingReport | null): boolean {
  if (!existing) return false;
  const empty =
    existing.state === "DRAFT" &&
    existing.progress === null &&
    [existing.workDone, existing.problems, existing.nextSteps].every((t) => t.trim() === "") &&
    existing.values === 0 &&
    existing.attachments === 0 &&
    existing.revisions === 0;
  return !empty;
}

/** Writing a period the way people do in a spreadsheet: "2023年第2季度", "2023年 第二季度", "2023Q2", "2023-06-30". */
const CHINESE_DIGITS: Record<string, string> = { 一: "1", 二: "2", 三: "3", 四: "4", 上: "上", 下: "下" };

/** A period cell reduced to a comparable form: no spaces, Chinese numerals as digits, "Q2" as 第2季度. */
export function normalizePeriodText(text: string): string {
  return text
    .replace(/\s+/gu, "")
    .replace(/[一二三四]/gu, (c) => CHINESE_DIGITS[c])
    .replace(/^(\d{4})[-年]?[Qq](\d)$/u, "$1年第$2季度")
    // A checkpoint: its label says 时间节点; sheets written earlier say 期限 or 节点.
    .replace(/^(\d{4}-\d{2}-\d{2})(期限|节点)$/u, "$1时间节点")
    .replace(/^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`)
    .replace(/^(\d{4})年(\d{1,2})月(\d{1,2})日$/u, (_, y: string, m: string, d: string) => `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`);
}

export interface PeriodChoice {
  id: string;
  kind: PeriodKind;
  periodEnd: string;
  dueDate: string;
}

/**
 * The period a spreadsheet cell names among a measure's periods: by its name (2023年第2季度,
 * 2023年度, 2022-12-31 时间节点) or by a day that is its end or its due date. Null when none or more
 * than one match (a day that ends both a quarter and a deadline is ambiguous: write the name).
 */
export function matchPeriod(text: string, periods: readonly PeriodChoice[]): { period: PeriodChoice } | { problem: "periodUnknown" | "periodAmbiguous" } {
  const wanted = normalizePeriodText(text);
  if (wanted === "") return { problem: "periodUnknown" };
  const byName = periods.filter((p) => normalizePeriodText(periodLabel(p)) === wanted);
  if (byName.length === 1) return { period: byName[0] };
  const byDay = periods.filter((p) => p.periodEnd === wanted || p.dueDate === wanted);
  if (byDay.length === 1) return { period: byDay[0] };
  return { problem: byName.length + byDay.length > 1 ? "periodAmbiguous" : "periodUnknown" };
}
