import "server-only";
import { db } from "@/server/db";
import { dayToDate, departmentDueDate, isoDay, todayInChina } from "@/lib/due";
import { periodOwed } from "@/lib/status";
import { departmentOwesPeriod, periodLabel, type PeriodKind } from "@/lib/periods";
import { byUrgency, urgencyOf, type Urgency } from "@/lib/urgency";
import { can, canAtAll, type Principal } from "@/lib/permissions";
import type { PlanStatus } from "@/lib/plan-lifecycle";
import { pageCountOf, pageParam } from "@/lib/paging";

/*
 * Every query here takes the caller and returns only what the policy
 * (src/lib/permissions.ts) lets them see: nothing at all for a read they may
 * not make, and only their share of a record several departments write to.
 */

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
  /** The period's last day, and the plan it belongs to (我的填报 groups and filters by them). */
  periodEnd: string;
  planCode: string;
  planTitle: string;
  planStatus: PlanStatus;
}

/**
 * 我的填报: every measure × period of the department that has started and has no
 * submitted or accepted report, most urgent first. Empty for a caller who may not read the department's reports.
 */
export async function getWorklist(actor: Principal | null, departmentId: string, today: string, locale: string): Promise<WorklistItem[]> {
  if (!can(actor, "report:read", { departmentId })) return [];
  const todayDate = dayToDate(today);
  const [periods, reports] = await Promise.all([
    db.reportingPeriod.findMany({
      // A withdrawn measure (撤销) or a closed one (已销号) owes nothing more.
      where: { periodStart: { lte: todayDate }, measure: { withdrawnAt: null, closedAt: null, departments: { some: { departmentId } } } },
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
            normalizedAt: true,
            keyTask: { select: { number: true, plan: { select: { code: true, title: true, status: true } } } },
            departments: { where: { departmentId }, select: { isLead: true, startsOn: true } },
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
    // Submitted: with the bureau, or with the department head for sign-off (decision 032).
    if (state === "SUBMITTED" || state === "ACCEPTED" || state === "AWAITING_HEAD") continue;
    // A department added to a running measure owes nothing from before it joined (decision 031).
    const startsOn = p.measure.departments[0]?.startsOn;
    if (!departmentOwesPeriod({ periodEnd: isoDay(p.periodEnd) }, startsOn ? isoDay(startsOn) : null)) continue;
    // 常态化: only each year's last quarter is owed (src/lib/status.ts, the rule the overview replays).
    const normalizedOn = p.measure.normalizedAt ? todayInChina(p.measure.normalizedAt) : null;
    if (!periodOwed({ kind: p.kind, periodEnd: isoDay(p.periodEnd) }, { closedOn: null, normalizedOn }, today)) continue;
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
      periodEnd: isoDay(p.periodEnd),
      planCode: p.measure.keyTask.plan.code,
      planTitle: p.measure.keyTask.plan.title,
      planStatus: p.measure.keyTask.plan.status,
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
  // 补录 / 代填报 (decision 025): how it came in, and who of the bureau entered it when.
  entry: true,
  enteredAt: true,
  enteredBy: { select: { displayName: true } },
  department: { select: { shortName: true } },
  values: { select: { indicatorId: true, value: true } },
  attachments: { where: { removedAt: null }, select: { id: true, originalName: true, size: true, mimeType: true }, orderBy: { createdAt: "asc" as const } },
  revisions: { select: { id: true, number: true, event: true, reason: true, at: true, entry: true, enteredAt: true, snapshot: true }, orderBy: { number: "desc" as const } },
};

/**
 * A period with its measure and the reports and extension requests the caller
 * may read: `measure.departments` lists only the departments whose report the
 * caller may read. Null when the period does not exist or the caller may read
 * nothing on it (answered alike).
 */
export async function getPeriodDetail(actor: Principal | null, periodId: string) {
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
          withdrawnAt: true,
          keyTask: { select: { number: true, title: true, plan: { select: { status: true } } } },
          indicators: { select: { id: true, name: true, unit: true }, orderBy: { key: "asc" } },
          departments: { select: { departmentId: true, isLead: true, isJointLead: true, department: { select: { shortName: true } } }, orderBy: [{ isLead: "desc" }, { isJointLead: "desc" }, { sortOrder: "asc" }] },
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
  const measure = { departments: period.measure.departments };
  const readable = period.measure.departments.filter((d) => can(actor, "report:read", { departmentId: d.departmentId, measure }));
  if (readable.length === 0) return null;
  const readableIds = new Set(readable.map((d) => d.departmentId));
  const dueOf = (departmentId: string) => isoDay(departmentDueDate(period.dueDate, departmentDues.find((d) => d.departmentId === departmentId)?.dueDate));
  return {
    ...rest,
    measure: { ...period.measure, departments: readable },
    /** Each readable department's due date for this period (its own extension applied). */
    departmentDueDates: Object.fromEntries(readable.map((a) => [a.departmentId, dueOf(a.departmentId)])) as Record<string, string>,
    periodStart: isoDay(period.periodStart),
    periodEnd: isoDay(period.periodEnd),
    dueDate: isoDay(period.dueDate),
    originalDueDate: isoDay(period.originalDueDate),
    reports: period.reports.filter((r) => readableIds.has(r.departmentId)).map((r) => ({ ...r, values: r.values.map((v) => ({ indicatorId: v.indicatorId, value: v.value.toString() })) })),
    extensions: period.extensions.filter((e) => can(actor, "extension:read", { departmentId: e.departmentId })).map((e) => ({ ...e, currentDueDate: isoDay(e.currentDueDate), requestedDueDate: isoDay(e.requestedDueDate) })),
  };
}

export type PeriodDetail = NonNullable<Awaited<ReturnType<typeof getPeriodDetail>>>;
export type ReportDetail = PeriodDetail["reports"][number];

/** An evidence file's record, if the caller may read the report it belongs to; null otherwise (and when it does not exist). */
export async function getAttachment(actor: Principal | null, attachmentId: string) {
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      originalName: true,
      storedName: true,
      mimeType: true,
      report: { select: { departmentId: true, measure: { select: { departments: { select: { departmentId: true, isLead: true } } } } } },
    },
  });
  if (!attachment || !can(actor, "report:read", { departmentId: attachment.report.departmentId, measure: attachment.report.measure })) return null;
  return { originalName: attachment.originalName, storedName: attachment.storedName, mimeType: attachment.mimeType };
}

export const REVIEW_PAGE_SIZE = 50;

/**
 * 待审签 (decision 032): the reports of the caller's department awaiting its head's sign-off, oldest
 * submission first. Empty for a caller who may not sign off (anyone but the department's head).
 */
export async function getSignoffQueue(actor: Principal | null) {
  const departmentId = actor?.departmentId ?? null;
  if (!departmentId || !can(actor, "report:signoff", { departmentId })) return [];
  const rows = await db.progressReport.findMany({
    where: { departmentId, state: "AWAITING_HEAD" },
    orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      isLead: true,
      updatedAt: true,
      progress: true,
      period: { select: { id: true, kind: true, periodEnd: true, dueDate: true, departmentDues: { where: { departmentId }, select: { dueDate: true } } } },
      measure: { select: { number: true, text: true, keyTask: { select: { number: true } } } },
      // When the liaison submitted it: the latest submission to the head.
      revisions: { where: { event: "SUBMITTED_TO_HEAD" }, orderBy: { number: "desc" }, take: 1, select: { at: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    isLead: r.isLead,
    progress: r.progress,
    submittedToHeadAt: r.revisions[0]?.at ?? r.updatedAt,
    periodId: r.period.id,
    period: { kind: r.period.kind, periodEnd: isoDay(r.period.periodEnd) },
    dueDate: isoDay(departmentDueDate(r.period.dueDate, r.period.departmentDues[0]?.dueDate)),
    number: `${r.measure.keyTask.number}.${r.measure.number}`,
    measureText: r.measure.text,
  }));
}

/** 审核队列: submitted reports, oldest first, optionally for one department, key task or quarter end; one page and the total. Empty for a caller who may not review. */
export async function getReviewQueue(actor: Principal | null, filters: { departmentId?: string; keyTaskId?: string; period?: { kind: PeriodKind; periodEnd: string }; page?: number }) {
  if (!can(actor, "report:review")) return { rows: [], total: 0 };
  const where = {
      ...(filters.departmentId ? { departmentId: filters.departmentId } : {}),
      ...(filters.keyTaskId ? { measure: { keyTaskId: filters.keyTaskId } } : {}),
      ...(filters.period ? { period: { kind: filters.period.kind, periodEnd: dayToDate(filters.period.periodEnd) } } : {}),
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
      entry: true,
      enteredBy: { select: { displayName: true } },
      department: { select: { shortName: true } },
      period: { select: { id: true, kind: true, periodEnd: true, dueDate: true } },
      measure: { select: { number: true, text: true, keyTask: { select: { number: true } } } },
    },
    }),
    db.progressReport.count({ where: { ...where, state: "SUBMITTED" } }),
  ]);
  return { rows, total };
}

