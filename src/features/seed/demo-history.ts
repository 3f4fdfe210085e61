/**
 * 演示数据 (decision 030): a demonstration history for the embedded mode's first start, so that a
 * newcomer's overview looks like a plan that ran, not like a plan nobody reported on.
 *
 * `generateDemoHistory` is pure and deterministic (a seeded generator, never Math.random): given the
 * plans' structure and a day it returns the rows of five years of reporting, with a realistic mixture
 * of outcomes — most reports on time and accepted, some late, some returned and resubmitted, a few
 * missing, 存在困难 now and then, indicator values moving toward their targets (some behind), a few
 * extensions approved or rejected, leaders' instructions through 交办 → 落实情况 → 办结, 督办单 and
 * measures closed (办结销号). The rows carry their historical timestamps the way the app writes them
 * (a revision's `at`, a report's submittedAt/reviewedAt), so the overview replays them through its
 * ordinary path (src/features/dashboard/queries.ts, history.ts).
 *
 * `insertDemoHistory` writes them in one transaction with bulk inserts, lists every row in
 * `DemoData` so that one transaction removes exactly them (src/features/demo/mutations.ts), and
 * refuses outside the embedded mode.
 */
import type { PrismaClient } from "@/generated/prisma/client";
import { Role } from "@/generated/prisma/enums";
import { recordAuditEvent } from "@/features/audit/record-audit-event";
import { todayInChina, isoDay, daysBetween } from "@/lib/due";
import { addDays, periodLabel, type PeriodKind } from "@/lib/periods";
import { elapsedShare } from "@/lib/status";
import { RuleError } from "@/lib/rule-error";

// ── Input and output ────────────────────────────────────────────────────────

export interface DemoPlanInput {
  code: string;
  status: "DRAFT" | "ACTIVE" | "ENDED" | "ARCHIVED";
  startYear: number;
  endYear: number;
  measures: { id: string; keyTaskNumber: number; number: number; text: string; deadline: string | null; withdrawn: boolean }[];
  assignments: { measureId: string; departmentId: string; isLead: boolean; isJointLead: boolean }[];
  periods: { id: string; measureId: string; kind: PeriodKind; periodStart: string; periodEnd: string; dueDate: string }[];
  indicators: { id: string; measureId: string; comparison: "GTE" | "LTE" | "EQ"; target: number | null; period: "YEAR" | "PLAN" | "CYCLE"; unit: string }[];
}

export interface DemoPeople {
  adminId: string;
  leaderId: string;
  /** A liaison per department; a department without one has its reports written in the administrator's name. */
  liaisonByDepartment: Record<string, string>;
}

export type Rating = "NOT_STARTED" | "IN_PROGRESS" | "COMPLETED" | "DIFFICULT";
type ReviewEvent = "SUBMITTED" | "RETURNED" | "ACCEPTED";

/** How one department's part of one period turned out. */
export type Outcome = "ON_TIME" | "LATE" | "RETURNED_RESUBMITTED" | "EXTENDED" | "MISSING" | "DRAFT" | "RETURNED_OPEN" | "AWAITING_REVIEW";

export interface DemoReport {
  id: string;
  periodId: string;
  measureId: string;
  departmentId: string;
  isLead: boolean;
  state: "DRAFT" | "SUBMITTED" | "RETURNED" | "ACCEPTED";
  progress: Rating;
  workDone: string;
  problems: string;
  nextSteps: string;
  submittedAt: Date | null;
  reviewedAt: Date | null;
  reviewerId: string | null;
  returnReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  outcome: Outcome;
}

export interface DemoRows {
  reports: DemoReport[];
  revisions: { id: string; reportId: string; number: number; event: ReviewEvent; reason: string | null; actorId: string; snapshot: DemoSnapshot; at: Date }[];
  values: { reportId: string; indicatorId: string; value: string }[];
  extensions: {
    id: string;
    periodId: string;
    departmentId: string;
    requestedById: string;
    currentDueDate: Date;
    requestedDueDate: Date;
    reason: string;
    state: "PENDING" | "APPROVED" | "REJECTED";
    decidedById: string | null;
    decidedAt: Date | null;
    decisionNote: string | null;
    createdAt: Date;
  }[];
  departmentDues: { periodId: string; departmentId: string; dueDate: Date; updatedAt: Date }[];
  instructions: {
    id: string;
    measureId: string;
    authorId: string;
    text: string;
    createdAt: Date;
    departmentId: string;
    deadline: Date;
    state: "ASSIGNED" | "REPLIED" | "CLOSED";
    assignedById: string;
    assignedAt: Date;
    reply: string | null;
    repliedById: string | null;
    repliedAt: Date | null;
    returnReason: string | null;
    returnedAt: Date | null;
    closedById: string | null;
    closedAt: Date | null;
    version: number;
  }[];
  notices: {
    id: string;
    year: number;
    serial: number;
    departmentId: string;
    measureId: string;
    periodId: string | null;
    colour: "BLUE" | "YELLOW" | "RED";
    dueDate: Date;
    text: string;
    state: "ISSUED" | "SIGNED" | "REPLIED" | "CLOSED";
    issuedById: string;
    issuedAt: Date;
    signedById: string | null;
    signedAt: Date | null;
    reply: string | null;
    repliedById: string | null;
    repliedAt: Date | null;
    closedById: string | null;
    closedAt: Date | null;
    version: number;
  }[];
  closures: {
    id: string;
    measureId: string;
    departmentId: string;
    appliedById: string;
    summary: string;
    state: "RETURNED" | "CLOSED";
    createdAt: Date;
    reviewedById: string;
    reviewedAt: Date;
    returnReason: string | null;
    closedAt: Date | null;
    version: number;
  }[];
  /** Measures the demonstration closed (办结销号), and when. */
  closedMeasures: { measureId: string; closedAt: Date }[];
}

