/**
 * 结转 (decision 028): an administrator carries unfinished measures of the ended shipped plan
 * (2021—2025) into the test plan (2026—2030, tests/fixtures/plan-2026-2030.json) as new measures,
 * each linked to its origin. Both sides show the link; one transaction, audited; refused to a
 * liaison and a leader, twice into one plan, into an ended plan, and all or nothing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import zh from "../../messages/zh-CN.json";
import { seedPlanFiles, seedShippedPlans, testPlanFiles } from "../../scripts/lib/seed";
import { SHIPPED_PLAN } from "../support/plans";
import { carryOverMeasures, type CarryoverInput } from "@/features/carryover/mutations";
import { carryOverAction } from "@/features/carryover/actions";
import { initialActionState } from "@/lib/action-state";
import type { Actor } from "@/lib/permissions";
import { RuleError } from "@/lib/rule-error";
import type { CurrentUser } from "@/server/auth";
import { db } from "@/server/db";

const state = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/server/auth", async (importOriginal) =>
  (await import("../support/request-mocks")).signedInAs(await importOriginal<typeof import("@/server/auth")>(), () => state.user),
);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn(), refresh: vi.fn() }));
vi.mock("next-intl/server", async () => (await import("../support/request-mocks")).chineseTranslations());
vi.mock("@/server/db", async () => {
  const { testDb } = await import("../support/db");
  return { db: testDb() };
});
const { getCarryoverChoices, getMeasureCarryovers } = await import("@/features/carryover/queries");

const TEST_PLAN = "hs-gsyf-2026-2030";
const TODAY = "2026-12-02";
const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

const ids = { origin: "", target: "", m61: "", m43: "", m112: "", m95: "" };
let admin: Actor;
let adminUser: CurrentUser;
const users: Record<"leader" | "liaison", Actor> = {} as never;
let jointLeadRow: { measureId: string; departmentId: string } | null = null;

const shipped = (task: number, number: number) =>
  db.measure.findFirstOrThrow({
    where: { number, keyTask: { number: task, plan: { code: SHIPPED_PLAN } } },
    include: { departments: { orderBy: { sortOrder: "asc" }, include: { department: true } }, indicators: { orderBy: { key: "asc" } } },
  });
const lastAuditId = async () => (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? BigInt(0);
const auditSince = async (id: bigint) => (await db.auditEvent.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } })).map((e) => [e.action, e.entityType, e.entityId, e.actorId]);
/** The target plan's structure and every carry-over link: what a refused carry-over must leave as it was. */
const world = async () => ({
  target: await db.plan.findUniqueOrThrow({
    where: { id: ids.target },
    include: { keyTasks: { orderBy: { number: "asc" }, include: { measures: { orderBy: { number: "asc" }, include: { departments: true, indicators: true, periods: { orderBy: { id: "asc" } } } } } } },
  }),
  links: await db.measureCarryover.findMany({ orderBy: { id: "asc" } }),
  audit: await lastAuditId(),
});

async function expectRefused(call: () => Promise<unknown>, key: string) {
  const before = await world();
  const error = await call().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RuleError);
  expect((error as RuleError).key).toBe(key);
  expect(await world()).toEqual(before);
}

const input = (over: Partial<CarryoverInput> = {}): CarryoverInput => ({
  originPlanId: ids.origin,
  targetPlanId: ids.target,
  keyTaskId: null,
  deadline: "2027-12-31",
  cadence: "QUARTERLY",
  items: [],
  ...over,
});

beforeAll(async () => {
  await seedShippedPlans(db);
  await seedPlanFiles(db, testPlanFiles);
  ids.origin = (await db.plan.findUniqueOrThrow({ where: { code: SHIPPED_PLAN } })).id;
  ids.target = (await db.plan.findUniqueOrThrow({ where: { code: TEST_PLAN } })).id;
  expect((await db.plan.findUniqueOrThrow({ where: { id: ids.origin } })).status).toBe("ENDED");
  ids.m61 = (await shipped(6, 1)).id;
  ids.m43 = (await shipped(4, 3)).id;
  ids.m112 = (await shipped(11, 2)).id;
  ids.m95 = (await shipped(9, 3)).id;
  // 4.3 with a joint lead (共同牵头), so that every role is carried: 市人社局 leads, 市卫健委 co-leads, 市应急局 supports.
  const m43 = await shipped(4, 3);
  jointLeadRow = { measureId: m43.id, departmentId: m43.departments[1].departmentId };
  await db.measureDepartment.update({ where: { measureId_departmentId: jointLeadRow }, data: { isJointLead: true } });

  const make = (role: "ADMIN" | "LEADER" | "LIAISON", departmentId: string | null) =>
    db.user.create({ data: { loginName: `carry-${role.toLowerCase()}-${suffix}`, displayName: role, role, departmentId, passwordHash: "unused" } });
  const a = await make("ADMIN", null);
  admin = { id: a.id, loginName: a.loginName, role: "ADMIN", departmentId: null, ip: "127.0.0.1" };
  adminUser = { id: a.id, loginName: a.loginName, displayName: a.displayName, role: "ADMIN", departmentId: null, departmentName: null };
  const l = await make("LEADER", null);
  users.leader = { id: l.id, loginName: l.loginName, role: "LEADER", departmentId: null, ip: "127.0.0.1" };
  const dept = m43.departments[0].departmentId;
  const li = await make("LIAISON", dept);
  users.liaison = { id: li.id, loginName: li.loginName, role: "LIAISON", departmentId: dept, ip: "127.0.0.1" };
});