/**
 * What the review queue can be filtered by: the key tasks and the periods (quarters, deadlines,
 * years…) that have reports awaiting review, each once, in order. Offering only these keeps the
 * lists short and never offers a filter that shows nothing.
 */
export async function getReviewQueueFacets(actor: Principal | null) {
  if (!can(actor, "report:review")) return { keyTasks: [], periods: [] };
  const [periods, keyTasks] = await Promise.all([
    db.reportingPeriod.findMany({
      where: { reports: { some: { state: "SUBMITTED" } } },
      distinct: ["kind", "periodEnd"],
      orderBy: [{ periodEnd: "desc" }, { kind: "asc" }],
      select: { kind: true, periodEnd: true },
    }),
    db.keyTask.findMany({
      where: { measures: { some: { reports: { some: { state: "SUBMITTED" } } } } },
      orderBy: [{ plan: { startYear: "desc" } }, { number: "asc" }],
      select: { id: true, number: true, title: true, plan: { select: { title: true } } },
    }),
  ]);
  return { keyTasks, periods: periods.map((p) => ({ kind: p.kind, periodEnd: isoDay(p.periodEnd) })) };
}

/** Pending extension requests, oldest first; empty for a caller who may not decide them. */
export async function getPendingExtensions(actor: Principal | null) {
  if (!can(actor, "extension:decide")) return [];
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

/** Decided extension requests (approved or rejected), latest decision first, one page at a time, with who decided. */
export async function getDecidedExtensions(actor: Principal | null, pageValue: unknown, pageSize: number) {
  if (!can(actor, "extension:decide")) return { total: 0, page: 1, rows: [] };
  const where = { state: { in: ["APPROVED" as const, "REJECTED" as const] } };
  const total = await db.extensionRequest.count({ where });
  const page = pageParam(pageValue, pageCountOf(total, pageSize));
  const [rows] = await Promise.all([
    db.extensionRequest.findMany({
      where,
      orderBy: [{ decidedAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        reason: true,
        state: true,
        decidedAt: true,
        decidedById: true,
        decisionNote: true,
        currentDueDate: true,
        requestedDueDate: true,
        department: { select: { shortName: true } },
        period: { select: { id: true, kind: true, periodEnd: true, measure: { select: { number: true, keyTask: { select: { number: true } } } } } },
      },
    }),
  ]);
  const deciders = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.decidedById).filter((id): id is string => id !== null))] } }, select: { id: true, displayName: true } });
  const nameOf = new Map(deciders.map((u) => [u.id, u.displayName]));
  return { total, page, rows: rows.map((r) => ({ ...r, decidedBy: r.decidedById ? (nameOf.get(r.decidedById) ?? null) : null })) };
}

