/**
 * npm run bench — load test of the production build on 127.0.0.1.
 *
 * Starts the app on a scratch copy of the seeded plan (the local PostgreSQL
 * server in TEST_DATABASE_URL, else the embedded database), signs in as a
 * leader, a liaison and an administrator, and drives, one after the other, a
 * static asset (the ceiling), the leader overview, a department page and the
 * review queue with 20 concurrent connections (wrk, Debian's package). Prints p50/p95/p99 latency,
 * requests per second, errors, and each page's throughput as a share of the
 * ceiling; the last line is one JSON object.
 * --large first generates a province-scale dataset (scripts/lib/large-dataset.ts)
 * into the scratch database; it needs TEST_DATABASE_URL (a local PostgreSQL server).
 * With a PostgreSQL server it also times the first view of each page after a
 * write (the rendered-page cache starts again for every page; an edit of the
 * dashboard's own data also recomputes the overview in the background; timed at once and again
 * 4 s later): single requests, one at a time.
 * --writes <rate> (needs TEST_DATABASE_URL): liaisons save reports through the report actions
 * while each page is read (scripts/lib/bench-writers.ts); the writers' figures are reported too.
 * Before the timed runs the write path is used once (a draft, a submission, a review, one after
 * the other), as each page is asked for once; those first saves' times are printed apart.
 * Options: --seconds N (per target, default 10), --connections N (default 20),
 * --profile DIR (write a V8 CPU profile of the server there when it stops).
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
import pg from "pg";
import { withDatabase } from "../tests/support/local-database";
import { createWriters, type Writers } from "./lib/bench-writers";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "10" },
    connections: { type: "string", default: "20" },
    large: { type: "boolean", default: false },
    profile: { type: "string" },
    writes: { type: "string" },
  },
});
/** Saves per second made through the report actions while the pages are read (absent: none, and no writers). */
const writeRate = values.writes === undefined ? null : Number(values.writes);
if (writeRate !== null && (!Number.isFinite(writeRate) || writeRate < 0)) throw new Error("--writes takes a rate in saves per second (0 or more)");
if (writeRate !== null && !process.env.TEST_DATABASE_URL) throw new Error("--writes needs TEST_DATABASE_URL (a local PostgreSQL server)");
const dataset = values.large ? "large" : "seed";
const seconds = Number(values.seconds);
const connections = Number(values.connections);
const port = Number(process.env.BENCH_PORT ?? 3200);
const base = `http://127.0.0.1:${port}`;