export interface DemoSnapshot {
  progress: Rating;
  workDone: string;
  problems: string;
  nextSteps: string;
  values: { indicatorId: string; value: string }[];
  attachments: never[];
}

// ── The generator ───────────────────────────────────────────────────────────

/** mulberry32: a small, fast, seeded generator; the same seed gives the same history. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable number from a string (FNV-1a), so each plan's history depends on its code alone. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

type Profile = "STEADY" | "SLOW" | "TROUBLED" | "CLOSED";

const WORK = [
  "召开专题推进会{n}次，印发工作方案{k}份，组织重点企业逐项落实，工作按计划推进。",
  "会同相关部门开展联合检查{n}次，覆盖企业{m}家，发现问题{k}项并已督促整改。",
  "组织专题培训{n}场，参训{m}人次，并对培训效果进行了跟踪评估。",
  "完成阶段性工作台账梳理，更新基础数据{m}条，按月调度进展。",
  "深入基层调研{n}次，召开座谈会{k}次，形成调研报告并提出改进措施。",
  "通过政务新媒体发布宣传信息{m}条，发放宣传资料{n}千份，营造良好氛围。",
];
const SUPPORT_WORK = [
  "配合牵头单位开展相关工作，提供数据和材料{k}份，参与联合检查{n}次。",
  "按牵头单位要求报送本系统落实情况，组织所属单位{m}家开展自查。",
  "派员参加牵头单位组织的推进会{n}次，落实分工任务。",
];
const COMPLETED_WORK = "「{short}」已按期完成：形成工作总结、制度文件和佐证材料，经自查达到预期目标，报请审核。";
const PROBLEMS = [
  "部分企业参与积极性不高，覆盖面仍需扩大。",
  "专项经费到位较晚，部分培训活动推迟开展。",
  "基层工作力量不足，检查频次未达到预期。",
  "相关数据归集口径不一致，统计进度滞后。",
  "受疫情影响，部分现场活动未能按期举办。",
];
const NEXT = [
  "下一阶段继续加大推进力度，确保按序时进度完成。",
  "加强与配合单位的沟通协调，确保年度目标如期完成。",
  "完善工作台账，按季度跟踪问效。",
  "总结经验做法，推动工作常态化、制度化。",
];
const RETURN_REASONS = [
  "佐证材料不完整，请补充会议纪要和现场照片后重新报送。",
  "工作内容过于笼统，请补充具体数据和完成情况。",
  "指标数值与上期口径不一致，请核实后重新报送。",
];
const INSTRUCTIONS = [
  "请抓紧推进，确保年底前完成既定目标，并报送阶段性成效。",
  "此项工作群众关注度高，请牵头单位细化措施、压实责任。",
  "请认真分析滞后原因，提出针对性整改措施，限期报送。",
  "请加强部门协同，形成工作合力，及时总结推广经验做法。",
  "请对照目标任务逐项梳理，确保工作质量和进度。",
];
const REPLIES = [
  "已召开专题会议研究部署，制定整改清单，明确责任人和完成时限，目前各项措施正在落实。",
  "已按批示要求细化工作措施，联合相关部门开展专项行动，阶段性目标已完成。",
  "已组织专班逐项梳理，形成落实方案，相关成效材料已整理报送。",
];

function fill(template: string, r: () => number, short = ""): string {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  return template.replace("{n}", String(int(2, 6))).replace("{k}", String(int(1, 5))).replace("{m}", String(int(20, 180))).replace("{short}", short);
}

/** The measure's text up to its first pause, for the reports' wording. */
function shortText(text: string): string {
  const first = text.split(/[，。；,;]/)[0] ?? text;
  return first.length > 24 ? `${first.slice(0, 24)}…` : first;
}

/** A moment on `day` in China's working hours (09:00–17:59, UTC+8), at a minute picked by `r`. */
function at(day: string, r: () => number, from = 9, to = 18): Date {
  const minutes = from * 60 + Math.floor(r() * (to - from) * 60);
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return new Date(`${day}T${hh}:${mm}:00+08:00`);
}

/** Days later, moved off a weekend (to the Monday after). */
function workday(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(day, 2) : dow === 0 ? addDays(day, 1) : day;
}

/** The day itself, or the Friday before when it falls on a weekend. */
function workdayBefore(day: string): string {
  const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
  return dow === 6 ? addDays(day, -1) : dow === 0 ? addDays(day, -2) : day;
}

const date = (day: string) => new Date(`${day}T00:00:00Z`);

