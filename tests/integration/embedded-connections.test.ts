import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedded, type DatabaseHandle } from "../../scripts/lib/database";

// The embedded database has one session; every client connection is served over it (decision 037).
// These run on an embedded database of their own whatever TEST_DATABASE_URL says: they are about it.
let handle: DatabaseHandle;
let pool: pg.Pool;
let dir: string;

beforeAll(async () => {
  // On disk, as the app runs it: writing to its files is where one connection's turn gives way to another's.
  dir = await mkdtemp(path.join(tmpdir(), "duban-embedded-"));
  handle = await startEmbedded({ dir });
  pool = new pg.Pool({ connectionString: handle.url, max: 12 });
});
afterAll(async () => {
  await pool?.end();
  await handle?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe("the embedded database under concurrent connections", () => {
  it("answers each connection's parameterised statements with its own statement and values", async () => {
    // Statements of different shapes, sent at once from twelve connections: if one connection's
    // Parse landed between another's Parse and Bind, the Bind would find the wrong statement
    // ("bind message supplies 2 parameters, but prepared statement "" requires 1") or wrong rows.
    // Every other one carries a long value, so that its messages reach the server in more than one
    // piece: the server runs what has arrived, and another connection's messages can come in between.
    const runs = Array.from({ length: 1000 }, async (_, i) => {
      if (i % 2 === 1) {
        const long = "x".repeat(200_000 + i);
        const r = await pool.query<{ v: number }>("SELECT length($1::text) AS v", [long]);
        return r.rows[0]?.v === long.length;
      }
      if (i % 4 === 0) {
        const r = await pool.query<{ v: number }>("SELECT $1::int + $2::int AS v", [i, 1]);
        return r.rows[0]?.v === i + 1;
      }
      const r = await pool.query<{ v: string }>("SELECT $1::text || $2::text || $3::text AS v", ["a", String(i), "z"]);
      return r.rows[0]?.v === `a${i}z`;
    });
    const results = await Promise.allSettled(runs);
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(results.every((r) => r.status === "fulfilled" && r.value)).toBe(true);
  });

  it("keeps a connection's open transaction to itself, and others go on when it ends", async () => {
    await pool.query("CREATE TABLE IF NOT EXISTS embedded_probe (n int)");
    const owner = await pool.connect();
    try {
      await owner.query("BEGIN");
      await owner.query("INSERT INTO embedded_probe VALUES ($1)", [1]);
      // Another connection's statement waits for the transaction rather than running inside it.
      let otherDone = false;
      const other = pool.query<{ c: string }>("SELECT count(*)::text AS c FROM embedded_probe WHERE n = $1", [1]).then((r) => {
        otherDone = true;
        return r.rows[0]?.c;
      });
      await new Promise((r) => setTimeout(r, 100));
      expect(otherDone).toBe(false);
      await owner.query("ROLLBACK");
      expect(await other).toBe("0");
    } finally {
      owner.release();
    }
  });

  it("rolls back the transaction of a connection that goes away, and serves the others", async () => {
    const client = new pg.Client({ connectionString: handle.url });
    client.on("error", () => {});
    await client.connect();
    await client.query("BEGIN");
    await client.query("INSERT INTO embedded_probe VALUES ($1)", [2]);
    const waiting = pool.query<{ c: string }>("SELECT count(*)::text AS c FROM embedded_probe WHERE n = $1", [2]);
    await new Promise((r) => setTimeout(r, 50));
    // The client's socket closes without COMMIT or ROLLBACK.
    (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    expect((await waiting).rows[0]?.c).toBe("0");
  });
});