const instructionSelect = {
  id: true,
  text: true,
  createdAt: true,
  state: true,
  deadline: true,
  reply: true,
  repliedAt: true,
  returnReason: true,
  closedAt: true,
  version: true,
  department: { select: { id: true, shortName: true } },
  author: { select: { displayName: true } },
  measure: { select: { id: true, number: true, keyTask: { select: { number: true } }, departments: { select: { departmentId: true, isLead: true } } } },
} as const;

/**
 * A measure's periods with the report states the caller may read (null when
 * they may read no report on the measure), and the leaders' instructions (null
 * unless the caller may read them: administrators, leaders, the departments on the measure).
 */
export async function getMeasureProgress(actor: Principal | null, measureId: string) {
  const departments = await db.measureDepartment.findMany({ where: { measureId }, select: { departmentId: true, isLead: true } });
  const measure = { departments };
  const readable = new Set(departments.filter((d) => can(actor, "report:read", { departmentId: d.departmentId, measure })).map((d) => d.departmentId));
  const [periods, instructions] = await Promise.all([
    readable.size
      ? db.reportingPeriod.findMany({
          where: { measureId },
          orderBy: [{ dueDate: "asc" }, { kind: "asc" }],
          select: {
            id: true,
            kind: true,
            periodStart: true,
            periodEnd: true,
            dueDate: true,
            originalDueDate: true,
            reports: { where: { departmentId: { in: [...readable] } }, select: { state: true, isLead: true, entry: true, department: { select: { id: true, shortName: true } } } },
            // The measure's due date is its lead department's.
            departmentDues: { where: { department: { measures: { some: { measureId, isLead: true } } } }, select: { dueDate: true } },
          },
        })
      : null,
    // All of the measure's for those who read them; else only those assigned to the caller's own department.
    can(actor, "instruction:read", { measure }) || canAtAll(actor, "instruction:read")
      ? db.leaderInstruction.findMany({ where: { measureId }, orderBy: { createdAt: "desc" }, select: instructionSelect })
      : null,
  ]);
  const readableInstructions = instructions?.filter((i) => can(actor, "instruction:read", { departmentId: i.department?.id ?? null, measure })) ?? [];
  return {
    periods:
      periods?.map(({ departmentDues, ...p }) => ({
        ...p,
        periodStart: isoDay(p.periodStart),
        periodEnd: isoDay(p.periodEnd),
        dueDate: isoDay(departmentDueDate(p.dueDate, departmentDues[0]?.dueDate)),
        originalDueDate: isoDay(p.originalDueDate),
      })) ?? null,
    instructions: can(actor, "instruction:read", { measure }) || readableInstructions.length ? readableInstructions : null,
  };
}