/** The value a lead department reports for an indicator on `day`, for a measure of `profile`. */
export function indicatorValue(
  i: DemoPlanInput["indicators"][number],
  plan: { startYear: number; endYear: number },
  profile: Profile,
  day: string,
  r: () => number,
): number | null {
  if (i.target === null) return null;
  const target = i.target;
  const jitter = (lo: number, hi: number) => lo + r() * (hi - lo);
  if (i.comparison === "LTE") {
    const factor = profile === "TROUBLED" ? jitter(1.35, 1.5) : profile === "SLOW" ? jitter(1.04, 1.14) : jitter(0.78, 0.97);
    return Math.round(target * factor * 100) / 100;
  }
  if (i.period === "CYCLE") {
    const factor = profile === "TROUBLED" ? jitter(0.55, 0.65) : profile === "SLOW" ? jitter(0.84, 0.9) : jitter(1, 1.05);
    return Math.round(target * factor * 100) / 100;
  }
  // Cumulative toward the target over its period, about a quarter ahead of the report's day for a
  // measure on schedule (a report speaks of the quarter that just ended).
  const year = day.slice(0, 4);
  const [start, end] = i.period === "YEAR" ? [`${year}-01-01`, `${year}-12-31`] : [`${plan.startYear}-01-01`, `${plan.endYear}-12-31`];
  const ahead = addDays(day, 80) > end ? end : addDays(day, 80);
  const share = Math.max(0.05, elapsedShare(start, end, ahead));
  const factor = profile === "TROUBLED" ? jitter(0.55, 0.65) : profile === "SLOW" ? jitter(0.8, 0.88) : jitter(1, 1.06);
  let value = target * share * factor;
  if (i.unit === "%") value = Math.min(value, 100);
  return Math.round(value * 100) / 100;
}

interface PairPlan {
  outcome: Outcome;
  /** The review events, each on a moment. */
  events: { event: ReviewEvent; at: Date; reason?: string }[];
  rating: Rating;
  extension?: { state: "APPROVED" | "REJECTED" | "PENDING"; requested: string; createdAt: Date; decidedAt: Date | null };
}

/**
 * The demonstration history of `plans` as of `today` (YYYY-MM-DD, China time). Only what had
 * happened by `today` is written: past periods are reported (or missing), the current one may have
 * a report awaiting review. Ids start with `idPrefix`.
 */
