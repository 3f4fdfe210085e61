import "server-only";
import { db } from "@/server/db";
import { isoDay, todayInChina } from "@/lib/due";
import type { ScheduleKind } from "@/lib/schedule";
import { awaitsConfirmation, type PeriodKind } from "@/lib/periods";
import { currentPlan, type PlanStatus } from "@/lib/plan-lifecycle";

export interface PlanSummary {
  id: string;
  code: string;
  title: string;
  issuer: string;
  startYear: number;
  endYear: number;
  status: PlanStatus;
}

const planSelect = { id: true, code: true, title: true, issuer: true, startYear: true, endYear: true, status: true } as const;

/** Every plan, in the switcher's order: running, ended, drafts, archived; the most recent first within each. */
export async function listPlans(): Promise<PlanSummary[]> {
  const plans = await db.plan.findMany({ select: planSelect, orderBy: [{ startYear: "desc" }, { createdAt: "desc" }] });
  const rank = { ACTIVE: 0, ENDED: 1, DRAFT: 2, ARCHIVED: 3 } as const;
  return plans.sort((a, b) => rank[a.status] - rank[b.status]);
}

/** One plan by id, or null. */
export function getPlan(id: string): Promise<PlanSummary | null> {
  return db.plan.findUnique({ where: { id }, select: planSelect });
}

/** One plan by the code in its address (/plans/<code>/…), or null. */
export function getPlanByCode(code: string): Promise<PlanSummary | null> {
  return db.plan.findUnique({ where: { code }, select: planSelect });
}

/** The plan that plan-less addresses lead to (src/lib/plan-lifecycle.ts `currentPlan`), or null when there is none. */
export async function getCurrentPlan(): Promise<PlanSummary | null> {
  return currentPlan(await listPlans());
}

export interface MeasureDepartmentRow {
  id: string;
  shortName: string;
  isLead: boolean;
  /** 共同牵头: supplies its own report, which counts like the lead's (decision 021). */
  isJointLead: boolean;
  /** Added to the running measure on this day: owes only the periods that end on or after it (decision 031). */
  startsOn: string | null;
}

export interface MeasureRow {
  id: string;
  number: number;
  /** The wording in force: 现行表述 when an administrator set one, else the text as issued. */
  text: string;
  /** 撤销: the day (YYYY-MM-DD, China) and reason; null while the measure stands. */
  withdrawn: { on: string; reason: string } | null;
  timeArrangement: string;
  scheduleKind: ScheduleKind | null;
  dueDates: string[];
  reportsQuarterly: boolean;
  /** 已销号 / 常态化 since (YYYY-MM-DD, China); null while not. */
  closedOn: string | null;
  normalizedOn: string | null;
  /** Its reporting periods with their due dates (截止日期), for the next one it owes (nextDue). */
  periods: { kind: PeriodKind; periodEnd: string; dueDate: string }[];
  departments: MeasureDepartmentRow[];
  /** 待确认: a deadline before the plan start that no administrator has confirmed; it owes nothing yet (decision 020). */
  awaitsConfirmation: boolean;
}

export interface KeyTaskRow {
  id: string;
  number: number;
  title: string;
  version: number;
  withdrawn: { on: string; reason: string } | null;
  measures: MeasureRow[];
}

const measureSelect = {
  id: true,
  number: true,
  text: true,
  currentText: true,
  withdrawnAt: true,
  withdrawnReason: true,
  timeArrangement: true,
  scheduleKind: true,
  dueDates: true,
  reportsQuarterly: true,
  closedAt: true,
  normalizedAt: true,
  scheduleFlags: true,
  deadlineConfirmed: true,
  periods: { select: { kind: true, periodEnd: true, dueDate: true } },
  departments: {
    select: { isLead: true, isJointLead: true, startsOn: true, department: { select: { id: true, shortName: true } } },
    orderBy: [{ isLead: "desc" as const }, { isJointLead: "desc" as const }, { sortOrder: "asc" as const }],
  },
};