/**
 * Instructions assigned to a department, and those on the measures it carries (leads or supports),
 * open ones first, then newest first, as the caller may read them; empty for a caller who may not
 * open the department.
 */
export async function getDepartmentInstructions(actor: Principal | null, departmentId: string) {
  if (!can(actor, "department:read", { departmentId })) return [];
  const instructions = await db.leaderInstruction.findMany({
    where: { OR: [{ departmentId }, { measure: { departments: { some: { departmentId } } } }] },
    orderBy: [{ createdAt: "desc" }],
    take: 50,
    select: instructionSelect,
  });
  const open = (i: { state: string }) => (i.state === "CLOSED" ? 1 : 0);
  return instructions
    .filter((i) => can(actor, "instruction:read", { departmentId: i.department?.id ?? null, measure: i.measure }))
    .sort((a, b) => open(a) - open(b))
    .slice(0, 20);
}

/** A plan's instructions not yet closed (待交办, 已交办, 已报落实情况), oldest deadline first; for the leader overview. Empty for a caller who may not read them all. */
export async function getOpenInstructions(actor: Principal | null, planId: string) {
  if (!can(actor, "instruction:read", { measure: { departments: [] } })) return [];
  const rows = await db.leaderInstruction.findMany({
    where: { state: { not: "CLOSED" }, measure: { keyTask: { planId } } },
    orderBy: [{ deadline: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 50,
    select: instructionSelect,
  });
  return rows.map((r) => ({ ...r, deadline: r.deadline ? isoDay(r.deadline) : null }));
}

/** A measure's periods with their versions, for the administrator's due-date editor; empty for anybody else. */
export async function getMeasurePeriodsForEdit(actor: Principal | null, measureId: string) {
  if (!can(actor, "measure:manage")) return [];
  const periods = await db.reportingPeriod.findMany({
    where: { measureId },
    orderBy: [{ dueDate: "asc" }, { kind: "asc" }],
    select: { id: true, kind: true, periodEnd: true, dueDate: true, originalDueDate: true, version: true },
  });
  return periods.map((p) => ({ ...p, periodEnd: isoDay(p.periodEnd), dueDate: isoDay(p.dueDate), originalDueDate: isoDay(p.originalDueDate) }));
}
