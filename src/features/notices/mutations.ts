import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { measureNumber, notifyDepartment, notifyRoles } from "@/features/notifications/events";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { dayToDate, todayInChina } from "@/lib/due";
import { noticeNumber, type NoticeColour } from "@/lib/notices";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";

export type NoticeErrorKey = "notFound" | "conflict" | "departmentNotOnMeasure" | "periodNotOnMeasure" | "dueDatePast" | "notIssued" | "notSigned" | "notReplied" | "reasonRequired";

/** An expected refusal of a notice rule; the key is a message under "notices". Nothing was changed. */
export class NoticeRuleError extends RuleError {
  constructor(key: NoticeErrorKey, detail: Record<string, string | number> = {}) {
    super("notices", key, detail);
  }
}

/** Any fixed number: with the year, the advisory lock that hands out one year's notice numbers one at a time. */
export const NOTICE_NUMBER_LOCK = 73_102_023;

type Tx = Prisma.TransactionClient;

const measureSelect = { number: true, keyTask: { select: { number: true } } } as const;

export interface IssueNoticeInput {
  measureId: string;
  departmentId: string;
  periodId: string | null;
  colour: NoticeColour;
  /** 办理时限, YYYY-MM-DD; today or later. */
  dueDate: string;
  text: string;
}

/**
 * The bureau issues a 督办单 to a department that carries the measure. Its number (督〔year〕n号)
 * is the next of the year, taken under a transaction-scoped advisory lock on that year, so two
 * notices issued at the same moment never share one (and a unique index would refuse it anyway).
 * The department's liaisons are notified in the same transaction.
 */
export async function issueNotice(db: PrismaClient, actor: Actor, input: IssueNoticeInput, now: Date = new Date()): Promise<{ id: string; number: string }> {
  authorize(actor, "notice:issue");
  const today = todayInChina(now);
  if (input.dueDate < today) throw new NoticeRuleError("dueDatePast");
  const text = input.text.trim();
  return db.$transaction(async (tx) => {
    const measure = await tx.measure.findUnique({
      where: { id: input.measureId },
      select: { id: true, ...measureSelect, departments: { select: { departmentId: true } }, periods: input.periodId ? { where: { id: input.periodId }, select: { id: true } } : false },
    });
    if (!measure) throw new NoticeRuleError("notFound");
    await refuseReadOnlyPlan(tx, { measureId: measure.id });
    if (!measure.departments.some((d) => d.departmentId === input.departmentId)) throw new NoticeRuleError("departmentNotOnMeasure");
    if (input.periodId && !measure.periods?.length) throw new NoticeRuleError("periodNotOnMeasure");
    const year = Number(today.slice(0, 4));
    // Waits for any other transaction numbering this year; the maximum read after it includes that one's notice.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${NOTICE_NUMBER_LOCK}::int, ${year}::int)`;
    const { _max } = await tx.supervisionNotice.aggregate({ where: { year }, _max: { serial: true } });
    const serial = (_max.serial ?? 0) + 1;
    const notice = await tx.supervisionNotice.create({
      data: {
        year,
        serial,
        measureId: measure.id,
        departmentId: input.departmentId,
        periodId: input.periodId,
        colour: input.colour,
        dueDate: dayToDate(input.dueDate),
        text,
        issuedById: actor.id,
        issuedAt: now,
      },
      select: { id: true },
    });
    const number = noticeNumber(year, serial);
    await recordActorEvent(tx, actor, {
      action: "notice.issue",
      entityType: "SupervisionNotice",
      entityId: notice.id,
      after: { number, measureId: measure.id, departmentId: input.departmentId, periodId: input.periodId, colour: input.colour, dueDate: input.dueDate, text },
    });
    await notifyDepartment(tx, input.departmentId, "notice:reply", {
      kind: "NOTICE_ISSUED",
      dedupeKey: `notice:${notice.id}:issued`,
      params: { measure: measureNumber(measure), number, date: input.dueDate },
      link: `/notices/${notice.id}`,
    });
    return { id: notice.id, number };
  });
}

/** The notice with what the rules and the texts need; the policy is asked on its department. */
async function loadNotice(tx: Tx, actor: Actor, noticeId: string, action: "notice:sign" | "notice:reply" | "notice:close") {
  const notice = await tx.supervisionNotice.findUnique({
    where: { id: noticeId },
    select: { id: true, year: true, serial: true, state: true, version: true, departmentId: true, measureId: true, measure: { select: measureSelect } },
  });
  if (!notice) throw new NoticeRuleError("notFound");
  authorize(actor, action, { departmentId: notice.departmentId });
  await refuseReadOnlyPlan(tx, { measureId: notice.measureId });
  return notice;
}

