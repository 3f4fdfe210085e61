import { afterAll, describe, expect, it } from "vitest";
import { watchVersion, type VersionWatcher } from "../../src/server/version-watcher";
import { testDb } from "../support/db";

const db = testDb();
const watchers: VersionWatcher[] = [];
afterAll(async () => {
  for (const w of watchers) w.stop();
  await db.$disconnect();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await sleep(20);
}
const dashboardVersion = async () => (await db.dataVersion.findUniqueOrThrow({ where: { id: 1 } })).version;

describe("the dashboard warmer's watch", () => {
  it("reacts to writes to the dashboard's data, once per change it sees, and not to other writes", async () => {
    let calls = 0;
    const w = watchVersion({ name: "test", read: dashboardVersion, intervalMs: 50, onChange: () => void calls++ });
    watchers.push(w);
    await until(() => calls === 1); // once at the start
    expect(calls).toBe(1);

    // A write the dashboards do not read leaves it alone.
    const user = await db.user.create({ data: { loginName: `watch-${Date.now()}`, displayName: "观察", role: "LEADER", passwordHash: "unused" } });
    await db.notification.create({ data: { userId: user.id, kind: "OVERDUE", dedupeKey: "watch", params: {}, link: "/" } });
    await sleep(300);
    expect(calls).toBe(1);

    // A department's name is on the overview.
    await db.department.create({ data: { shortName: `观察部门${Date.now()}`, fullName: "观察测试部门" } });
    await until(() => calls === 2);
    expect(calls).toBe(2);
    await sleep(300);
    expect(calls).toBe(2);
  });

  it("tries again after a failing recomputation, and logs an unreadable version once", async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    try {
      let calls = 0;
      const w = watchVersion({
        name: "test",
        read: dashboardVersion,
        intervalMs: 50,
        onChange: () => {
          calls++;
          if (calls === 1) throw new Error("the database went away");
        },
      });
      watchers.push(w);
      // The first call fails; the same version is tried again at the next tick.
      await until(() => calls === 2);
      expect(calls).toBe(2);
      expect(warnings).toHaveLength(1);

      let reads = 0;
      const down = watchVersion({
        name: "test",
        read: async () => {
          reads++;
          throw new Error("connect ECONNREFUSED 127.0.0.1:5432");
        },
        intervalMs: 20,
        onChange: () => {
          throw new Error("never called");
        },
      });
      watchers.push(down);
      await until(() => reads >= 5);
      down.stop();
      expect(warnings).toHaveLength(2);
    } finally {
      console.warn = warn;
    }
  });
});