afterAll(async () => {
  if (jointLeadRow) await db.measureDepartment.update({ where: { measureId_departmentId: jointLeadRow }, data: { isJointLead: false } });
  // Other files in this database know one plan: the test plan goes, with the measures carried into it and their links.
  if (ids.target) await db.plan.delete({ where: { id: ids.target } });
  await db.$disconnect();
});

describe("carry-over", () => {
  it("lists the ended plan's measures with their closure, progress and indicator outcomes, and the plans they may go to", async () => {
    const choices = await getCarryoverChoices(admin, ids.origin);
    expect(choices).not.toBeNull();
    expect(choices!.candidates.length).toBe(34);
    const c61 = choices!.candidates.find((c) => c.id === ids.m61)!;
    expect(c61).toMatchObject({ number: "6.1", closedOn: null });
    expect(c61.indicators.length).toBeGreaterThan(0);
    // Nothing was reported against 工伤保险覆盖率 in this database: not met, so it goes with the measure by default.
    expect(c61.indicators.every((i) => i.carriedByDefault)).toBe(true);
    expect(choices!.targets.map((t) => t.id)).toContain(ids.target);
    expect(choices!.targets.map((t) => t.id)).not.toContain(ids.origin);
    expect(await getCarryoverChoices(users.liaison, ids.origin)).toBeNull();
    expect(await getCarryoverChoices(users.leader, ids.origin)).toBeNull();
  });

  it("refuses a liaison and a leader, changing nothing", async () => {
    const items = [{ measureId: ids.m61, indicatorIds: [] }];
    await expectRefused(() => carryOverMeasures(db, users.liaison, input({ items }), { today: TODAY }), "forbidden");
    await expectRefused(() => carryOverMeasures(db, users.leader, input({ items }), { today: TODAY }), "forbidden");
    // Through the server action too: the refusal in Chinese, nothing saved.
    state.user = { id: users.leader.id, loginName: users.leader.loginName, displayName: "LEADER", role: "LEADER", departmentId: null, departmentName: null };
    const before = await world();
    const data = new FormData();
    data.set("originPlanId", ids.origin);
    data.set("target", `${ids.target}:new`);
    data.set("cadence", "QUARTERLY");
    data.append("measureId", ids.m61);
    expect(await carryOverAction(initialActionState, data)).toMatchObject({ ok: false, message: zh.authz.forbidden });
    expect(await world()).toEqual(before);
  });

  it("carries two measures into a new 「结转事项」 key task: text, departments and roles, chosen indicators, a schedule, links both ways, audited", async () => {
    const [m61, m43] = await Promise.all([shipped(6, 1), shipped(4, 3)]);
    const before = await lastAuditId();
    const tasksBefore = await db.keyTask.count({ where: { planId: ids.target } });
    const result = await carryOverMeasures(
      db,
      admin,
      input({ items: [{ measureId: m61.id, indicatorIds: m61.indicators.map((i) => i.id) }, { measureId: m43.id, indicatorIds: [] }] }),
      { today: TODAY },
    );
    const task = await db.keyTask.findUniqueOrThrow({ where: { id: result.keyTaskId } });
    expect(task).toMatchObject({ planId: ids.target, title: "结转事项", number: tasksBefore + 1 });
    expect(result.created.map((c) => c.number)).toEqual([`${task.number}.1`, `${task.number}.2`]);

    const carried = await Promise.all(
      result.created.map((c) =>
        db.measure.findUniqueOrThrow({
          where: { id: c.measureId },
          include: { departments: { orderBy: { sortOrder: "asc" }, include: { department: true } }, indicators: true, periods: { orderBy: { dueDate: "asc" } }, carriedFrom: true },
        }),
      ),
    );
    const [n61, n43] = carried;
    expect(n61.text).toBe(m61.currentText ?? m61.text);
    expect(n43.text).toBe(m43.currentText ?? m43.text);
    const roles = (m: typeof m43) => m.departments.map((d) => [d.department.shortName, d.isLead, d.isJointLead]);
    expect(roles(n43)).toEqual(roles(m43));
    expect(roles(n61)).toEqual(roles(m61));
    expect(n43.departments.filter((d) => d.isJointLead)).toHaveLength(1);
    expect(n43.departmentsText).toBe("市人社局牵头，市卫健委共同牵头，市应急局配合");
    expect(n61.indicators.map((i) => [i.key, i.name, String(i.target)]).sort()).toEqual(m61.indicators.map((i) => [i.key, i.name, String(i.target)]).sort());
    expect(n43.indicators).toEqual([]);
    // A schedule in the target plan: quarters from today to the deadline, and the deadline as a checkpoint.
    expect(n61).toMatchObject({ scheduleKind: "DEADLINE", cadence: "QUARTERLY", timeArrangement: "2027-12-31前" });
    expect(n61.periods.length).toBeGreaterThan(0);
    expect(n61.periods.every((p) => p.dueDate.toISOString().slice(0, 10) >= TODAY)).toBe(true);
    expect(n61.periods.some((p) => p.kind === "MILESTONE" && p.periodEnd.toISOString().startsWith("2027-12-31"))).toBe(true);
    expect(n61.periods.some((p) => p.kind === "QUARTER" && p.periodEnd.toISOString().startsWith("2027-03-31"))).toBe(true);

    // Both sides show the link.
    expect(await getMeasureCarryovers(admin, m61.id)).toMatchObject({ from: null, into: [{ measureId: n61.id, number: `${task.number}.1`, planCode: TEST_PLAN }] });
    expect(await getMeasureCarryovers(users.liaison, n61.id)).toMatchObject({ from: { measureId: m61.id, number: "6.1", planCode: SHIPPED_PLAN }, into: [] });
    expect(n61.carriedFrom).toMatchObject({ originMeasureId: m61.id, targetPlanId: ids.target, carriedById: admin.id });
    // The origin is untouched.
    expect(await shipped(6, 1)).toEqual(m61);

    expect(await auditSince(before)).toEqual([
      ["keyTask.create", "KeyTask", task.id, admin.id],
      ["measure.carryover", "Measure", n61.id, admin.id],
      ["measure.carryover", "Measure", n43.id, admin.id],
    ]);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "measure.carryover", entityId: n61.id } });
    expect(event.before).toEqual({ plan: SHIPPED_PLAN, measureId: m61.id, number: "6.1" });
    expect(event.after).toMatchObject({ plan: TEST_PLAN, number: `${task.number}.1`, deadline: "2027-12-31", cadence: "QUARTERLY" });

    // The candidates list says so too.
    const choices = await getCarryoverChoices(admin, ids.origin);
    expect(choices!.candidates.find((c) => c.id === m61.id)!.carriedInto).toEqual([{ planId: ids.target, planTitle: expect.any(String), measureId: n61.id, number: `${task.number}.1` }]);
  });

  it("refuses to carry the same measure twice into one plan, with a clear message", async () => {
    await expectRefused(() => carryOverMeasures(db, admin, input({ items: [{ measureId: ids.m61, indicatorIds: [] }] }), { today: TODAY }), "carryoverTwice");
    state.user = adminUser;
    const data = new FormData();
    data.set("originPlanId", ids.origin);
    data.set("target", `${ids.target}:new`);
    data.set("cadence", "QUARTERLY");
    data.append("measureId", ids.m61);
    const answer = await carryOverAction(initialActionState, data);
    expect(answer.ok).toBe(false);
    expect(answer.message).toMatch(/^措施 6\.1 已结转至“黄石市工伤预防行动计划（2026—2030年）（测试数据）”，不能重复结转。$/);
  });

  it("adds to the existing 「结转事项」 key task or to one the administrator chose", async () => {
    const carryTask = await db.keyTask.findFirstOrThrow({ where: { planId: ids.target, title: "结转事项" } });
    const tasksBefore = await db.keyTask.count({ where: { planId: ids.target } });
    const again = await carryOverMeasures(db, admin, input({ deadline: null, cadence: "HALF_YEARLY", items: [{ measureId: ids.m112, indicatorIds: [] }] }), { today: TODAY });
    expect(again.keyTaskId).toBe(carryTask.id);
    expect(again.created[0].number).toBe(`${carryTask.number}.3`);
    expect(await db.keyTask.count({ where: { planId: ids.target } })).toBe(tasksBefore);
    expect(await db.measure.findUniqueOrThrow({ where: { id: again.created[0].measureId } })).toMatchObject({ scheduleKind: "ONGOING", timeArrangement: "持续推进", cadence: "HALF_YEARLY", deadline: null });

    const chosen = await db.keyTask.findFirstOrThrow({ where: { planId: ids.target, number: 1 } });
    const last = await db.measure.aggregate({ where: { keyTaskId: chosen.id }, _max: { number: true } });
    const into = await carryOverMeasures(db, admin, input({ keyTaskId: chosen.id, items: [{ measureId: ids.m95, indicatorIds: [] }] }), { today: TODAY });
    expect(into).toMatchObject({ keyTaskId: chosen.id, created: [{ number: `1.${(last._max.number ?? 0) + 1}` }] });
  });

  it("refuses an ended target plan, the plan itself, a key task of another plan, a deadline outside the plan, a closed measure, nothing chosen", async () => {
    const m = await shipped(1, 1);
    const items = [{ measureId: m.id, indicatorIds: [] }];
    await db.plan.update({ where: { id: ids.target }, data: { status: "ENDED" } });
    try {
      await expectRefused(() => carryOverMeasures(db, admin, input({ items }), { today: TODAY }), "carryoverTargetClosed");
    } finally {
      await db.plan.update({ where: { id: ids.target }, data: { status: "ACTIVE" } });
    }
    await expectRefused(() => carryOverMeasures(db, admin, input({ targetPlanId: ids.origin, items }), { today: TODAY }), "carryoverSamePlan");
    const otherTask = await db.keyTask.findFirstOrThrow({ where: { planId: ids.origin } });
    await expectRefused(() => carryOverMeasures(db, admin, input({ keyTaskId: otherTask.id, items }), { today: TODAY }), "notFound");
    await expectRefused(() => carryOverMeasures(db, admin, input({ deadline: "2026-06-30", items }), { today: TODAY }), "carryoverDeadlineOutside");
    await expectRefused(() => carryOverMeasures(db, admin, input({ deadline: "2031-03-31", items }), { today: TODAY }), "carryoverDeadlineOutside");
    await expectRefused(() => carryOverMeasures(db, admin, input({ items: [] }), { today: TODAY }), "carryoverNothingChosen");
    // An indicator of another measure does not go along.
    const m61 = await shipped(6, 1);
    await expectRefused(() => carryOverMeasures(db, admin, input({ items: [{ measureId: m.id, indicatorIds: [m61.indicators[0].id] }] }), { today: TODAY }), "notFound");
    // A running plan's measures are not carried over.
    await expectRefused(() => carryOverMeasures(db, admin, input({ originPlanId: ids.target, targetPlanId: ids.origin, items }), { today: TODAY }), "carryoverOriginRunning");
  });

  it("is all or nothing: a closed measure among the chosen, or a failure halfway, saves none of them", async () => {
    const [m11, m12] = await Promise.all([shipped(1, 1), shipped(1, 2)]);
    await db.measure.update({ where: { id: m12.id }, data: { closedAt: new Date("2025-11-30T02:00:00Z") } });
    try {
      await expectRefused(
        () => carryOverMeasures(db, admin, input({ items: [{ measureId: m11.id, indicatorIds: [] }, { measureId: m12.id, indicatorIds: [] }] }), { today: TODAY }),
        "carryoverClosed",
      );
    } finally {
      await db.measure.update({ where: { id: m12.id }, data: { closedAt: null } });
    }
    // The second link fails in the database after the first measure was written: the first goes too.
    await db.$executeRawUnsafe(`CREATE FUNCTION "carryover_test_fail"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW."originMeasureId" = '${m12.id}' THEN RAISE EXCEPTION 'halfway'; END IF; RETURN NEW; END $$`);
    await db.$executeRawUnsafe(`CREATE TRIGGER "carryover_test_fail" BEFORE INSERT ON "MeasureCarryover" FOR EACH ROW EXECUTE FUNCTION "carryover_test_fail"()`);
    try {
      const before = await world();
      const failed = await carryOverMeasures(db, admin, input({ items: [{ measureId: m11.id, indicatorIds: [] }, { measureId: m12.id, indicatorIds: [] }] }), { today: TODAY }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(failed).toBeInstanceOf(Error);
      expect(await world()).toEqual(before);
      expect(await db.measureCarryover.count({ where: { originMeasureId: m11.id } })).toBe(0);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER "carryover_test_fail" ON "MeasureCarryover"`);
      await db.$executeRawUnsafe(`DROP FUNCTION "carryover_test_fail"()`);
    }
    // Without the failure, the same two go through.
    const ok = await carryOverMeasures(db, admin, input({ items: [{ measureId: m11.id, indicatorIds: [] }, { measureId: m12.id, indicatorIds: [] }] }), { today: TODAY });
    expect(ok.created).toHaveLength(2);
  });
});