type MeasureRecord = {
  id: string;
  number: number;
  text: string;
  currentText: string | null;
  withdrawnAt: Date | null;
  withdrawnReason: string | null;
  timeArrangement: string;
  scheduleKind: ScheduleKind | null;
  dueDates: Date[];
  reportsQuarterly: boolean;
  closedAt: Date | null;
  normalizedAt: Date | null;
  scheduleFlags: string[];
  deadlineConfirmed: boolean;
  periods: { kind: PeriodKind; periodEnd: Date; dueDate: Date }[];
  departments: { isLead: boolean; isJointLead: boolean; startsOn: Date | null; department: { id: string; shortName: string } }[];
};

const withdrawal = (at: Date | null, reason: string | null) => (at ? { on: todayInChina(at), reason: reason ?? "" } : null);

function toMeasureRow(m: MeasureRecord): MeasureRow {
  return {
    id: m.id,
    number: m.number,
    text: m.currentText ?? m.text,
    withdrawn: withdrawal(m.withdrawnAt, m.withdrawnReason),
    timeArrangement: m.timeArrangement,
    scheduleKind: m.scheduleKind,
    dueDates: m.dueDates.map(isoDay),
    reportsQuarterly: m.reportsQuarterly,
    closedOn: m.closedAt ? todayInChina(m.closedAt) : null,
    normalizedOn: m.normalizedAt ? todayInChina(m.normalizedAt) : null,
    periods: m.periods.map((p) => ({ kind: p.kind, periodEnd: isoDay(p.periodEnd), dueDate: isoDay(p.dueDate) })),
    departments: m.departments.map((d) => ({ id: d.department.id, shortName: d.department.shortName, isLead: d.isLead, isJointLead: d.isJointLead, startsOn: d.startsOn ? isoDay(d.startsOn) : null })),
    awaitsConfirmation: awaitsConfirmation(m),
  };
}

/**
 * The plan's key tasks with their measures, optionally only one task and/or the measures one
 * department carries. Withdrawn (撤销) key tasks and measures only with `includeWithdrawn` (the
 * administrators' structure page).
 */
export async function getPlanTasks(planId: string, filters: { departmentId?: string; taskNumber?: number; includeWithdrawn?: boolean } = {}): Promise<KeyTaskRow[]> {
  const standing = filters.includeWithdrawn ? {} : { withdrawnAt: null };
  const measureWhere = { ...standing, ...(filters.departmentId ? { departments: { some: { departmentId: filters.departmentId } } } : {}) };
  const tasks = await db.keyTask.findMany({
    where: { planId, ...standing, ...(filters.taskNumber ? { number: filters.taskNumber } : {}) },
    orderBy: { number: "asc" },
    select: {
      id: true,
      number: true,
      title: true,
      version: true,
      withdrawnAt: true,
      withdrawnReason: true,
      measures: { where: measureWhere, orderBy: { number: "asc" }, select: measureSelect },
    },
  });
  return tasks
    .map((t) => ({ id: t.id, number: t.number, title: t.title, version: t.version, withdrawn: withdrawal(t.withdrawnAt, t.withdrawnReason), measures: t.measures.map(toMeasureRow) }))
    .filter((t) => !filters.departmentId || t.measures.length > 0);
}

/** Counts shown at the top of the plan overview, computed in SQL. */
export async function getPlanCounts(planId: string) {
  const [keyTasks, measures, unscheduled, departments] = await Promise.all([
    db.keyTask.count({ where: { planId, withdrawnAt: null } }),
    db.measure.count({ where: { keyTask: { planId }, withdrawnAt: null } }),
    db.measure.count({ where: { keyTask: { planId }, scheduleKind: null, withdrawnAt: null } }),
    db.department.count({ where: { measures: { some: { measure: { keyTask: { planId }, withdrawnAt: null } } } } }),
  ]);
  return { keyTasks, measures, unscheduled, departments };
}

export interface DepartmentSummary {
  id: string;
  shortName: string;
  fullName: string;
  aliases: string[];
  /** 市直部门 (CITY) or 县市区 (COUNTY). */
  kind: "CITY" | "COUNTY";
}

/** All departments in their official order. */
export function listDepartments(): Promise<DepartmentSummary[]> {
  return db.department.findMany({
    orderBy: [{ sortOrder: "asc" }, { shortName: "asc" }],
    select: { id: true, shortName: true, fullName: true, aliases: true, kind: true },
  });
}

/** One department, or null. */
export function getDepartment(id: string): Promise<DepartmentSummary | null> {
  return db.department.findUnique({ where: { id }, select: { id: true, shortName: true, fullName: true, aliases: true, kind: true } });
}