const server = spawn(process.execPath, ["--import", "tsx", "scripts/e2e-server.ts"], {
  env: {
    ...process.env,
    PORT: String(port),
    DUBAN_SCRATCH_DIR: "test-results/bench-data",
    DUBAN_SCRATCH_LARGE: values.large ? "1" : "0",
    ...(values.profile ? { DUBAN_SERVER_PROFILE: values.profile } : {}),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
// The scratch database's name, to make writes between timed views (server mode only).
let scratchDatabase: string | null = null;
server.stdout!.on("data", (chunk: Buffer) => {
  scratchDatabase ??= /\[e2e\] server mode on (\S+)/.exec(chunk.toString())?.[1] ?? null;
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForServer(): Promise<void> {
  const deadline = Date.now() + 900_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error("the server stopped before it was ready");
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the server did not start within 15 minutes");
}

/** Signs in through the credentials endpoint and returns the session cookie header. */
async function signIn(loginName: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const jar = csrf.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, loginName, password: "Duban@2025", json: "true" }),
  });
  const session = res.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in as ${loginName} failed (${res.status})`);
  return [...jar, session].join("; ");
}

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  errors: number;
  /**
   * Share of sampled answers replayed by the page cache (one extra request every 250 ms during the
   * run, same page and user): unlike the timings, it does not depend on how busy the machine is.
   */
  replayed?: number;
}

interface WrkFigures {
  requests: number;
  duration: number;
  p50: number;
  p95: number;
  p99: number;
  connect: number;
  read: number;
  write: number;
  status: number;
  timeout: number;
}

/**
 * Drives `path` with wrk (Debian's package): `connections` keep-alive connections from one thread
 * for `seconds`. The client must cost little next to the server: autocannon 9 concatenates every
 * response body into a JavaScript string, and on the province-scale overview (515 KB of Chinese
 * HTML) its one core was saturated at 180 requests/s while the server used a fifth of its own
 * (docs/decisions/035-…). wrk counts the bytes and throws them away.
 */
async function wrk(path: string, cookie?: string): Promise<WrkFigures> {
  const args = ["-t1", `-c${connections}`, `-d${seconds}s`, "--timeout", "10s", "-s", "scripts/lib/bench-wrk.lua"];
  if (cookie) args.push("-H", `Cookie: ${cookie}`);
  // What Chromium sends: a page replayed from the cache comes gzipped to a browser (decision 035).
  args.push("-H", "Accept-Encoding: gzip, deflate, br, zstd");
  args.push(`${base}${path}`);
  const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", (e) => reject(new Error(`wrk could not start (apt-get install -y wrk): ${e.message}`)));
    child.on("close", resolve);
  });
  const line = /^BENCH (\{.*\})$/m.exec(out)?.[1];
  if (code !== 0 || !line) throw new Error(`wrk failed (exit ${code}):\n${out}`);
  return JSON.parse(line) as WrkFigures;
}

/** One run of a page (and the writers, when there are any). */
async function run(path: string, cookie?: string, writers?: Writers, name = path): Promise<Figures> {
  writers?.start(name);
  // The sampler: how many answers came from the page cache while the load ran.
  const sampled: boolean[] = [];
  let misdirected = 0;
  let sampling = Boolean(cookie);
  const sampler = (async () => {
    while (sampling) {
      try {
        const res = await fetch(`${base}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
        await res.arrayBuffer();
        // wrk counts only 4xx and 5xx answers: a redirect (to the sign-in page, say) is an error here.
        if (res.status !== 200) misdirected++;
        else sampled.push(["hit", "stale"].includes(res.headers.get("x-duban-cache") ?? ""));
      } catch {
        // counted by wrk's errors, not here
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const result = await wrk(path, cookie);
  sampling = false;
  await sampler;
  await writers?.stop();
  const ms = (us: number) => Math.round(us / 100) / 10;
  return {
    p50: ms(result.p50),
    p95: ms(result.p95),
    p99: ms(result.p99),
    rps: Math.round((result.requests / (result.duration / 1e6)) * 10) / 10,
    errors: result.connect + result.read + result.write + result.status + result.timeout + misdirected,
    ...(sampled.length ? { replayed: Math.round((sampled.filter(Boolean).length / sampled.length) * 100) / 100 } : {}),
  };
}

/** One timed GET, in milliseconds. */
async function timedGet(path: string, cookie: string): Promise<number> {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return performance.now() - started;
}

/**
 * The first view of each page after a write, so after the rendered-page cache has
 * started again: after a new leader's instruction (no dashboard data) and after an
 * edit of a reporting period (dashboard data: the overview is also recomputed).
 */
async function firstViewsAfterWrites(targets: Record<string, [string, string]>) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl || !scratchDatabase) return null;
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, scratchDatabase) });
  await client.connect();
  try {
    const median = (xs: number[]) => Math.round([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 10) / 10;
    const writes = {
      pageWrite: () =>
        client.query(`INSERT INTO "LeaderInstruction" ("id", "measureId", "authorId", "text")
          SELECT 'bench-' || md5(random()::text), (SELECT "id" FROM "Measure" LIMIT 1), (SELECT "id" FROM "User" WHERE "loginName" = 'leader'), '基准测试批示'`),
      dashboardWrite: () => client.query(`UPDATE "ReportingPeriod" SET "dueDate" = "dueDate" WHERE "id" = (SELECT "id" FROM "ReportingPeriod" LIMIT 1)`),
    };
    const out: Record<string, { pageWrite: number; dashboardWrite: number; dashboardWriteLater: number }> = {};
    for (const [name, [path, cookie]] of Object.entries(targets)) {
      const figures = { pageWrite: 0, dashboardWrite: 0, dashboardWriteLater: 0 };
      for (const kind of ["pageWrite", "dashboardWrite", "dashboardWriteLater"] as const) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          await writes[kind === "dashboardWriteLater" ? "dashboardWrite" : kind]();
          // Later: after the background recomputation (started by the write or the next reader) has had time to finish.
          if (kind === "dashboardWriteLater") await new Promise((r) => setTimeout(r, 4_000));
          times.push(await timedGet(path, cookie));
        }
        figures[kind] = median(times);
      }
      out[name] = figures;
    }
    return out;
  } finally {
    await client.end();
  }
}

/** The machine's load average (other work on the same cores changes every figure). */
async function loadAverage(): Promise<number[]> {
  const { loadavg } = await import("node:os");
  return loadavg().map((n) => Math.round(n * 100) / 100);
}