export function generateDemoHistory(plans: DemoPlanInput[], people: DemoPeople, options: { today: string; seed?: number; idPrefix: string }): DemoRows {
  const rows: DemoRows = { reports: [], revisions: [], values: [], extensions: [], departmentDues: [], instructions: [], notices: [], closures: [], closedMeasures: [] };
  let counter = 0;
  const nextId = () => `${options.idPrefix}${(counter++).toString(36).padStart(5, "0")}`;
  const now = at(options.today, () => 0, 8, 9);
  const serials = new Map<number, number>();
  const serial = (year: number) => {
    const s = (serials.get(year) ?? 0) + 1;
    serials.set(year, s);
    return s;
  };
  const liaison = (departmentId: string) => people.liaisonByDepartment[departmentId] ?? people.adminId;

  for (const plan of plans) {
    if (plan.status === "DRAFT" || plan.status === "ARCHIVED") continue;
    const r = seededRandom((options.seed ?? 2021) ^ hash(plan.code));
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(r() * list.length)];
    const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

    const measures = plan.measures.filter((m) => !m.withdrawn);
    const periodsOf = new Map<string, DemoPlanInput["periods"]>();
    for (const p of plan.periods) periodsOf.set(p.measureId, [...(periodsOf.get(p.measureId) ?? []), p]);
    for (const list of periodsOf.values()) list.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
    const assignmentsOf = new Map<string, DemoPlanInput["assignments"]>();
    for (const a of plan.assignments) assignmentsOf.set(a.measureId, [...(assignmentsOf.get(a.measureId) ?? []), a]);
    const indicatorsOf = new Map<string, DemoPlanInput["indicators"]>();
    for (const i of plan.indicators) indicatorsOf.set(i.measureId, [...(indicatorsOf.get(i.measureId) ?? []), i]);
    const leadOf = (measureId: string) => (assignmentsOf.get(measureId) ?? []).find((a) => a.isLead);

    // Each measure's profile: most steady, some slow, a few troubled, a few closed (办结销号).
    const reportable = measures.filter((m) => leadOf(m.id) && (periodsOf.get(m.id) ?? []).some((p) => p.dueDate < options.today));
    const shuffled = reportable.map((m) => ({ m, key: r() })).sort((a, b) => a.key - b.key).map((x) => x.m);
    const profile = new Map<string, Profile>();
    const n = shuffled.length;
    const ended = plan.status === "ENDED";
    const troubled = n >= 6 ? Math.max(1, Math.round(n * 0.09)) : 0;
    const slow = Math.round(n * 0.18);
    const closing = ended ? Math.round(n * 0.09) : 0;
    // Closed measures: preferably those with a deadline of their own, met before the plan ended.
    const closable = shuffled.filter((m) => m.deadline && m.deadline < `${plan.endYear}-10-01` && m.deadline >= `${plan.startYear}-06-30`);
    for (const m of closable.slice(0, closing)) profile.set(m.id, "CLOSED");
    let t = 0;
    let s = 0;
    for (const m of shuffled) {
      if (profile.has(m.id)) continue;
      if (t < troubled) {
        profile.set(m.id, "TROUBLED");
        t++;
      } else if (s < slow) {
        profile.set(m.id, "SLOW");
        s++;
      } else profile.set(m.id, "STEADY");
    }
    // Departments differ: some nearly always on time, some often a few days late.
    const lateness = new Map<string, number>();
    for (const a of plan.assignments) if (!lateness.has(a.departmentId)) lateness.set(a.departmentId, 0.03 + r() * 0.12);

    // When a closed measure closed: a few weeks after its deadline, or in the plan's last two years.
    const closeDay = new Map<string, string>();
    for (const m of measures) {
      if (profile.get(m.id) !== "CLOSED") continue;
      const day = m.deadline ? workday(addDays(m.deadline, int(20, 45))) : workday(`${plan.endYear - 1}-${String(int(3, 11)).padStart(2, "0")}-15`);
      closeDay.set(m.id, day);
    }

    // The lead's missing report of a troubled measure: one due period in the last two years of the history.
    const missingPeriod = new Map<string, string>();
    for (const m of measures) {
      if (profile.get(m.id) !== "TROUBLED") continue;
      const due = (periodsOf.get(m.id) ?? []).filter((p) => p.dueDate < options.today);
      const recent = due.slice(-Math.max(1, Math.min(8, due.length)));
      missingPeriod.set(m.id, pick(recent).id);
    }

    const extensionBudget = { APPROVED: Math.max(1, Math.round(n * 0.2)), REJECTED: Math.max(1, Math.round(n * 0.08)), PENDING: ended ? 0 : 1 };
    const late: { periodId: string; departmentId: string; dueDate: string }[] = [];

    for (const m of measures) {
      const prof = profile.get(m.id);
      if (!prof) continue;
      const short = shortText(m.text);
      const indicators = indicatorsOf.get(m.id) ?? [];
      const periods = periodsOf.get(m.id) ?? [];
      const closed = closeDay.get(m.id);
      const lastPeriod = periods.at(-1);
      for (const p of periods) {
        // A closed measure owes nothing after it closed.
        if (closed && p.dueDate > closed) continue;
        const current = p.dueDate >= options.today;
        if (current && p.periodStart > options.today) continue;
        for (const a of assignmentsOf.get(m.id) ?? []) {
          const counts = a.isLead || a.isJointLead;
          const plan_ = planPair({ p, a, prof, counts, current, closed: Boolean(closed), missing: missingPeriod.get(m.id) === p.id && a.isLead, isLast: p === lastPeriod });
          if (!plan_) continue;
          writePair(p, a, plan_);
        }
      }

      function planPair(x: {
        p: DemoPlanInput["periods"][number];
        a: DemoPlanInput["assignments"][number];
        prof: Profile;
        counts: boolean;
        current: boolean;
        closed: boolean;
        missing: boolean;
        isLast: boolean;
      }): PairPlan | null {
        const { p } = x;
        // A quarter's report is written in the days after it ends; a deadline's in the days before it.
        const gap = daysBetween(p.periodEnd, p.dueDate);
        const window = gap >= 3 ? Math.min(12, gap) : 10;
        const rating: Rating = (() => {
          if (!x.counts) return "IN_PROGRESS";
          if (p.kind === "MILESTONE") return x.prof === "TROUBLED" ? "DIFFICULT" : "COMPLETED";
          if ((x.isLast && m.deadline) || (x.closed && p.dueDate >= addDays(closed!, -100))) return "COMPLETED";
          const lastYear = p.periodEnd.slice(0, 4) === String(plan.endYear) || p.dueDate >= addDays(options.today, -200);
          const difficult = x.prof === "TROUBLED" ? 0.35 : x.prof === "SLOW" ? (lastYear ? 0.45 : 0.12) : 0.02;
          if (r() < difficult) return "DIFFICULT";
          if (p.periodStart.slice(0, 4) === String(plan.startYear) && p.periodStart.slice(5, 7) === "01" && r() < 0.1) return "NOT_STARTED";
          return "IN_PROGRESS";
        })();
        const onTimeDay = () => workdayBefore(addDays(p.dueDate, -int(0, window)));
        const review = (from: Date, hoursLo: number, hoursHi: number) => {
          const d = new Date(from.getTime() + (hoursLo + r() * (hoursHi - hoursLo)) * 3_600_000);
          const day = workday(todayInChina(d));
          return day === todayInChina(d) ? d : at(day, r);
        };
        if (x.current) {
          // The period under way: a few early reports, some awaiting review, a draft or two.
          const roll = r();
          if (roll < 0.3 && x.counts) {
            const day = addDays(options.today, -int(1, 12));
            if (day < p.periodStart) return null;
            return { outcome: "AWAITING_REVIEW", events: [{ event: "SUBMITTED", at: at(day, r) }], rating };
          }
          if (roll < 0.4) return { outcome: "DRAFT", events: [], rating };
          return null;
        }
        if (x.missing) return r() < 0.5 ? { outcome: "MISSING", events: [], rating } : { outcome: "DRAFT", events: [], rating };
        const extraLate = x.prof === "TROUBLED" ? 0.2 : x.prof === "SLOW" ? 0.1 : 0;
        const roll = r();
        const returnShare = 0.07;
        // A supporting department's feedback goes missing now and then.
        if (!x.counts && roll < 0.008) return { outcome: "MISSING", events: [], rating };
        if (roll < returnShare) {
          const first = at(onTimeDay(), r);
          const returned = review(first, 20, 70);
          const again = at(workday(addDays(todayInChina(returned), int(2, 6))), r);
          // Troubled measures sometimes leave a returned report unanswered.
          if (x.prof === "TROUBLED" && x.counts && r() < 0.3) {
            return { outcome: "RETURNED_OPEN", events: [{ event: "SUBMITTED", at: first }, { event: "RETURNED", at: returned, reason: pick(RETURN_REASONS) }], rating };
          }
          return {
            outcome: "RETURNED_RESUBMITTED",
            events: [
              { event: "SUBMITTED", at: first },
              { event: "RETURNED", at: returned, reason: pick(RETURN_REASONS) },
              { event: "SUBMITTED", at: again },
              { event: "ACCEPTED", at: review(again, 4, 50) },
            ],
            rating,
          };
        }
        if (roll < returnShare + (lateness.get(x.a.departmentId) ?? 0.08) + extraLate) {
          const lateDay = workday(addDays(p.dueDate, int(1, 24)));
          const submitted = at(lateDay, r);
          const events: PairPlan["events"] = [
            { event: "SUBMITTED", at: submitted },
            { event: "ACCEPTED", at: review(submitted, 3, 60) },
          ];
          // Some departments asked for more time first: approved, the report was on time by its new date.
          const budget = r();
          if (budget < 0.25 && extensionBudget.APPROVED > 0) {
            extensionBudget.APPROVED--;
            const createdAt = at(workday(addDays(p.dueDate, -int(3, 8))), r);
            return { outcome: "EXTENDED", events, rating, extension: { state: "APPROVED", requested: addDays(lateDay, int(0, 4)), createdAt, decidedAt: review(createdAt, 20, 48) } };
          }
          if (budget < 0.35 && extensionBudget.REJECTED > 0) {
            extensionBudget.REJECTED--;
            const createdAt = at(workday(addDays(p.dueDate, -int(2, 5))), r);
            return { outcome: "LATE", events, rating, extension: { state: "REJECTED", requested: addDays(p.dueDate, int(15, 30)), createdAt, decidedAt: review(createdAt, 20, 48) } };
          }
          late.push({ periodId: p.id, departmentId: x.a.departmentId, dueDate: p.dueDate });
          return { outcome: "LATE", events, rating };
        }
        const submitted = at(onTimeDay(), r);
        return { outcome: "ON_TIME", events: [{ event: "SUBMITTED", at: submitted }, { event: "ACCEPTED", at: review(submitted, 2, 72) }], rating };
      }

      function writePair(p: DemoPlanInput["periods"][number], a: DemoPlanInput["assignments"][number], pp: PairPlan) {
        if (pp.outcome === "MISSING") return;
        const events = pp.events.filter((e) => e.at <= now);
        const counts = a.isLead || a.isJointLead;
        const reportId = nextId();
        const author = liaison(a.departmentId);
        const label = periodLabel({ kind: p.kind, periodEnd: p.periodEnd });
        const workDone = counts && pp.rating === "COMPLETED" ? fill(COMPLETED_WORK, r, short) : `${label}，围绕「${short}」，${fill(counts ? pick(WORK) : pick(SUPPORT_WORK), r)}`;
        const problems = pp.rating === "DIFFICULT" ? pick(PROBLEMS) : r() < 0.3 ? "暂无。" : "";
        const nextSteps = pick(NEXT);
        const values: { indicatorId: string; value: string }[] = [];
        const firstAt = events[0]?.at ?? at(addDays(p.dueDate, -int(1, 10)) > options.today ? options.today : addDays(p.dueDate, -int(1, 10)), r);
        if (counts) {
          for (const i of indicators) {
            const v = indicatorValue(i, plan, prof!, todayInChina(firstAt), r);
            if (v !== null) values.push({ indicatorId: i.id, value: v.toFixed(2) });
          }
        }
        const snapshot: DemoSnapshot = { progress: pp.rating, workDone, problems, nextSteps, values, attachments: [] };
        let state: DemoReport["state"] = "DRAFT";
        let submittedAt: Date | null = null;
        let reviewedAt: Date | null = null;
        let returnReason: string | null = null;
        events.forEach((e, index) => {
          rows.revisions.push({ id: nextId(), reportId, number: index + 1, event: e.event, reason: e.reason ?? null, actorId: e.event === "SUBMITTED" ? author : people.adminId, snapshot, at: e.at });
          state = e.event;
          if (e.event === "SUBMITTED") submittedAt = e.at;
          else reviewedAt = e.at;
          returnReason = e.event === "RETURNED" ? (e.reason ?? null) : null;
        });
        const last = events.at(-1)?.at ?? firstAt;
        rows.reports.push({
          id: reportId,
          periodId: p.id,
          measureId: m.id,
          departmentId: a.departmentId,
          isLead: a.isLead,
          state,
          progress: pp.rating,
          workDone,
          problems,
          nextSteps,
          submittedAt,
          reviewedAt,
          reviewerId: reviewedAt ? people.adminId : null,
          returnReason,
          version: events.length + 1,
          createdAt: new Date(firstAt.getTime() - 2 * 3_600_000),
          updatedAt: last,
          outcome: pp.outcome,
        });
        for (const v of values) rows.values.push({ reportId, ...v });
        if (pp.extension) {
          const e = pp.extension;
          const id = nextId();
          rows.extensions.push({
            id,
            periodId: p.id,
            departmentId: a.departmentId,
            requestedById: author,
            currentDueDate: date(p.dueDate),
            requestedDueDate: date(e.requested),
            reason: pick(["配合单位数据尚未汇总完毕，申请延期报送。", "本季度专项检查仍在进行，需待检查结束后汇总。", "年度统计数据发布时间推迟，申请顺延报送。"]),
            state: e.state,
            decidedById: e.decidedAt ? people.adminId : null,
            decidedAt: e.decidedAt,
            decisionNote: e.state === "APPROVED" ? "同意延期，请按新的时限报送。" : e.state === "REJECTED" ? "理由不充分，请按原时限报送。" : null,
            createdAt: e.createdAt,
          });
          if (e.state === "APPROVED") rows.departmentDues.push({ periodId: p.id, departmentId: a.departmentId, dueDate: date(e.requested), updatedAt: e.decidedAt! });
        }
      }
    }

    // An active plan's current period: one request for more time awaiting the bureau's decision.
    if (extensionBudget.PENDING > 0) {
      const open = plan.periods.find((p) => p.dueDate >= options.today && p.periodStart <= options.today && leadOf(p.measureId));
      if (open) {
        const a = leadOf(open.measureId)!;
        rows.extensions.push({
          id: nextId(),
          periodId: open.id,
          departmentId: a.departmentId,
          requestedById: liaison(a.departmentId),
          currentDueDate: date(open.dueDate),
          requestedDueDate: date(addDays(open.dueDate, 15)),
          reason: "年度统计数据发布时间推迟，申请顺延报送。",
          state: "PENDING",
          decidedById: null,
          decidedAt: null,
          decisionNote: null,
          createdAt: at(addDays(options.today, -2), r),
        });
      }
    }

    // 办结销号: the lead department applied, the bureau accepted; one was returned once first.
    let returnedOnce = false;
    for (const [measureId, day] of closeDay) {
      const lead = leadOf(measureId)!;
      const applier = liaison(lead.departmentId);
      if (!returnedOnce) {
        returnedOnce = true;
        const appliedAt = at(workday(addDays(day, -40)), r);
        rows.closures.push({
          id: nextId(),
          measureId,
          departmentId: lead.departmentId,
          appliedById: applier,
          summary: "各项任务已基本完成，申请办结销号。",
          state: "RETURNED",
          createdAt: appliedAt,
          reviewedById: people.adminId,
          reviewedAt: at(workday(addDays(day, -37)), r),
          returnReason: "佐证材料不全，请补充制度文件和成效数据后重新申请。",
          closedAt: null,
          version: 2,
        });
      }
      const closedAt = at(day, r);
      rows.closures.push({
        id: nextId(),
        measureId,
        departmentId: lead.departmentId,
        appliedById: applier,
        summary: "该项措施确定的目标任务已全部完成，相关制度已建立并长效运行，佐证材料齐全，申请办结销号。",
        state: "CLOSED",
        createdAt: new Date(closedAt.getTime() - 6 * 86_400_000),
        reviewedById: people.adminId,
        reviewedAt: closedAt,
        returnReason: null,
        closedAt,
        version: 2,
      });
      rows.closedMeasures.push({ measureId, closedAt });
    }

    // 领导批示 through the loop: 交办 → 落实情况 → 办结 (one sent back once); an active plan's last ones still open.
    // Measures of different lead departments first, so that several departments have instructions to answer.
    const seenLead = new Set<string>();
    const byLead = shuffled.filter((m) => profile.get(m.id) !== "CLOSED");
    const distinct = byLead.filter((m) => {
      const d = leadOf(m.id)!.departmentId;
      if (seenLead.has(d)) return false;
      seenLead.add(d);
      return true;
    });
    const instructionMeasures = [...distinct, ...byLead.filter((m) => !distinct.includes(m))].slice(0, ended ? 5 : 2);
    instructionMeasures.forEach((m, index) => {
      const lead = leadOf(m.id)!;
      const open = !ended && index === instructionMeasures.length - 1;
      const from = ended ? `${plan.startYear + 1 + (index % (plan.endYear - plan.startYear))}-${String(int(3, 9)).padStart(2, "0")}-${String(int(10, 25)).padStart(2, "0")}` : addDays(options.today, -int(20, 60));
      const created = at(workday(from), r);
      const createdDay = todayInChina(created);
      const deadline = addDays(createdDay, 30);
      const sentBack = index === 1;
      const replied = at(workday(addDays(createdDay, int(8, 15))), r);
      const returnedAt = sentBack ? at(workday(addDays(todayInChina(replied), 2)), r) : null;
      const finalReply = sentBack ? at(workday(addDays(todayInChina(returnedAt!), int(4, 8))), r) : replied;
      const closedAt = at(workday(addDays(todayInChina(finalReply), int(2, 6))), r);
      const state = open ? (finalReply <= now ? "REPLIED" : "ASSIGNED") : "CLOSED";
      rows.instructions.push({
        id: nextId(),
        measureId: m.id,
        authorId: people.leaderId,
        text: INSTRUCTIONS[index % INSTRUCTIONS.length],
        createdAt: created,
        departmentId: lead.departmentId,
        deadline: date(deadline),
        state,
        assignedById: people.adminId,
        assignedAt: new Date(created.getTime() + 3_600_000),
        reply: state === "ASSIGNED" ? null : REPLIES[index % REPLIES.length],
        repliedById: state === "ASSIGNED" ? null : liaison(lead.departmentId),
        repliedAt: state === "ASSIGNED" ? null : finalReply,
        returnReason: sentBack ? "落实情况不够具体，请补充完成时间和量化成效。" : null,
        returnedAt,
        closedById: state === "CLOSED" ? people.leaderId : null,
        closedAt: state === "CLOSED" ? closedAt : null,
        version: state === "CLOSED" ? (sentBack ? 6 : 4) : 3,
      });
    });

    // 督办单: a red one over a troubled measure's missing report, a yellow one over a slow measure; closed in an ended plan.
    const noticeOn: { measureId: string; colour: "RED" | "YELLOW"; periodId: string | null; day: string }[] = [];
    for (const [measureId, periodId] of missingPeriod) {
      const p = plan.periods.find((x) => x.id === periodId)!;
      noticeOn.push({ measureId, colour: "RED", periodId, day: workday(addDays(p.dueDate, 12)) });
      break;
    }
    const redLead = noticeOn[0] ? leadOf(noticeOn[0].measureId)?.departmentId : undefined;
    const slowOnes = shuffled.filter((m) => profile.get(m.id) === "SLOW");
    const slowMeasure = slowOnes.find((m) => leadOf(m.id)?.departmentId !== redLead) ?? slowOnes[0];
    if (slowMeasure) {
      const due = (periodsOf.get(slowMeasure.id) ?? []).filter((p) => p.dueDate < options.today);
      if (due.length) noticeOn.push({ measureId: slowMeasure.id, colour: "YELLOW", periodId: null, day: workday(addDays(due[Math.floor(due.length / 2)].dueDate, 5)) });
    }
    for (const x of noticeOn) {
      if (x.day > options.today) continue;
      const lead = leadOf(x.measureId)!;
      const issued = at(x.day, r);
      const signed = at(workday(addDays(x.day, 1)), r);
      const replied = at(workday(addDays(x.day, int(5, 9))), r);
      const closedAt = at(workday(addDays(todayInChina(replied), 2)), r);
      const finished = closedAt <= now;
      const year = Number(todayInChina(issued).slice(0, 4));
      rows.notices.push({
        id: nextId(),
        year,
        serial: serial(year),
        departmentId: lead.departmentId,
        measureId: x.measureId,
        periodId: x.periodId,
        colour: x.colour,
        dueDate: date(addDays(x.day, 10)),
        text: x.colour === "RED" ? "该项措施进展报告逾期未报，请于办理时限内报送并说明原因。" : "该项措施推进滞后于序时进度，请分析原因、制定措施，加快推进。",
        state: finished ? "CLOSED" : replied <= now ? "REPLIED" : "SIGNED",
        issuedById: people.adminId,
        issuedAt: issued,
        signedById: liaison(lead.departmentId),
        signedAt: signed,
        reply: replied <= now ? "已召开专题会议分析原因，制定整改措施，并已补报相关材料。" : null,
        repliedById: replied <= now ? liaison(lead.departmentId) : null,
        repliedAt: replied <= now ? replied : null,
        closedById: finished ? people.adminId : null,
        closedAt: finished ? closedAt : null,
        version: finished ? 4 : 3,
      });
    }
  }
  return rows;
}