export interface MeasureDetail extends MeasureRow {
  version: number;
  /** 原文: the text as issued, never edited. */
  issuedText: string;
  /** 现行表述 when an administrator changed the wording; null while it is the text as issued. */
  currentText: string | null;
  departmentsText: string;
  departmentsInferred: boolean;
  departmentsOpenList: boolean;
  scheduleError: string | null;
  scheduleStart: string | null;
  deadline: string | null;
  deliverable: string | null;
  scheduleFlags: string[];
  keyTask: { id: string; number: number; title: string };
  plan: PlanSummary;
  indicators: IndicatorRow[];
}

export interface IndicatorRow {
  id: string;
  name: string;
  unit: string;
  comparison: "GTE" | "LTE" | "EQ";
  /** The number to reach (a trend's: the change in %); null for a direction only. */
  target: string | null;
  period: "YEAR" | "PLAN" | "CYCLE";
  direction: "DECREASE" | "INCREASE" | null;
  baseline: string | null;
  sourceText: string;
  /** 待确认 while false: proposed by the parser and not yet confirmed by an administrator. */
  confirmed: boolean;
  version: number;
}

/** Everything the measure page shows, or null. */
export async function getMeasure(id: string): Promise<MeasureDetail | null> {
  const m = await db.measure.findUnique({
    where: { id },
    select: {
      ...measureSelect,
      version: true,
      currentText: true,
      departmentsText: true,
      departmentsInferred: true,
      departmentsOpenList: true,
      scheduleError: true,
      scheduleStart: true,
      deadline: true,
      deliverable: true,
      scheduleFlags: true,
      keyTask: { select: { id: true, number: true, title: true, plan: { select: planSelect } } },
      indicators: {
        orderBy: { key: "asc" },
        select: { id: true, name: true, unit: true, comparison: true, target: true, period: true, direction: true, baseline: true, sourceText: true, confirmedAt: true, version: true },
      },
    },
  });
  if (!m) return null;
  return {
    ...toMeasureRow(m),
    version: m.version,
    currentText: m.currentText,
    departmentsText: m.departmentsText,
    departmentsInferred: m.departmentsInferred,
    departmentsOpenList: m.departmentsOpenList,
    scheduleError: m.scheduleError,
    scheduleStart: m.scheduleStart ? isoDay(m.scheduleStart) : null,
    deadline: m.deadline ? isoDay(m.deadline) : null,
    deliverable: m.deliverable,
    scheduleFlags: m.scheduleFlags,
    keyTask: { id: m.keyTask.id, number: m.keyTask.number, title: m.keyTask.title },
    plan: m.keyTask.plan,
    issuedText: m.text,
    indicators: m.indicators.map(({ confirmedAt, ...i }) => ({ ...i, target: i.target?.toString() ?? null, baseline: i.baseline?.toString() ?? null, confirmed: confirmedAt !== null })),
  };
}

export interface DepartmentMeasure extends MeasureRow {
  keyTask: { number: number; title: string };
  plan: { id: string; title: string; startYear: number; endYear: number };
}

/** The measures a department carries, in plan order; the caller splits them into led and supported. */
export async function getDepartmentMeasures(departmentId: string): Promise<DepartmentMeasure[]> {
  const rows = await db.measure.findMany({
    where: { departments: { some: { departmentId } } },
    orderBy: [{ keyTask: { plan: { startYear: "desc" } } }, { keyTask: { number: "asc" } }, { number: "asc" }],
    select: {
      ...measureSelect,
      keyTask: { select: { number: true, title: true, plan: { select: { id: true, title: true, startYear: true, endYear: true } } } },
    },
  });
  return rows.map((m) => ({ ...toMeasureRow(m), keyTask: { number: m.keyTask.number, title: m.keyTask.title }, plan: m.keyTask.plan }));
}

/** Measures an administrator should look at: schedule not understood, or flagged. */
export function listScheduleIssues() {
  return db.measure.findMany({
    where: { OR: [{ scheduleKind: null }, { scheduleFlags: { isEmpty: false } }] },
    orderBy: [{ keyTask: { number: "asc" } }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      timeArrangement: true,
      scheduleError: true,
      scheduleFlags: true,
      keyTask: { select: { number: true, plan: { select: { title: true } } } },
    },
  });
}
