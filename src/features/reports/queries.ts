import "server-only";
import { db } from "@/server/db";
import { dayToDate, departmentDueDate, isoDay } from "@/lib/due";
import { periodLabel } from "@/lib/periods";
import { byUrgency, urgencyOf, type Urgency } from "@/lib/urgency";

export interface WorklistItem {
  periodId: string;
  measureId: string;
  number: string;
  measureText: string;
  period: string;
  dueDate: string;
  originalDueDate: string;
  isLead: boolean;
  state: "DRAFT" | "RETURNED" | null;
  urgency: Urgency;
}

/**
 * 我的填报: every measure × period of the department that has started and has no
 * submitted or accepted report, most urgent first.
 */
export async function getWorklist(departmentId: string, today: string, locale: string): Promise<WorklistItem[]> {
  const todayDate = dayToDate(today);
  const [periods, reports] = await Promise.all([
    db.reportingPeriod.findMany({
      where: { periodStart: { lte: todayDate }, measure: { departments: { some: { departmentId } } } },
      select: {
        id: true,
        kind: true,
        periodEnd: true,
        dueDate: true,
        originalDueDate: true,
        departmentDues: { where: { departmentId }, select: { dueDate: true } },
        measure: {
          select: {
            id: true,
            number: true,
            text: true,
            keyTask: { select: { number: true } },
            departments: { where: { departmentId }, select: { isLead: true } },
          },
        },
      },
    }),
    db.progressReport.findMany({ where: { departmentId }, select: { periodId: true, state: true } }),
  ]);
  const stateOf = new Map(reports.map((r) => [r.periodId, r.state]));
  const items: WorklistItem[] = [];
  for (const p of periods) {
    const state = stateOf.get(p.id) ?? null;
    if (state === "SUBMITTED" || state === "ACCEPTED") continue;
    const dueDate = isoDay(departmentDueDate(p.dueDate, p.departmentDues[0]?.dueDate));
    items.push({
      periodId: p.id,
      measureId: p.measure.id,
      number: `${p.measure.keyTask.number}.${p.measure.number}`,
      measureText: p.measure.text,
      period: periodLabel({ kind: p.kind, periodEnd: isoDay(p.periodEnd) }, locale),
      dueDate,
      originalDueDate: isoDay(p.originalDueDate),
      isLead: p.measure.departments[0]?.isLead ?? false,
      state,
      urgency: urgencyOf({ dueDate, state }, today),
    });
  }
  return items.sort(byUrgency);
}

const reportSelect = {
  id: true,
  departmentId: true,
  isLead: true,
  state: true,
  progress: true,
  workDone: true,
  problems: true,
  nextSteps: true,
  submittedAt: true,
  reviewedAt: true,
  returnReason: true,
  version: true,
  department: { select: { shortName: true } },
  values: { select: { indicatorId: true, value: true } },
  attachments: { where: { removedAt: null }, select: { id: true, originalName: true, size: true, mimeType: true }, orderBy: { createdAt: "asc" as const } },
  revisions: { select: { id: true, number: true, event: true, reason: true, at: true, snapshot: true }, orderBy: { number: "desc" as const } },
};

/** A period with its measure, every department's report, and the extension requests. */
export async function getPeriodDetail(periodId: string) {
  const period = await db.reportingPeriod.findUnique({
    where: { id: periodId },
    select: {
      id: true,
      kind: true,
      periodStart: true,
      periodEnd: true,
      dueDate: true,
      originalDueDate: true,
      measure: {
        select: {
          id: true,
          number: true,
          text: true,
          keyTask: { select: { number: true, title: true } },
          indicators: { select: { id: true, name: true, unit: true }, orderBy: { key: "asc" } },
          departments: { select: { departmentId: true, isLead: true, department: { select: { shortName: true } } }, orderBy: [{ isLead: "desc" }, { sortOrder: "asc" }] },
        },
      },
      reports: { select: reportSelect },
      departmentDues: { select: { departmentId: true, dueDate: true } },
      extensions: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          departmentId: true,
          state: true,
          currentDueDate: true,
          requestedDueDate: true,
          reason: true,
          decisionNote: true,
          createdAt: true,
          department: { select: { shortName: true } },
        },
      },
    },
  });
  if (!period) return null;
  const { departmentDues, ...rest } = period;
  const dueOf = (departmentId: string) => isoDay(departmentDueDate(period.dueDate, departmentDues.find((d) => d.departmentId === departmentId)?.dueDate));
  return {
    ...rest,
    /** Each carrying department's due date for this period (its own extension applied). */
    departmentDueDates: Object.fromEntries(period.measure.departments.map((a) => [a.departmentId, dueOf(a.departmentId)])) as Record<string, string>,
    periodStart: isoDay(period.periodStart),
    periodEnd: isoDay(period.periodEnd),
    dueDate: isoDay(period.dueDate),
    originalDueDate: isoDay(period.originalDueDate),
    reports: period.reports.map((r) => ({ ...r, values: r.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toString() })) })),
    extensions: period.extensions.map((e) => ({ ...e, currentDueDate: isoDay(e.currentDueDate), requestedDueDate: isoDay(e.requestedDueDate) })),
  };
}

