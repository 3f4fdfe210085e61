import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import type { NotificationKind } from "@/generated/prisma/enums";
import { loadWorkingCalendar } from "@/features/calendar/queries";
import { measureProgressOn } from "@/features/dashboard/compute";
import { loadPlanHistory } from "@/features/dashboard/load-history";
import { timingOf } from "@/features/notices/facts";
import { isoDay } from "@/lib/due";
import { escalationChanges, instructionEscalates, noticeEscalates, progressEscalates, type EscalationKey } from "@/lib/escalation";
import { noticeNumber } from "@/lib/notices";
import { escalationAction, mayBeInChargeOfDepartments, rolesWith } from "@/lib/permissions";
import { statusesWhere } from "@/lib/plan-lifecycle";
import { measureNumber } from "./events";

/*
 * Escalations (decision 032): a measure's red 进度 light, a red notice not yet answered, an
 * instruction past its deadline without a reply reach the department's head and the leaders in
 * charge of it (分管领导), once per occurrence. The conditions are read before the scan's
 * transaction; the occurrences (table Escalation) are opened and closed, and the notifications
 * written, inside it.
 */

type Tx = Prisma.TransactionClient;

/** A condition of today with what its notification says. */
export interface EscalationCondition extends EscalationKey {
  notification: { kind: NotificationKind; params: { measure: string } & Record<string, string>; link: string };
}

const KIND: Record<EscalationKey["kind"], NotificationKind> = {
  PROGRESS_RED: "ESCALATION_PROGRESS_RED",
  NOTICE_RED: "ESCALATION_NOTICE_RED",
  INSTRUCTION_OVERDUE: "ESCALATION_INSTRUCTION_OVERDUE",
};

/** Today's escalating conditions in the plans that remind (执行中), on measures not withdrawn or closed. */
export async function escalationConditions(db: PrismaClient, today: string): Promise<EscalationCondition[]> {
  const reminding = { withdrawnAt: null, closedAt: null, keyTask: { plan: { status: { in: statusesWhere("reminds") } } } };
  const [plans, notices, instructions, calendar, departments] = await Promise.all([
    db.plan.findMany({ where: { status: { in: statusesWhere("reminds") } }, select: { id: true } }),
    db.supervisionNotice.findMany({
      where: { state: { in: ["ISSUED", "SIGNED"] }, measure: reminding },
      select: { id: true, year: true, serial: true, colour: true, dueDate: true, state: true, repliedAt: true, departmentId: true, measureId: true, measure: { select: { number: true, keyTask: { select: { number: true } } } } },
    }),
    db.leaderInstruction.findMany({
      where: { state: "ASSIGNED", departmentId: { not: null }, deadline: { not: null }, measure: reminding },
      select: { id: true, state: true, deadline: true, departmentId: true, measureId: true, measure: { select: { number: true, keyTask: { select: { number: true } } } } },
    }),
    loadWorkingCalendar(db),
    db.department.findMany({ select: { id: true, shortName: true } }),
  ]);
  const name = new Map(departments.map((d) => [d.id, d.shortName]));
  const out: EscalationCondition[] = [];
  for (const plan of plans) {
    const input = await loadPlanHistory(db, plan.id);
    const lights = measureProgressOn(input, today);
    for (const m of input.measures ?? []) {
      const progress = lights.get(m.measureId);
      const lead = m.departments.find((d) => d.isLead);
      if (!progress || !lead || !progressEscalates(progress)) continue;
      out.push({
        kind: "PROGRESS_RED",
        subjectId: m.measureId,
        departmentId: lead.departmentId,
        notification: {
          kind: KIND.PROGRESS_RED,
          params: { measure: `${m.keyTaskNumber}.${m.measureNumber}`, department: name.get(lead.departmentId) ?? "" },
          link: `/measures/${m.measureId}`,
        },
      });
    }
  }
  for (const n of notices) {
    if (!noticeEscalates(timingOf(n), today, calendar)) continue;
    out.push({
      kind: "NOTICE_RED",
      subjectId: n.id,
      departmentId: n.departmentId,
      notification: {
        kind: KIND.NOTICE_RED,
        params: { measure: measureNumber(n.measure), number: noticeNumber(n.year, n.serial), department: name.get(n.departmentId) ?? "", date: isoDay(n.dueDate) },
        link: `/notices/${n.id}`,
      },
    });
  }
  for (const i of instructions) {
    const deadline = isoDay(i.deadline!);
    if (!instructionEscalates({ state: i.state, deadline }, today)) continue;
    out.push({
      kind: "INSTRUCTION_OVERDUE",
      subjectId: i.id,
      departmentId: i.departmentId!,
      notification: {
        kind: KIND.INSTRUCTION_OVERDUE,
        params: { measure: measureNumber(i.measure), department: name.get(i.departmentId!) ?? "", date: deadline },
        link: `/measures/${i.measureId}`,
      },
    });
  }
  return out;
}

/**
 * Opens an occurrence for each condition that has none open and tells the department's head and
 * its 分管领导 (one notification each, keyed by the occurrence); closes the occurrences whose
 * condition has ended. Returns the rows to insert with the scan's others.
 */
export async function applyEscalations(tx: Tx, conditions: readonly EscalationCondition[], now: Date): Promise<Prisma.NotificationCreateManyInput[]> {
  const open = await tx.escalation.findMany({ where: { closedAt: null }, select: { id: true, kind: true, subjectId: true, departmentId: true } });
  const { toOpen, toClose } = escalationChanges(conditions, open);
  if (toClose.length) await tx.escalation.updateMany({ where: { id: { in: toClose.map((e) => e.id) }, closedAt: null }, data: { closedAt: now } });
  if (!toOpen.length) return [];
  const departmentIds = [...new Set(toOpen.map((k) => k.departmentId))];
  // One after the other: a transaction is one connection, which takes one statement at a time.
  const heads = await tx.user.findMany({ where: { active: true, departmentId: { in: departmentIds }, role: { in: rolesWith(escalationAction) } }, select: { id: true, departmentId: true } });
  const leaders = await tx.leaderDepartment.findMany({ where: { departmentId: { in: departmentIds }, user: { active: true } }, select: { userId: true, departmentId: true, user: { select: { role: true } } } });
  const recipients = (departmentId: string) => [
    ...heads.filter((h) => h.departmentId === departmentId).map((h) => h.id),
    ...leaders.filter((l) => l.departmentId === departmentId && mayBeInChargeOfDepartments(l.user.role)).map((l) => l.userId),
  ];
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const key of toOpen) {
    const condition = conditions.find((c) => c.kind === key.kind && c.subjectId === key.subjectId && c.departmentId === key.departmentId)!;
    const { id } = await tx.escalation.create({ data: { kind: key.kind, subjectId: key.subjectId, departmentId: key.departmentId, openedAt: now }, select: { id: true } });
    for (const userId of new Set(recipients(key.departmentId))) rows.push({ ...condition.notification, userId, dedupeKey: `escalation:${id}` });
  }
  return rows;
}