// ── Writing it ──────────────────────────────────────────────────────────────

/** The embedded mode alone carries a demonstration (decision 030); a server never does. */
export class DemoModeError extends RuleError {
  constructor() {
    super("admin", "demoServerMode");
  }
}

/** Reads what the generator needs of every plan that ran or runs. */
export async function loadDemoInput(db: PrismaClient): Promise<DemoPlanInput[]> {
  const plans = await db.plan.findMany({
    where: { status: { in: ["ACTIVE", "ENDED"] } },
    orderBy: { startYear: "asc" },
    select: {
      code: true,
      status: true,
      startYear: true,
      endYear: true,
      keyTasks: {
        select: {
          number: true,
          measures: {
            select: {
              id: true,
              number: true,
              text: true,
              currentText: true,
              deadline: true,
              withdrawnAt: true,
              departments: { select: { departmentId: true, isLead: true, isJointLead: true } },
              periods: { select: { id: true, kind: true, periodStart: true, periodEnd: true, dueDate: true } },
              indicators: { select: { id: true, comparison: true, target: true, period: true, unit: true } },
            },
          },
        },
      },
    },
  });
  return plans.map((plan) => {
    const measures = plan.keyTasks.flatMap((t) => t.measures.map((m) => ({ ...m, keyTaskNumber: t.number })));
    return {
      code: plan.code,
      status: plan.status,
      startYear: plan.startYear,
      endYear: plan.endYear,
      measures: measures.map((m) => ({ id: m.id, keyTaskNumber: m.keyTaskNumber, number: m.number, text: m.currentText ?? m.text, deadline: m.deadline ? isoDay(m.deadline) : null, withdrawn: m.withdrawnAt !== null })),
      assignments: measures.flatMap((m) => m.departments.map((d) => ({ measureId: m.id, ...d }))),
      periods: measures.flatMap((m) =>
        m.periods.map((p) => ({ id: p.id, measureId: m.id, kind: p.kind, periodStart: isoDay(p.periodStart), periodEnd: isoDay(p.periodEnd), dueDate: isoDay(p.dueDate) })),
      ),
      indicators: measures.flatMap((m) => m.indicators.map((i) => ({ id: i.id, measureId: m.id, comparison: i.comparison, target: i.target === null ? null : Number(i.target), period: i.period, unit: i.unit }))),
    };
  });
}