/** Moves the notice from `from` to `data` at `expectedVersion`, or refuses (someone else acted first). */
async function advance(tx: Tx, noticeId: string, expectedVersion: number, from: Prisma.EnumNoticeStateFilter["in"], data: Prisma.SupervisionNoticeUpdateManyMutationInput) {
  const updated = await tx.supervisionNotice.updateMany({ where: { id: noticeId, version: expectedVersion, state: { in: from } }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new NoticeRuleError("conflict");
}

/** 签收: the department acknowledges the notice (timed). Its liaisons only. */
export async function signNotice(db: PrismaClient, actor: Actor, input: { noticeId: string; expectedVersion: number }, now: Date = new Date()): Promise<void> {
  authorize(actor, "notice:sign", { departmentId: actor.departmentId });
  await db.$transaction(async (tx) => {
    const notice = await loadNotice(tx, actor, input.noticeId, "notice:sign");
    if (notice.state !== "ISSUED") throw new NoticeRuleError("notIssued");
    await advance(tx, notice.id, input.expectedVersion, ["ISSUED"], { state: "SIGNED", signedAt: now, signedById: actor.id });
    await recordActorEvent(tx, actor, { action: "notice.sign", entityType: "SupervisionNotice", entityId: notice.id, before: { state: "ISSUED" }, after: { state: "SIGNED", signedAt: now.toISOString() } });
  });
}

/**
 * The department answers the notice (办理情况). A notice not yet signed for is signed with the
 * answer. The bureau's administrators are notified in the same transaction.
 */
export async function replyNotice(db: PrismaClient, actor: Actor, input: { noticeId: string; expectedVersion: number; reply: string }, now: Date = new Date()): Promise<void> {
  authorize(actor, "notice:reply", { departmentId: actor.departmentId });
  const reply = input.reply.trim();
  await db.$transaction(async (tx) => {
    const notice = await loadNotice(tx, actor, input.noticeId, "notice:reply");
    if (notice.state !== "ISSUED" && notice.state !== "SIGNED") throw new NoticeRuleError("notSigned");
    const signing = notice.state === "ISSUED" ? { signedAt: now, signedById: actor.id } : {};
    await advance(tx, notice.id, input.expectedVersion, ["ISSUED", "SIGNED"], { ...signing, state: "REPLIED", reply, repliedAt: now, repliedById: actor.id });
    await recordActorEvent(tx, actor, { action: "notice.reply", entityType: "SupervisionNotice", entityId: notice.id, before: { state: notice.state }, after: { state: "REPLIED", reply } });
    await notifyRoles(tx, "notice:close", {
      kind: "NOTICE_REPLIED",
      dedupeKey: `notice:${notice.id}:replied:${input.expectedVersion + 1}`,
      params: { measure: measureNumber(notice.measure), number: noticeNumber(notice.year, notice.serial) },
      link: `/notices/${notice.id}`,
    });
  });
}

/**
 * The bureau accepts the reply and closes the notice (办结), or returns the reply with a reason:
 * the notice is then signed-for again and awaits a new reply, and the department is notified.
 */
export async function decideNoticeReply(
  db: PrismaClient,
  actor: Actor,
  input: { noticeId: string; expectedVersion: number; decision: "ACCEPT" | "RETURN"; reason: string },
  now: Date = new Date(),
): Promise<void> {
  authorize(actor, "notice:close");
  const reason = input.reason.trim();
  if (input.decision === "RETURN" && !reason) throw new NoticeRuleError("reasonRequired");
  await db.$transaction(async (tx) => {
    const notice = await loadNotice(tx, actor, input.noticeId, "notice:close");
    if (notice.state !== "REPLIED") throw new NoticeRuleError("notReplied");
    if (input.decision === "ACCEPT") {
      await advance(tx, notice.id, input.expectedVersion, ["REPLIED"], { state: "CLOSED", closedAt: now, closedById: actor.id });
      await recordActorEvent(tx, actor, { action: "notice.close", entityType: "SupervisionNotice", entityId: notice.id, before: { state: "REPLIED" }, after: { state: "CLOSED" } });
      // The department hears that its reply closed the notice (its liaisons and its head read its notices).
      await notifyDepartment(tx, notice.departmentId, "notice:read", {
        kind: "NOTICE_CLOSED",
        dedupeKey: `notice:${notice.id}:closed`,
        params: { measure: measureNumber(notice.measure), number: noticeNumber(notice.year, notice.serial) },
        link: `/notices/${notice.id}`,
      });
      return;
    }
    await advance(tx, notice.id, input.expectedVersion, ["REPLIED"], { state: "SIGNED", returnReason: reason, returnedAt: now });
    await recordActorEvent(tx, actor, { action: "notice.return", entityType: "SupervisionNotice", entityId: notice.id, before: { state: "REPLIED" }, after: { state: "SIGNED", reason } });
    await notifyDepartment(tx, notice.departmentId, "notice:reply", {
      kind: "NOTICE_RETURNED",
      dedupeKey: `notice:${notice.id}:returned:${input.expectedVersion + 1}`,
      params: { measure: measureNumber(notice.measure), number: noticeNumber(notice.year, notice.serial), reason },
      link: `/notices/${notice.id}`,
    });
  });
}