export type PeriodDetail = NonNullable<Awaited<ReturnType<typeof getPeriodDetail>>>;
export type ReportDetail = PeriodDetail["reports"][number];

export const REVIEW_PAGE_SIZE = 50;

/** 审核队列: submitted reports, oldest first, optionally for one department, key task or quarter end; one page and the total. */
export async function getReviewQueue(filters: { departmentId?: string; taskNumber?: number; periodEnd?: string; page?: number }) {
  const where = {
      ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
      ...(filters.taskNumber ? { measure: { keyTask: { number: filters.taskNumber } } } : {}),
      ...(filters.periodEnd ? { period: { periodEnd: dayToDate(filters.periodEnd) } } : {}),
  } as const;
  const [rows, total] = await Promise.all([
    db.progressReport.findMany({
    where: { ...where, state: "SUBMITTED" },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
    skip: ((filters.page ?? 1) - 1) * REVIEW_PAGE_SIZE,
    take: REVIEW_PAGE_SIZE,
    select: {
      id: true,
      isLead: true,
      submittedAt: true,
      department: { select: { shortName: true } },
      period: { select: { id: true, kind: true, periodEnd: true, dueDate: true } },
      measure: { select: { number: true, text: true, keyTask: { select: { number: true } } } },
    },
    }),
    db.progressReport.count({ where: { ...where, state: "SUBMITTED" } }),
  ]);
  return { rows, total };
}

/** Pending extension requests, oldest first. */
export function getPendingExtensions() {
  return db.extensionRequest.findMany({
    where: { state: "PENDING" },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      reason: true,
      createdAt: true,
      currentDueDate: true,
      requestedDueDate: true,
      department: { select: { shortName: true } },
      period: { select: { id: true, kind: true, periodEnd: true, originalDueDate: true, measure: { select: { number: true, text: true, keyTask: { select: { number: true } } } } } },
    },
  });
}

/** A measure's periods with each department's report state, and its leaders' instructions. */
export async function getMeasureProgress(measureId: string) {
  const [periods, instructions] = await Promise.all([
    db.reportingPeriod.findMany({
      where: { measureId },
      orderBy: [{ dueDate: "asc" }, { kind: "asc" }],
      select: {
        id: true,
        kind: true,
        periodEnd: true,
        dueDate: true,
        originalDueDate: true,
        reports: { select: { state: true, isLead: true, department: { select: { shortName: true } } } },
        // The measure's due date is its lead department's.
        departmentDues: { where: { department: { measures: { some: { measureId, isLead: true } } } }, select: { dueDate: true } },
      },
    }),
    db.leaderInstruction.findMany({
      where: { measureId },
      orderBy: { createdAt: "desc" },
      select: { id: true, text: true, createdAt: true, author: { select: { displayName: true } } },
    }),
  ]);
  return {
    periods: periods.map(({ departmentDues, ...p }) => ({
      ...p,
      periodEnd: isoDay(p.periodEnd),
      dueDate: isoDay(departmentDueDate(p.dueDate, departmentDues[0]?.dueDate)),
      originalDueDate: isoDay(p.originalDueDate),
    })),
    instructions,
  };
}

/** Instructions on the measures a department leads, newest first. */
export function getInstructionsForLead(departmentId: string) {
  return db.leaderInstruction.findMany({
    where: { measure: { departments: { some: { departmentId, isLead: true } } } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      text: true,
      createdAt: true,
      author: { select: { displayName: true } },
      measure: { select: { id: true, number: true, keyTask: { select: { number: true } } } },
    },
  });
}

/** A measure's periods with their versions, for the administrator's due-date editor. */
export async function getMeasurePeriodsForEdit(measureId: string) {
  const periods = await db.reportingPeriod.findMany({
    where: { measureId },
    orderBy: [{ dueDate: "asc" }, { kind: "asc" }],
    select: { id: true, kind: true, periodEnd: true, dueDate: true, originalDueDate: true, version: true },
  });
  return periods.map((p) => ({ ...p, periodEnd: isoDay(p.periodEnd), dueDate: isoDay(p.dueDate), originalDueDate: isoDay(p.originalDueDate) }));
}
