import { afterAll, describe, expect, it } from "vitest";
import { testDb } from "../support/db";

const db = testDb();
afterAll(() => db.$disconnect());

describe("rules enforced by the database itself", () => {
  it("keeps the audit trail append-only: UPDATE, DELETE and TRUNCATE fail", async () => {
    const event = await db.auditEvent.create({ data: { actorLabel: "test", action: "test.event", entityType: "Test" } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow();
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    await expect(db.$executeRaw`TRUNCATE "AuditEvent"`).rejects.toThrow();
    expect((await db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).action).toBe("test.event");
  });

  it("refuses a liaison without a department", async () => {
    await expect(
      db.user.create({ data: { loginName: `orphan-${Date.now()}`, displayName: "x", role: "LIAISON", passwordHash: "x" } }),
    ).rejects.toThrow();
  });
});
