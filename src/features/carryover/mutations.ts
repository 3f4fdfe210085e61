import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { ReportingCadence } from "@/generated/prisma/enums";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { syncMeasurePeriods } from "@/features/schedules/sync-periods";
import { editableKeyTask, insertKeyTask } from "@/features/structure/mutations";
import { roleOf } from "@/features/structure/rules";
import { dayToDate, todayInChina } from "@/lib/due";
import { authorize, type Actor } from "@/lib/permissions";
import { planEndDay, planLifecycle, planStartDay } from "@/lib/plan-lifecycle";
import { RuleError } from "@/lib/rule-error";
import { carriesOver, carryoverDepartmentsText, CARRYOVER_TASK_TITLE, carryoverTimeArrangement } from "./rules";

/*
 * 结转 (decision 028): the bureau carries unfinished measures of an ended plan into a draft or
 * running plan, as new measures there, each linked to its origin. One transaction: every chosen
 * measure is carried, or none is; each carried measure is one audit event.
 */

const refuse = (key: string, detail?: Record<string, string | number>) => new RuleError("admin", key, detail);

export interface CarryoverInput {
  originPlanId: string;
  targetPlanId: string;
  /** An existing key task of the target plan; null: the target plan's 「结转事项」 key task (made when missing). */
  keyTaskId: string | null;
  /** The new measures' deadline (yyyy-mm-dd); null: ongoing to the end of the target plan. */
  deadline: string | null;
  /** How often the new measures report. */
  cadence: ReportingCadence;
  /** The measures to carry and, for each, the indicators (of that measure) that go with it. */
  items: { measureId: string; indicatorIds: string[] }[];
}

/** An administrator carries measures of an ended plan into another plan; returns the new measures' ids and numbers. */
export async function carryOverMeasures(
  db: PrismaClient,
  actor: Actor,
  input: CarryoverInput,
  options: { today?: string } = {},
): Promise<{ keyTaskId: string; created: { measureId: string; number: string; originMeasureId: string }[] }> {
  authorize(actor, "plan:carryover");
  const today = options.today ?? todayInChina();
  if (input.items.length === 0) throw refuse("carryoverNothingChosen");
  if (new Set(input.items.map((i) => i.measureId)).size !== input.items.length) throw refuse("carryoverNothingChosen");
  return db.$transaction((tx) => carry(tx, actor, input, today)).catch((error: unknown) => {
    // Two administrators carrying the same measure at once: the unique link refuses the second.
    if ((error as { code?: string } | null)?.code === "P2002") throw refuse("carryoverTwiceNow");
    throw error;
  });
}

