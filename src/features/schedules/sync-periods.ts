import type { Prisma } from "@/generated/prisma/client";
import { loadWorkingCalendar } from "@/features/calendar/queries";
import { measureReportingSelect, planReportingSelect, reportingInput } from "@/features/seed/seed-plan";
import { dayToDate, isoDay } from "@/lib/due";
import type { WorkingCalendar } from "@/lib/working-days";
import { DEFAULT_DUE_DAYS, periodDueDate, reportingPeriods } from "@/lib/periods";
import { planEndDay, planLifecycle, statusesWhere } from "@/lib/plan-lifecycle";

/** What a regeneration did to one measure's periods. */
export interface PeriodSync {
  created: number;
  removed: number;
  /** Periods the rule no longer asks for that are kept because a department reported on them (or asked for an extension). */
  keptWithReports: number;
  moved: number;
}

/**
 * Brings one measure's stored periods in line with the rule (src/lib/periods.ts), in the caller's
 * transaction: a period the rule no longer asks for is removed unless a report, an extension
 * request or a department's own due date refers to it (then it is kept as it is and still counts);
 * a period the rule asks for and that is missing is created when it falls due on or after
 * `today` (or always, with `createPast`: a deadline an administrator just confirmed is owed even
 * though it passed); an existing period without reports whose due date nobody set by hand
 * follows the rule's due date when that is still to come. A plan that creates no obligations (已结束,
 * 已归档) keeps its periods as they stood at its end: only a confirmation (`createPast: true`) adds
 * the confirmed checkpoint, and nothing after the plan's last day.
 */
export async function syncMeasurePeriods(
  tx: Prisma.TransactionClient,
  measureId: string,
  options: { today: string; createPast?: boolean | "checkpoints"; dueDays?: number },
): Promise<PeriodSync> {
  const m = await tx.measure.findUniqueOrThrow({
    where: { id: measureId },
    select: {
      ...measureReportingSelect,
      keyTask: { select: { plan: { select: planReportingSelect } } },
      periods: {
        select: { id: true, kind: true, periodEnd: true, dueDate: true, originalDueDate: true, _count: { select: { reports: true, extensions: true, departmentDues: true } } },
      },
    },
  });
  const plan = m.keyTask.plan;
  const result: PeriodSync = { created: 0, removed: 0, keptWithReports: 0, moved: 0 };
  const closed = !planLifecycle[plan.status].createsObligations;
  if (closed && options.createPast !== true) return result;
  const input = reportingInput(m, plan);
  const calendar = await loadWorkingCalendar(tx);
  const end = planEndDay(plan);
  const drafts = reportingPeriods(input.measure, input.plan, { dueDays: options.dueDays ?? DEFAULT_DUE_DAYS, calendar }).filter(
    (p) => planLifecycle[plan.status].createsObligations || p.periodEnd <= end,
  );
  const key = (p: { kind: string; periodEnd: string }) => `${p.kind}:${p.periodEnd}`;
  const wanted = new Map(drafts.map((d) => [key(d), d]));

  const stale: string[] = [];
  for (const p of m.periods) {
    const draft = wanted.get(key({ kind: p.kind, periodEnd: isoDay(p.periodEnd) }));
    const referenced = p._count.reports + p._count.extensions + p._count.departmentDues > 0;
    if (!draft) {
      if (referenced || closed) result.keptWithReports += referenced ? 1 : 0;
      else stale.push(p.id);
      continue;
    }
    wanted.delete(key(draft));
    const handSet = p.dueDate.getTime() !== p.originalDueDate.getTime();
    if (!closed && !referenced && !handSet && isoDay(p.dueDate) !== draft.dueDate && draft.dueDate >= options.today) {
      await tx.reportingPeriod.update({ where: { id: p.id }, data: { dueDate: dayToDate(draft.dueDate), originalDueDate: dayToDate(draft.dueDate), version: { increment: 1 } } });
      result.moved++;
    }
  }
  if (stale.length) result.removed = (await tx.reportingPeriod.deleteMany({ where: { id: { in: stale } } })).count;
  const missing = [...wanted.values()].filter((d) => options.createPast === true || (options.createPast === "checkpoints" && d.kind === "MILESTONE") || d.dueDate >= options.today);
  if (missing.length) {
    result.created = (
      await tx.reportingPeriod.createMany({
        data: missing.map((d) => ({
          measureId,
          kind: d.kind,
          periodStart: dayToDate(d.periodStart),
          periodEnd: dayToDate(d.periodEnd),
          dueDate: dayToDate(d.dueDate),
          originalDueDate: dayToDate(d.dueDate),
        })),
      })
    ).count;
  }
  return result;
}

/**
 * After an edit of the working-day calendar, in its transaction: every period not yet due (its due
 * date today or later) whose due date is the one the rule (`periodDueDate`, the rule that laid it
 * out) gave under the calendar as it stood `before` the edit — so not one an administrator moved by
 * hand, nor one laid out on another reporting window — takes the date the rule gives under the
 * calendar as it now stands, when that is still today or later: a calendar edit never makes a report
 * overdue after the fact. Periods of plans that create no obligations (已结束, 已归档) and of withdrawn
 * measures keep theirs; a department's own later date from an approved extension is its own row and
 * stays as it is (decision 031). Returns how many periods moved.
 */
export async function moveDueDatesToCalendar(tx: Prisma.TransactionClient, options: { today: string; before: WorkingCalendar; dueDays?: number }): Promise<number> {
  const after = await loadWorkingCalendar(tx);
  const dueDays = options.dueDays ?? DEFAULT_DUE_DAYS;
  const periods = await tx.reportingPeriod.findMany({
    where: {
      dueDate: { gte: dayToDate(options.today) },
      measure: { withdrawnAt: null, keyTask: { plan: { status: { in: statusesWhere("createsObligations") } } } },
    },
    select: { id: true, kind: true, periodEnd: true, dueDate: true, originalDueDate: true },
  });
  const byNewDate = new Map<string, string[]>();
  for (const p of periods) {
    if (p.dueDate.getTime() !== p.originalDueDate.getTime()) continue;
    const period = { kind: p.kind, periodEnd: isoDay(p.periodEnd) };
    const was = periodDueDate(period, { dueDays, calendar: options.before });
    if (was !== isoDay(p.dueDate)) continue;
    const due = periodDueDate(period, { dueDays, calendar: after });
    if (due === was || due < options.today) continue;
    byNewDate.set(due, [...(byNewDate.get(due) ?? []), p.id]);
  }
  let moved = 0;
  for (const [due, ids] of byNewDate) {
    moved += (await tx.reportingPeriod.updateMany({ where: { id: { in: ids } }, data: { dueDate: dayToDate(due), originalDueDate: dayToDate(due), version: { increment: 1 } } })).count;
  }
  return moved;
}