type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Inserts `rows` into `table` in one statement: json_populate_recordset turns the JSON array into rows of
 * the table's own type (the columns of the first row, which every row gives; timestamps as UTC, as the
 * client stores them).
 */
async function bulkInsert(tx: Transaction, table: "ProgressReport" | "ProgressReportRevision" | "IndicatorValue" | "DemoData", rows: object[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(rows, (_key, value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}T.*Z$/.test(value) ? value.slice(0, -1) : value));
  // The columns the rows give; any other takes its default (a column added later needs no change here).
  // Table and column names come from this module (the typed union above, the generator's own row keys),
  // never from input; the rows travel as one bound JSON parameter.
  const columns = Object.keys(rows[0]).map((c) => `"${c}"`).join(", ");
  await tx.$executeRawUnsafe(`INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::"${table}", $1::json)`, json);
}

export interface DemoInsertResult {
  reports: number;
  revisions: number;
  values: number;
  extensions: number;
  instructions: number;
  notices: number;
  closures: number;
  milliseconds: number;
}

/**
 * Inserts the demonstration history in one transaction, marking every row in DemoData, with one
 * audit event. Only in the embedded mode (`mode` is the launcher's database mode): anything else is
 * refused before a row is read. Does nothing (null) when a demonstration is already there or
 * when the demo accounts it is written in the name of are missing.
 */
