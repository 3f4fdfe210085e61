import { createServer } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbedded, type DatabaseHandle } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrate";
import { prismaFor } from "../../scripts/lib/prisma";
import { isDatabaseUnavailable } from "../../src/lib/database-errors";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let handle: DatabaseHandle | undefined;
afterAll(async () => handle?.stop());

// The shared PostgreSQL server cannot be stopped in the middle of a run, so this test owns an embedded one.
describe("when the database stops and comes back", () => {
  it("reports it as unavailable, and the same client recovers on its own", async () => {
    const port = await freePort();
    handle = await startEmbedded({ memory: true, port });
    await applyMigrations(handle.url);
    const db = prismaFor(handle.url);
    expect(await db.plan.count()).toBe(0);

    await handle.stop();
    const failure = await db.plan.count().then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).not.toBeNull();
    expect(isDatabaseUnavailable(failure)).toBe(true);

    // The database returns on the same address; no new client, no restart.
    handle = await startEmbedded({ memory: true, port });
    await applyMigrations(handle.url);
    let recovered: number | null = null;
    for (let attempt = 0; attempt < 10 && recovered === null; attempt++) {
      recovered = await db.plan.count().catch(() => null);
      if (recovered === null) await new Promise((r) => setTimeout(r, 200));
    }
    expect(recovered).toBe(0);
    await db.$disconnect();
  });
});
