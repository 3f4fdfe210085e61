/**
 * The migration that made leader instructions a loop (decision 023) gives each instruction written
 * before it the measure's lead department and leaves it 待交办 (no deadline was ever set), and adds
 * the measure to extension decisions already notified. Its data statements are run again here on
 * rows shaped the old way.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedPlan } from "../../src/features/seed/seed-plan";
import { testDb } from "../support/db";

const db = testDb();
const suffix = Date.now().toString(36);
const plan = {
  plan: { code: `loop-${suffix}`, title: "批示迁移测试计划", issuer: "测试", startYear: 2025, endYear: 2025 },
  departments: [
    { shortName: `庚局${suffix}`, fullName: "庚局全称", aliases: [], sortOrder: 311 },
    { shortName: `辛局${suffix}`, fullName: "辛局全称", aliases: [], sortOrder: 312 },
  ],
  keyTasks: [{ number: 3, title: "任务三", measures: [{ number: 2, text: "措施二。", departmentsText: `庚局${suffix}、辛局${suffix}`, timeArrangement: "每季度" }] }],
};

/** The migration's UPDATE statements, split as the migration runner splits them. */
function dataStatements(): string[] {
  const dir = path.resolve("prisma/migrations");
  const name = readdirSync(dir).find((d) => d.endsWith("_notices_and_instruction_loop"))!;
  const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
  return sql
    .split(";")
    .map((s) => s.replace(/^\s*--.*$/gm, "").trim())
    .filter((s) => /^UPDATE/.test(s));
}

let instructionId = "";
let notificationId = "";
let leadId = "";

beforeAll(async () => {
  await seedPlan(db, plan);
  const measure = await db.measure.findFirstOrThrow({ where: { keyTask: { plan: { code: plan.plan.code } } }, include: { departments: true, periods: { take: 1 } } });
  leadId = measure.departments.find((d) => d.isLead)!.departmentId;
  const author = await db.user.create({ data: { loginName: `loop-${suffix}`, displayName: "领导", passwordHash: "x", role: "LEADER" } });
  // As before the loop: no department, no deadline.
  instructionId = (await db.leaderInstruction.create({ data: { measureId: measure.id, authorId: author.id, text: "请加快推进" } })).id;
  await db.$executeRaw`UPDATE "LeaderInstruction" SET "departmentId" = NULL WHERE "id" = ${instructionId}`;
  notificationId = (
    await db.notification.create({
      data: { userId: author.id, kind: "EXTENSION_DECIDED", dedupeKey: `extension:old-${suffix}`, params: { state: "APPROVED", date: "2025-05-31" }, link: `/reports/${measure.periods[0].id}` },
    })
  ).id;
});
afterAll(() => db.$disconnect());

describe("migrating instructions and stored notifications", () => {
  it("gives an old instruction the measure's lead department, still to be assigned, and names the measure in an old extension decision", async () => {
    const statements = dataStatements();
    expect(statements).toHaveLength(2);
    for (const statement of statements) await db.$executeRawUnsafe(statement);
    expect(await db.leaderInstruction.findUniqueOrThrow({ where: { id: instructionId } })).toMatchObject({ departmentId: leadId, state: "PENDING", deadline: null });
    expect((await db.notification.findUniqueOrThrow({ where: { id: notificationId } })).params).toEqual({ state: "APPROVED", date: "2025-05-31", measure: "3.2" });
  });
});