try {
  await waitForServer();
  // On the large dataset the liaison is one of its hundred departments.
  const [leader, liaison, admin] = [await signIn("leader"), await signIn(values.large ? "lg001" : "wjw"), await signIn("admin")];
  const home = await fetch(`${base}/`, { headers: { cookie: liaison }, redirect: "manual" });
  const departmentPath = new URL(home.headers.get("location") ?? "/", base).pathname;
  const loginHtml = await (await fetch(`${base}/login`)).text();
  const asset = loginHtml.match(/\/_next\/static\/[^"']+\.js/)?.[0];
  if (!asset || !departmentPath.startsWith("/departments/")) throw new Error("could not find the static asset or the liaison's department page");
  // The leader overview lives under its plan: /dashboard redirects to the current plan's.
  const current = await fetch(`${base}/dashboard`, { headers: { cookie: leader }, redirect: "manual" });
  const overviewPath = new URL(current.headers.get("location") ?? "/dashboard", base).pathname;
  if (!overviewPath.endsWith("/dashboard") || overviewPath === "/dashboard") throw new Error("could not find the current plan's overview");
  // Warm each route once so that compilation and caches are not measured.
  for (const [p, c] of [[asset], [overviewPath, leader], [departmentPath, liaison], ["/review", admin]] as const) await fetch(`${base}${p}`, { headers: c ? { cookie: c } : {} });

  // With --writes: liaisons save reports (and the administrator returns submitted ones) while each page is read.
  let writers: Writers | undefined;
  let writerDb: pg.Pool | undefined;
  let warmup: number[] | null = null;
  if (writeRate !== null) {
    if (!scratchDatabase) throw new Error("--writes: the scratch database is unknown");
    writerDb = new pg.Pool({ connectionString: withDatabase(process.env.TEST_DATABASE_URL!, scratchDatabase), max: 4 });
    writers = await createWriters({ base, db: writerDb, planCode: decodeURIComponent(overviewPath.split("/")[2]), rate: writeRate, signIn, admin });
    // As each page above: the write path once (a draft, a submission, a review), untimed but printed.
    if (writeRate > 0) warmup = await writers.warm();
  }
  const load = await loadAverage();
  const ceiling = await run(asset);
  const pages = {
    overview: await run(overviewPath, leader, writers, "overview"),
    department: await run(departmentPath, liaison, writers, "department"),
    review: await run("/review", admin, writers, "review"),
  };
  await writerDb?.end();
  const loadAfter = await loadAverage();
  // The first views after single writes are timed only on a database nobody else writes to.
  const afterWrite = writeRate ? null : await firstViewsAfterWrites({ overview: [overviewPath, leader], department: [departmentPath, liaison], review: ["/review", admin] });
  const ratio = (f: Figures) => Math.round((f.rps / ceiling.rps) * 1000) / 1000;
  console.log(`\ndataset: ${dataset} · ${connections} connections · ${seconds} s per target · ${base}${writeRate !== null ? ` · ${writeRate} saves/s` : ""}`);
  console.log(`load average (1, 5, 15 min) before: ${load.join(" ")} · after: ${loadAfter.join(" ")}`);
  console.log("target        p50 ms   p95 ms   p99 ms    req/s   errors   ratio   replayed");
  const line = (name: string, f: Figures, r: number | string) =>
    console.log(
      `${name.padEnd(12)}${String(f.p50).padStart(7)}${String(f.p95).padStart(9)}${String(f.p99).padStart(9)}${String(f.rps).padStart(9)}${String(f.errors).padStart(9)}${String(r).padStart(8)}${String(f.replayed ?? "").padStart(11)}`,
    );
  line("static", ceiling, "1");
  for (const [name, f] of Object.entries(pages)) line(name, f, ratio(f));
  // Every save made while any page was read.
  const writes = writers?.figures() ?? null;
  if (writes) {
    console.log("\nsaves while the pages were read (all targets)");
    console.log("rate/s   saves   drafts   changes   p50 ms   p95 ms   p99 ms   errors");
    console.log(`${String(writes.rate).padEnd(9)}${String(writes.count).padStart(5)}${String(writes.drafts).padStart(9)}${String(writes.changes).padStart(10)}${String(writes.p50).padStart(9)}${String(writes.p95).padStart(9)}${String(writes.p99).padStart(9)}${String(writes.errors).padStart(9)}`);
    console.log(`by the page read meanwhile: ${Object.entries(writes.byPage).map(([name, f]) => `${name} ${f.p50} / ${f.p99} ms (${f.count})`).join(" · ")}`);
    if (warmup) console.log(`the first save of each kind after the start, alone and untimed above (draft, submission, review): ${warmup.join(", ")} ms`);
  }
  if (afterWrite) {
    console.log("\nfirst view after a write (ms, median of 5 single requests)");
    console.log("target        other data   dashboard data   dashboard data, 4 s later");
    for (const [name, f] of Object.entries(afterWrite))
      console.log(`${name.padEnd(12)}${String(f.pageWrite).padStart(11)}${String(f.dashboardWrite).padStart(17)}${String(f.dashboardWriteLater).padStart(28)}`);
  }
  const json = {
    dataset,
    ceiling: { rps: ceiling.rps },
    load: { before: load, after: loadAfter },
    pages: Object.fromEntries(Object.entries(pages).map(([k, f]) => [k, { ...f, ratio: ratio(f) }])),
    writes: writes ? { rate: writes.rate, p50: writes.p50, p95: writes.p95, p99: writes.p99, errors: writes.errors, count: writes.count, drafts: writes.drafts, changes: writes.changes, byPage: writes.byPage, ...(warmup ? { warmup } : {}) } : { rate: 0, p50: 0, p99: 0, errors: 0 },
  };
  console.log(JSON.stringify(json));
} finally {
  stop();
}
