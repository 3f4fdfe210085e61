import type { PrismaClient, Prisma } from "@/generated/prisma/client";
import { recordActorEvent } from "@/features/audit/record-audit-event";
import { measureNumber, notifyDepartment, notifyUsers, type EventNotification } from "@/features/notifications/events";
import { refuseReadOnlyPlan } from "@/features/plan/mutations";
import { dayToDate, todayInChina } from "@/lib/due";
import { authorize, type Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";

export type InstructionErrorKey = "notFound" | "conflict" | "departmentNotFound" | "deadlinePast" | "alreadyReplied" | "notAssigned" | "notReplied" | "reasonRequired";

/** An expected refusal of an instruction rule; the key is a message under "instructions". Nothing was changed. */
export class InstructionRuleError extends RuleError {
  constructor(key: InstructionErrorKey, detail: Record<string, string | number> = {}) {
    super("instructions", key, detail);
  }
}

type Tx = Prisma.TransactionClient;
const measureSelect = { number: true, keyTask: { select: { number: true } } } as const;

/** The department's liaisons hear of an instruction assigned to it (or, without a deadline, written for it). */
function assignedNotification(instruction: { id: string; measureId: string; measure: { number: number; keyTask: { number: number } } }, deadline: string | null, round: number): EventNotification {
  return deadline
    ? { kind: "INSTRUCTION_ASSIGNED", dedupeKey: `instruction:${instruction.id}:assigned:${round}`, params: { measure: measureNumber(instruction.measure), date: deadline }, link: `/measures/${instruction.measureId}` }
    : { kind: "INSTRUCTION", dedupeKey: `instruction:${instruction.id}`, params: { measure: measureNumber(instruction.measure) }, link: `/measures/${instruction.measureId}` };
}

async function checkAssignment(tx: Tx, departmentId: string, deadline: string | null, now: Date) {
  if (deadline !== null && deadline < todayInChina(now)) throw new InstructionRuleError("deadlinePast");
  if (!(await tx.department.findUnique({ where: { id: departmentId }, select: { id: true } }))) throw new InstructionRuleError("departmentNotFound");
}

/**
 * A leader's instruction (领导批示) on a measure. Leaders only. With a deadline it is assigned at
 * once (交办) to `departmentId` (by default the measure's lead department); without one it waits
 * to be assigned (待交办). The department's liaisons are notified in the same transaction.
 */
export async function addInstruction(
  db: PrismaClient,
  actor: Actor,
  input: { measureId: string; text: string; departmentId?: string | null; deadline?: string | null },
  now: Date = new Date(),
): Promise<string> {
  authorize(actor, "instruction:write");
  const text = input.text.trim();
  return db.$transaction(async (tx) => {
    const measure = await tx.measure.findUnique({ where: { id: input.measureId }, select: { id: true, ...measureSelect, departments: { where: { isLead: true }, select: { departmentId: true } } } });
    if (!measure) throw new InstructionRuleError("notFound");
    await refuseReadOnlyPlan(tx, { measureId: measure.id });
    const departmentId = input.departmentId || measure.departments[0]?.departmentId || null;
    const deadline = input.deadline || null;
    if (deadline && !departmentId) throw new InstructionRuleError("departmentNotFound");
    if (departmentId) await checkAssignment(tx, departmentId, deadline, now);
    const assigned = Boolean(deadline);
    const created = await tx.leaderInstruction.create({
      data: {
        measureId: measure.id,
        authorId: actor.id,
        text,
        departmentId,
        deadline: deadline ? dayToDate(deadline) : null,
        state: assigned ? "ASSIGNED" : "PENDING",
        assignedAt: assigned ? now : null,
        assignedById: assigned ? actor.id : null,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordActorEvent(tx, actor, { action: "instruction.create", entityType: "LeaderInstruction", entityId: created.id, after: { measureId: measure.id, text, departmentId, deadline } });
    if (departmentId) await notifyDepartment(tx, departmentId, "instruction:reply", assignedNotification({ id: created.id, measureId: measure.id, measure }, deadline, 1));
    return created.id;
  });
}

/** The instruction with what the rules and texts need. */
async function loadInstruction(tx: Tx, instructionId: string) {
  const instruction = await tx.leaderInstruction.findUnique({
    where: { id: instructionId },
    select: { id: true, state: true, version: true, authorId: true, departmentId: true, measureId: true, measure: { select: measureSelect } },
  });
  if (!instruction) throw new InstructionRuleError("notFound");
  await refuseReadOnlyPlan(tx, { measureId: instruction.measureId });
  return instruction;
}

async function advance(tx: Tx, id: string, expectedVersion: number, from: ("PENDING" | "ASSIGNED" | "REPLIED")[], data: Prisma.LeaderInstructionUncheckedUpdateManyInput) {
  const updated = await tx.leaderInstruction.updateMany({ where: { id, version: expectedVersion, state: { in: from } }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new InstructionRuleError("conflict");
}

/**
 * 交办: a leader or the bureau assigns the instruction to a department with a deadline, or moves
 * an assigned one to another department or date, until the department has replied.
 */
export async function assignInstruction(
  db: PrismaClient,
  actor: Actor,
  input: { instructionId: string; expectedVersion: number; departmentId: string; deadline: string },
  now: Date = new Date(),
): Promise<void> {
  authorize(actor, "instruction:assign");
  await db.$transaction(async (tx) => {
    const instruction = await loadInstruction(tx, input.instructionId);
    if (instruction.state !== "PENDING" && instruction.state !== "ASSIGNED") throw new InstructionRuleError("alreadyReplied");
    await checkAssignment(tx, input.departmentId, input.deadline, now);
    await advance(tx, instruction.id, input.expectedVersion, ["PENDING", "ASSIGNED"], {
      state: "ASSIGNED",
      departmentId: input.departmentId,
      deadline: dayToDate(input.deadline),
      assignedAt: now,
      assignedById: actor.id,
    });
    await recordActorEvent(tx, actor, {
      action: "instruction.assign",
      entityType: "LeaderInstruction",
      entityId: instruction.id,
      before: { state: instruction.state, departmentId: instruction.departmentId },
      after: { state: "ASSIGNED", departmentId: input.departmentId, deadline: input.deadline },
    });
    await notifyDepartment(tx, input.departmentId, "instruction:reply", assignedNotification(instruction, input.deadline, input.expectedVersion + 1));
  });
}

/** 落实情况: the assigned department reports what it did. Its liaisons only; the instruction's author is notified. */
export async function replyInstruction(db: PrismaClient, actor: Actor, input: { instructionId: string; expectedVersion: number; reply: string }, now: Date = new Date()): Promise<void> {
  authorize(actor, "instruction:reply", { departmentId: actor.departmentId });
  const reply = input.reply.trim();
  await db.$transaction(async (tx) => {
    const instruction = await loadInstruction(tx, input.instructionId);
    authorize(actor, "instruction:reply", { departmentId: instruction.departmentId });
    if (instruction.state !== "ASSIGNED") throw new InstructionRuleError(instruction.state === "PENDING" ? "notAssigned" : "alreadyReplied");
    await advance(tx, instruction.id, input.expectedVersion, ["ASSIGNED"], { state: "REPLIED", reply, repliedAt: now, repliedById: actor.id });
    await recordActorEvent(tx, actor, { action: "instruction.reply", entityType: "LeaderInstruction", entityId: instruction.id, before: { state: "ASSIGNED" }, after: { state: "REPLIED", reply } });
    await notifyUsers(tx, [instruction.authorId], {
      kind: "INSTRUCTION_REPLIED",
      dedupeKey: `instruction:${instruction.id}:replied:${input.expectedVersion + 1}`,
      params: { measure: measureNumber(instruction.measure) },
      link: `/measures/${instruction.measureId}`,
    });
  });
}

/** 办结, or sent back with a reason (then assigned again and the department told): a leader or the bureau. */
export async function decideInstructionReply(
  db: PrismaClient,
  actor: Actor,
  input: { instructionId: string; expectedVersion: number; decision: "CLOSE" | "RETURN"; reason: string },
  now: Date = new Date(),
): Promise<void> {
  authorize(actor, "instruction:close");
  const reason = input.reason.trim();
  if (input.decision === "RETURN" && !reason) throw new InstructionRuleError("reasonRequired");
  await db.$transaction(async (tx) => {
    const instruction = await loadInstruction(tx, input.instructionId);
    if (instruction.state !== "REPLIED") throw new InstructionRuleError("notReplied");
    if (input.decision === "CLOSE") {
      await advance(tx, instruction.id, input.expectedVersion, ["REPLIED"], { state: "CLOSED", closedAt: now, closedById: actor.id });
      await recordActorEvent(tx, actor, { action: "instruction.close", entityType: "LeaderInstruction", entityId: instruction.id, before: { state: "REPLIED" }, after: { state: "CLOSED" } });
      await notifyDepartment(tx, instruction.departmentId!, "instruction:read", {
        kind: "INSTRUCTION_CLOSED",
        dedupeKey: `instruction:${instruction.id}:closed`,
        params: { measure: measureNumber(instruction.measure) },
        link: `/measures/${instruction.measureId}`,
      });
      return;
    }
    await advance(tx, instruction.id, input.expectedVersion, ["REPLIED"], { state: "ASSIGNED", returnReason: reason, returnedAt: now });
    await recordActorEvent(tx, actor, { action: "instruction.return", entityType: "LeaderInstruction", entityId: instruction.id, before: { state: "REPLIED" }, after: { state: "ASSIGNED", reason } });
    await notifyDepartment(tx, instruction.departmentId!, "instruction:reply", {
      kind: "INSTRUCTION_RETURNED",
      dedupeKey: `instruction:${instruction.id}:returned:${input.expectedVersion + 1}`,
      params: { measure: measureNumber(instruction.measure), reason },
      link: `/measures/${instruction.measureId}`,
    });
  });
}
