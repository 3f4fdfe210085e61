/**
 * 原文 / 现行表述 through the server action: an administrator's edit is the current wording, the
 * text as issued never changes, and bad input is refused in Chinese with nothing changed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import zh from "../../messages/zh-CN.json";
import { seedShippedPlans } from "../../scripts/lib/seed";
import { updateMeasureAction } from "@/features/plan/actions";
import { initialActionState } from "@/lib/action-state";
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

const suffix = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const target = () => db.measure.findFirstOrThrow({ where: { number: 1, keyTask: { number: 1, plan: { code: "hs-gsyf-2021-2025" } } } });
let issued = "";

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}
/** The edit form as the page sends it: the measure's own schedule, only the wording changed. */
const fields = (m: { id: string; version: number; scheduleKind: string | null; scheduleStart: Date | null; deadline: Date | null }, text: string) =>
  form({
    measureId: m.id,
    expectedVersion: String(m.version),
    text,
    scheduleKind: m.scheduleKind ?? "QUARTERLY",
    scheduleStart: m.scheduleStart?.toISOString().slice(0, 10) ?? "",
    deadline: m.deadline?.toISOString().slice(0, 10) ?? "",
  });

beforeAll(async () => {
  await seedShippedPlans(db);
  const a = await db.user.create({ data: { loginName: `wording-admin-${suffix}`, displayName: "管理员", role: "ADMIN", passwordHash: "unused" } });
  state.user = { id: a.id, loginName: a.loginName, displayName: a.displayName, role: "ADMIN", departmentId: null, departmentName: null };
  issued = (await target()).text;
});
afterAll(async () => {
  // Other files in this database read the measure as issued.
  const m = await target();
  await db.measure.update({ where: { id: m.id }, data: { currentText: null } });
  await db.$disconnect();
});

describe("editing a measure's wording", () => {
  it("writes the current wording and leaves the issued text as issued", async () => {
    const m = await target();
    const result = await updateMeasureAction(initialActionState, fields(m, `${issued}（现行）`));
    expect(result).toMatchObject({ ok: true, message: zh.admin.saved });
    expect(await target()).toMatchObject({ text: issued, currentText: `${issued}（现行）`, version: m.version + 1, scheduleKind: m.scheduleKind, dueDates: m.dueDates });
  });

  it.each([
    ["an empty wording", "   ", zh.admin.measureTextRequired],
    ["a wording over 2000 characters", "措".repeat(2001), zh.admin.measureTextTooLong],
  ])("refuses %s in Chinese and changes nothing", async (_label, text, fieldMessage) => {
    const before = await target();
    const auditBefore = (await db.auditEvent.aggregate({ _max: { id: true } }))._max.id;
    const result = await updateMeasureAction(initialActionState, fields(before, text));
    expect(result).toMatchObject({ ok: false, message: zh.admin.invalidInput });
    expect(Object.values(result.fieldErrors ?? {}).flat()).toContain(fieldMessage);
    expect(await target()).toEqual(before);
    expect((await db.auditEvent.aggregate({ _max: { id: true } }))._max.id).toBe(auditBefore);
  });
});