/** The carry-over itself, in the caller's transaction: the rules, the new measures, their periods and links, the audit. */
async function carry(tx: Prisma.TransactionClient, actor: Actor, input: CarryoverInput, today: string) {
  // One query at a time: a transaction runs on one connection.
  const origin = await tx.plan.findUnique({ where: { id: input.originPlanId }, select: { id: true, code: true, title: true, status: true } });
  const target = await tx.plan.findUnique({ where: { id: input.targetPlanId }, select: { id: true, code: true, title: true, status: true, startYear: true, endYear: true } });
  if (!origin || !target) throw refuse("notFound");
  // Only what an ended plan left unfinished is carried; the plan it goes to must still create obligations.
  if (!carriesOver(origin)) throw refuse("carryoverOriginRunning", { title: origin.title });
  if (target.id === origin.id) throw refuse("carryoverSamePlan");
  if (!planLifecycle[target.status].createsObligations) throw refuse("carryoverTargetClosed", { title: target.title });
  if (input.deadline !== null && (input.deadline < today || input.deadline < planStartDay(target) || input.deadline > planEndDay(target))) {
    throw refuse("carryoverDeadlineOutside", { from: today > planStartDay(target) ? today : planStartDay(target), to: planEndDay(target) });
  }

  const measures = await tx.measure.findMany({
    where: { id: { in: input.items.map((i) => i.measureId) } },
    select: {
      id: true,
      number: true,
      text: true,
      currentText: true,
      closedAt: true,
      withdrawnAt: true,
      keyTask: { select: { number: true, planId: true } },
      departments: { orderBy: { sortOrder: "asc" }, select: { departmentId: true, isLead: true, isJointLead: true, sortOrder: true, department: { select: { shortName: true } } } },
      indicators: { orderBy: { key: "asc" } },
      carriedInto: { where: { targetPlanId: target.id }, select: { id: true } },
    },
  });
  const byId = new Map(measures.map((m) => [m.id, m]));
  const label = (m: (typeof measures)[number]) => `${m.keyTask.number}.${m.number}`;
  for (const item of input.items) {
    const m = byId.get(item.measureId);
    if (!m || m.keyTask.planId !== origin.id) throw refuse("notFound");
    if (m.withdrawnAt) throw refuse("carryoverWithdrawn", { number: label(m) });
    if (m.closedAt) throw refuse("carryoverClosed", { number: label(m) });
    if (m.carriedInto.length) throw refuse("carryoverTwice", { number: label(m), title: target.title });
    const own = new Set(m.indicators.map((i) => i.id));
    if (item.indicatorIds.some((id) => !own.has(id))) throw refuse("notFound");
  }

  // The key task: the one chosen, or the target plan's 「结转事项」 (made the first time).
  let task: { id: string; number: number };
  if (input.keyTaskId) {
    const chosen = await editableKeyTask(tx, input.keyTaskId, null);
    if (chosen.planId !== target.id) throw refuse("notFound");
    task = chosen;
  } else {
    const existing = await tx.keyTask.findFirst({ where: { planId: target.id, title: CARRYOVER_TASK_TITLE, withdrawnAt: null }, orderBy: { number: "asc" }, select: { id: true, number: true } });
    task = existing ?? (await insertKeyTask(tx, actor, { planId: target.id, title: CARRYOVER_TASK_TITLE }).then((t) => ({ id: t.keyTaskId, number: t.number })));
  }

  const last = await tx.measure.aggregate({ where: { keyTaskId: task.id }, _max: { number: true } });
  let number = last._max.number ?? 0;
  const created: { measureId: string; number: string; originMeasureId: string }[] = [];
  for (const item of input.items) {
    const m = byId.get(item.measureId)!;
    number += 1;
    const indicators = m.indicators.filter((i) => item.indicatorIds.includes(i.id));
    const measure = await tx.measure.create({
      data: {
        keyTaskId: task.id,
        number,
        // The wording in force when the plan ended is what is carried (原文 of the new measure).
        text: m.currentText ?? m.text,
        departmentsText: carryoverDepartmentsText(m.departments.map((d) => ({ shortName: d.department.shortName, role: roleOf(d) }))),
        timeArrangement: carryoverTimeArrangement(input.deadline),
        scheduleKind: input.deadline ? "DEADLINE" : "ONGOING",
        deadline: input.deadline ? dayToDate(input.deadline) : null,
        dueDates: input.deadline ? [dayToDate(input.deadline)] : [],
        reportsQuarterly: input.cadence === "QUARTERLY",
        cadence: input.cadence,
        // A deadline is a checkpoint (src/lib/periods.ts proposedReporting).
        checkpoints: input.deadline ? [dayToDate(input.deadline)] : [],
        departments: { create: m.departments.map((d) => ({ departmentId: d.departmentId, isLead: d.isLead, isJointLead: d.isJointLead, sortOrder: d.sortOrder })) },
        indicators: {
          create: indicators.map((i) => ({
            key: i.key,
            name: i.name,
            unit: i.unit,
            comparison: i.comparison,
            target: i.target,
            period: i.period,
            direction: i.direction,
            baseline: i.baseline,
            sourceText: i.sourceText,
            confirmedAt: i.confirmedAt ? new Date() : null,
          })),
        },
        carriedFrom: { create: { originMeasureId: m.id, targetPlanId: target.id, carriedById: actor.id } },
      },
      select: { id: true },
    });
    // Its reporting periods from today on, by the one rule (decision 020).
    const periods = await syncMeasurePeriods(tx, measure.id, { today });
    const newLabel = `${task.number}.${number}`;
    await recordActorEvent(tx, actor, {
      action: "measure.carryover",
      entityType: "Measure",
      entityId: measure.id,
      before: { plan: origin.code, measureId: m.id, number: label(m) },
      after: {
        plan: target.code,
        number: newLabel,
        departments: m.departments.map((d) => ({ department: d.department.shortName, role: roleOf(d) })),
        indicators: indicators.map((i) => i.name),
        deadline: input.deadline,
        cadence: input.cadence,
        periodsCreated: periods.created,
      },
    });
    created.push({ measureId: measure.id, number: newLabel, originMeasureId: m.id });
  }
  return { keyTaskId: task.id, created };
}
