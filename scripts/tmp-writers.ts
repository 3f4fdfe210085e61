import pg from "pg";
import { createWriters } from "./lib/bench-writers";
const base = "http://127.0.0.1:3298";
const dbName = process.argv[2];
async function signIn(loginName: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, { method: "POST", redirect: "manual", headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") }, body: new URLSearchParams({ csrfToken, loginName, password: "Duban@2025", json: "true" }) });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  return [...jar, session].join("; ");
}
const db = new pg.Pool({ connectionString: `postgresql://postgres@127.0.0.1:5432/${dbName}` });
const admin = await signIn("admin");
const reader = await signIn("lg001");
const writers = await createWriters({ base, db, planCode: "province-large", rate: Number(process.argv[3] ?? 5), signIn, admin });
writers.start?.();
const t0 = Date.now();
while (Date.now() - t0 < 30_000) {
  const s = performance.now();
  const r = await fetch(`${base}/departments/lg-d-1`, { headers: { cookie: reader } });
  await r.text();
  const v = await db.query(`SELECT "version", "historyVersion", "pageVersion" FROM "DataVersion"`);
  console.log(Math.round((Date.now() - t0) / 1000), "s dept", Math.round(performance.now() - s), "ms", r.headers.get("x-duban-cache"), JSON.stringify(v.rows[0]));
  await new Promise((r) => setTimeout(r, 500));
}
console.log(JSON.stringify(writers.figures()));
await writers.stop?.();
process.exit(0);
