/**
 * Escalations to a department's head and its 分管领导 (decision 032): which conditions escalate, and
 * how the scan turns the conditions of today into occurrences told once. Pure.
 */
import { answeredBy, noticeColourOn, type NoticeTiming } from "./notices";
import type { Light, ProgressState } from "./status";
import type { WorkingCalendar } from "./working-days";

export type EscalationKind = "PROGRESS_RED" | "NOTICE_RED" | "INSTRUCTION_OVERDUE";

/** One condition that escalates: what it is about and the department it reaches the head and 分管领导 of. */
export interface EscalationKey {
  kind: EscalationKind;
  subjectId: string;
  departmentId: string;
}

/** A measure's 进度 light escalates when it is red (a missed deadline or far behind); a closed measure never does. */
export function progressEscalates(progress: { light: Light; state: ProgressState }): boolean {
  return progress.light === "RED" && progress.state !== "CLOSED";
}

/** A notice escalates while it is red on `day` (issued red, or risen to red past its limit) and not answered. */
export function noticeEscalates(notice: NoticeTiming, day: string, calendar: WorkingCalendar): boolean {
  return !answeredBy(notice, day) && noticeColourOn(notice, day, calendar).colour === "RED";
}

/** An instruction escalates while it is assigned (交办) and its deadline has passed without a reply. */
export function instructionEscalates(instruction: { state: "PENDING" | "ASSIGNED" | "REPLIED" | "CLOSED"; deadline: string | null }, day: string): boolean {
  return instruction.state === "ASSIGNED" && instruction.deadline !== null && instruction.deadline < day;
}

const keyOf = (k: EscalationKey) => `${k.kind}:${k.subjectId}:${k.departmentId}`;

/**
 * What the scan does with today's conditions: open (and tell) those without an open occurrence, and
 * close the open occurrences whose condition has ended — so a condition that lasts is told once, and
 * one that ends and begins again is told again.
 */
export function escalationChanges<T extends EscalationKey & { id: string }>(current: readonly EscalationKey[], open: readonly T[]): { toOpen: EscalationKey[]; toClose: T[] } {
  const now = new Set(current.map(keyOf));
  const already = new Set(open.map(keyOf));
  const toOpen: EscalationKey[] = [];
  const seen = new Set<string>();
  for (const k of current) {
    const key = keyOf(k);
    if (already.has(key) || seen.has(key)) continue;
    seen.add(key);
    toOpen.push(k);
  }
  return { toOpen, toClose: open.filter((o) => !now.has(keyOf(o))) };
}
