import "server-only";
import { readDashboardWithInput } from "@/features/dashboard/read";
import { parseAsOf } from "@/features/dashboard/as-of";
import { progressFacts } from "@/features/dashboard/history";
import { roleOf, type MeasureRole } from "@/features/structure/rules";
import { todayInChina } from "@/lib/due";
import { can, type Principal } from "@/lib/permissions";
import { statusesWhere } from "@/lib/plan-lifecycle";
import { indicatorBehind, type ProgressState } from "@/lib/status";
import { db } from "@/server/db";
import { carriedByDefault, indicatorOutcome, type IndicatorOutcome } from "./rules";

/** One measure of an ended plan as the carry-over page lists it. */
export interface CarryoverCandidate {
  id: string;
  number: string;
  text: string;
  departments: { shortName: string; role: MeasureRole }[];
  /** 已销号 on (yyyy-mm-dd), or null while open: only open measures can be carried. */
  closedOn: string | null;
  /** Its 进度 on the plan's last day (the overview's), or null when the overview does not rate it. */
  progress: ProgressState | null;
  indicators: { id: string; name: string; unit: string; target: string | null; outcome: IndicatorOutcome; carriedByDefault: boolean }[];
  /** The plans it was already carried into, with the new measure there. */
  carriedInto: { planId: string; planTitle: string; measureId: string; number: string }[];
}

/** A plan a measure may be carried into (草稿 or 执行中), with its standing key tasks. */
export interface CarryoverTarget {
  id: string;
  code: string;
  title: string;
  status: string;
  endDay: string;
  keyTasks: { id: string; number: number; title: string }[];
}

/**
 * What the carry-over page of an ended plan shows an administrator (plan:carryover): its measures
 * that stand (not withdrawn), each with its closure, its 进度 and each indicator's outcome on the
 * plan's last day, and the plans they may go to. Null for a caller who may not carry over.
 */
export async function getCarryoverChoices(actor: Principal | null, planId: string): Promise<{ candidates: CarryoverCandidate[]; targets: CarryoverTarget[] } | null> {
  if (!can(actor, "plan:carryover")) return null;
  const plan = await db.plan.findUnique({ where: { id: planId }, select: { id: true, status: true, startYear: true, endYear: true } });
  if (!plan) return null;
  const asOf = parseAsOf(undefined, plan);
  const [measures, targets, overview] = await Promise.all([
    db.measure.findMany({
      where: { keyTask: { planId, withdrawnAt: null }, withdrawnAt: null },
      orderBy: [{ keyTask: { number: "asc" } }, { number: "asc" }],
      select: {
        id: true,
        number: true,
        text: true,
        currentText: true,
        closedAt: true,
        keyTask: { select: { number: true } },
        departments: { orderBy: { sortOrder: "asc" }, select: { isLead: true, isJointLead: true, department: { select: { shortName: true } } } },
        indicators: { orderBy: { key: "asc" }, select: { id: true, name: true, unit: true, target: true } },
        carriedInto: {
          orderBy: { carriedAt: "asc" },
          select: { targetPlan: { select: { id: true, title: true } }, measure: { select: { id: true, number: true, keyTask: { select: { number: true } } } } },
        },
      },
    }),
    db.plan.findMany({
      where: { status: { in: statusesWhere("createsObligations") }, id: { not: planId } },
      orderBy: [{ startYear: "desc" }, { createdAt: "desc" }],
      select: { id: true, code: true, title: true, status: true, endYear: true, keyTasks: { where: { withdrawnAt: null }, orderBy: { number: "asc" }, select: { id: true, number: true, title: true } } },
    }),
    readDashboardWithInput(actor, planId, asOf),
  ]);
  const progressOf = new Map(overview?.dashboard.measures.map((m) => [m.measureId, m.progress?.state ?? null]) ?? []);
  const history = new Map(overview?.input.progress?.measures.map((m) => [m.measureId, m]) ?? []);
  const span = overview?.input.progress ?? { planStart: `${plan.startYear}-01-01`, planEnd: `${plan.endYear}-12-31` };

  const candidates = measures.map((m): CarryoverCandidate => {
    const h = history.get(m.id);
    // Each indicator against its target on the plan's last day, by the rule of the 进度 light.
    const facts = h ? progressFacts(h, [], span, asOf).indicators : [];
    return {
      id: m.id,
      number: `${m.keyTask.number}.${m.number}`,
      text: m.currentText ?? m.text,
      departments: m.departments.map((d) => ({ shortName: d.department.shortName, role: roleOf(d) })),
      closedOn: m.closedAt ? todayInChina(m.closedAt) : null,
      progress: progressOf.get(m.id) ?? null,
      indicators: m.indicators.map((i) => {
        const f = h ? facts[h.indicators.findIndex((x) => x.id === i.id)] : undefined;
        const outcome = indicatorOutcome(i.target !== null, i.target !== null && f ? indicatorBehind(f, span, asOf) : null);
        return { id: i.id, name: i.name, unit: i.unit, target: i.target === null ? null : i.target.toString(), outcome, carriedByDefault: carriedByDefault(outcome) };
      }),
      carriedInto: m.carriedInto.map((c) => ({ planId: c.targetPlan.id, planTitle: c.targetPlan.title, measureId: c.measure.id, number: `${c.measure.keyTask.number}.${c.measure.number}` })),
    };
  });
  return {
    candidates,
    targets: targets.map((t) => ({ id: t.id, code: t.code, title: t.title, status: t.status, endDay: `${t.endYear}-12-31`, keyTasks: t.keyTasks })),
  };
}

/** A measure's carry-over links, shown on its page to everyone who may read the plan: where it came from (结转自) and where it went (已结转至). */
export async function getMeasureCarryovers(actor: Principal | null, measureId: string) {
  if (!can(actor, "plan:read")) return null;
  const m = await db.measure.findUnique({
    where: { id: measureId },
    select: {
      carriedFrom: { select: { carriedAt: true, originMeasure: { select: { id: true, number: true, keyTask: { select: { number: true, plan: { select: { title: true, code: true } } } } } } } },
      carriedInto: {
        orderBy: { carriedAt: "asc" },
        select: { carriedAt: true, measure: { select: { id: true, number: true, keyTask: { select: { number: true, plan: { select: { title: true, code: true } } } } } } },
      },
    },
  });
  if (!m) return null;
  const link = (x: { id: string; number: number; keyTask: { number: number; plan: { title: string; code: string } } }, at: Date) => ({
    measureId: x.id,
    number: `${x.keyTask.number}.${x.number}`,
    planTitle: x.keyTask.plan.title,
    planCode: x.keyTask.plan.code,
    on: todayInChina(at),
  });
  return {
    from: m.carriedFrom ? link(m.carriedFrom.originMeasure, m.carriedFrom.carriedAt) : null,
    into: m.carriedInto.map((c) => link(c.measure, c.carriedAt)),
  };
}