export async function insertDemoHistory(db: PrismaClient, options: { mode: "embedded" | "server"; today?: string; seed?: number }): Promise<DemoInsertResult | null> {
  if (options.mode !== "embedded") throw new DemoModeError();
  const started = Date.now();
  if ((await db.demoData.count()) > 0) return null;
  const users = await db.user.findMany({ where: { active: true }, orderBy: { createdAt: "asc" }, select: { id: true, role: true, departmentId: true } });
  const admin = users.find((u) => u.role === Role.ADMIN);
  const leader = users.find((u) => u.role === Role.LEADER);
  if (!admin || !leader) return null;
  const liaisonByDepartment: Record<string, string> = {};
  for (const u of users) if (u.role === Role.LIAISON && u.departmentId && !liaisonByDepartment[u.departmentId]) liaisonByDepartment[u.departmentId] = u.id;

  const today = options.today ?? todayInChina();
  const idPrefix = `demo${Date.now().toString(36)}`;
  const rows = generateDemoHistory(await loadDemoInput(db), { adminId: admin.id, leaderId: leader.id, liaisonByDepartment }, { today, seed: options.seed, idPrefix });

  await db.$transaction(
    async (tx) => {
      // Numbers of 督办单 continue any the bureau already issued in a year.
      const taken = await tx.supervisionNotice.groupBy({ by: ["year"], _max: { serial: true } });
      const offset = new Map(taken.map((t) => [t.year, t._max.serial ?? 0]));
      const notices = rows.notices.map((n) => ({ ...n, serial: n.serial + (offset.get(n.year) ?? 0) }));
      // The outcome is the generator's own label (for its tests), not a column.
      const reports = rows.reports.map((report) => {
        const { outcome, ...columns } = report;
        void outcome;
        return columns;
      });
      // The thousands of reports, revisions, values and markers go in as one JSON document per table (one
      // statement each, expanded by PostgreSQL): row-by-row parameters cost seconds on the embedded database.
      await bulkInsert(tx, "ProgressReport", reports);
      // Each version was entered when it took effect (as the migration set it for versions written before 补录 existed).
      await bulkInsert(tx, "ProgressReportRevision", rows.revisions.map((r) => ({ ...r, enteredAt: r.at })));
      await bulkInsert(tx, "IndicatorValue", rows.values);
      if (rows.extensions.length) await tx.extensionRequest.createMany({ data: rows.extensions });
      if (rows.departmentDues.length) await tx.departmentDueDate.createMany({ data: rows.departmentDues });
      if (rows.instructions.length) await tx.leaderInstruction.createMany({ data: rows.instructions });
      if (notices.length) await tx.supervisionNotice.createMany({ data: notices });
      if (rows.closures.length) await tx.measureClosure.createMany({ data: rows.closures });
      for (const c of rows.closedMeasures) await tx.measure.update({ where: { id: c.measureId }, data: { closedAt: c.closedAt } });
      const markers = [
        ...reports.map((r) => ({ entityType: "ProgressReport", entityId: r.id })),
        ...rows.extensions.map((e) => ({ entityType: "ExtensionRequest", entityId: e.id })),
        ...rows.departmentDues.map((d) => ({ entityType: "DepartmentDueDate", entityId: `${d.periodId}:${d.departmentId}` })),
        ...rows.instructions.map((i) => ({ entityType: "LeaderInstruction", entityId: i.id })),
        ...notices.map((n) => ({ entityType: "SupervisionNotice", entityId: n.id })),
        ...rows.closures.map((c) => ({ entityType: "MeasureClosure", entityId: c.id })),
        ...rows.closedMeasures.map((c) => ({ entityType: "Measure.closedAt", entityId: c.measureId })),
      ];
      await bulkInsert(tx, "DemoData", markers.map((m) => ({ ...m, createdAt: new Date() })));
      await recordAuditEvent(tx, {
        actorId: null,
        actorLabel: "system",
        action: "demo.insert",
        entityType: "DemoData",
        after: { reports: reports.length, revisions: rows.revisions.length, extensions: rows.extensions.length, instructions: rows.instructions.length, notices: notices.length, closures: rows.closures.length, asOf: today },
      });
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return {
    reports: rows.reports.length,
    revisions: rows.revisions.length,
    values: rows.values.length,
    extensions: rows.extensions.length,
    instructions: rows.instructions.length,
    notices: rows.notices.length,
    closures: rows.closures.length,
    milliseconds: Date.now() - started,
  };
}
