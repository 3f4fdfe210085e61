/**
 * The writers of `npm run bench -- --writes <rate>`: liaisons saving reports and an administrator
 * reviewing them, through the app's own server actions over HTTP, posted the way the browser
 * posts them (React's `encodeReply` of the action's arguments, the `Next-Action` header with the
 * action's id from the build's server-reference manifest, the page's own address).
 *
 * The saves go round draft, draft, submission, review (the administrator returns a submitted report
 * for revision, so its period can be reported on again), each on the next (liaison, period) pair
 * free for it: half of the saves are drafts and half are submissions or reviews, which change the
 * dashboards' figures. Saves are started at a fixed rate (open loop: a slow answer does not slow
 * the schedule), each pair one save at a time.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type pg from "pg";

type Queryable = Pick<pg.Pool, "query">;

const require = createRequire(import.meta.url);
// The React Flight client Next.js ships: the same encoder the browser uses for action arguments.
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<string | FormData>;
};

export interface WriterFigures {
  rate: number;
  count: number;
  drafts: number;
  changes: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  /** The same times by the page that was read while they were made (`start`'s argument). */
  byPage: Record<string, { count: number; p50: number; p99: number }>;
}

interface Pair {
  cookie: string;
  departmentId: string;
  periodId: string;
  busy: boolean;
  /** Submitted and waiting for review. */
  submitted: boolean;
}

type Kind = "draft" | "submit" | "review";

/** The ids of the named exported server actions of src/features/reports/actions.ts in the current build. */
export function actionIds(root = process.cwd()): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const ids: Record<string, string> = {};
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (entry.filename?.endsWith("features/reports/actions.ts") && entry.exportedName) ids[entry.exportedName] = id;
  }
  if (!ids.saveReportAction || !ids.reviewReportAction) throw new Error("the build's server-reference manifest does not name the report actions");
  return ids;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface Writers {
  /**
   * One save of each kind (a draft, a submission, a review), one after the other and outside the
   * figures, as each read page is asked for once before it is timed: the first use of a code path
   * after the server starts (modules, compiled queries) is not what the rate measures. Returns
   * their times, which the benchmark prints.
   */
  warm(): Promise<number[]>;
  /** Starts saving at `rate` per second until `stop`, while `page` is read. */
  start(page: string): void;
  stop(): Promise<void>;
  /** Every save since the writers were made. */
  figures(): WriterFigures;
}

/**
 * Writers for the plan `planCode`: every liaison (up to `maxLiaisons`) of a department that carries
 * periods of the plan which have begun, each with its own periods, and the administrator `admin`.
 */
export async function createWriters(options: {
  base: string;
  db: Queryable;
  planCode: string;
  rate: number;
  signIn: (loginName: string) => Promise<string>;
  admin: string;
  maxLiaisons?: number;
  pairsPerLiaison?: number;
}): Promise<Writers> {
  const { base, db, rate } = options;
  const ids = actionIds();
  const liaisons = await db.query<{ loginName: string; departmentId: string }>(
    `SELECT u."loginName", u."departmentId" FROM "User" u
      WHERE u."role" = 'LIAISON' AND u."active" AND u."departmentId" IN (
        SELECT md."departmentId" FROM "MeasureDepartment" md JOIN "Measure" m ON m."id" = md."measureId"
        JOIN "KeyTask" t ON t."id" = m."keyTaskId" JOIN "Plan" pl ON pl."id" = t."planId" WHERE pl."code" = $1)
      ORDER BY u."loginName" LIMIT $2`,
    [options.planCode, options.maxLiaisons ?? 4],
  );
  const pairs: Pair[] = [];
  for (const l of liaisons.rows) {
    const cookie = await options.signIn(l.loginName);
    const periods = await db.query<{ id: string }>(
      `SELECT p."id" FROM "ReportingPeriod" p JOIN "Measure" m ON m."id" = p."measureId"
        JOIN "KeyTask" t ON t."id" = m."keyTaskId" JOIN "Plan" pl ON pl."id" = t."planId"
        JOIN "MeasureDepartment" md ON md."measureId" = m."id" AND md."departmentId" = $2
        LEFT JOIN "ProgressReport" r ON r."periodId" = p."id" AND r."departmentId" = $2
        WHERE pl."code" = $1 AND p."periodStart" <= now() AND (r."id" IS NULL OR r."state" IN ('DRAFT', 'RETURNED'))
        ORDER BY p."dueDate" DESC LIMIT $3`,
      [options.planCode, l.departmentId, options.pairsPerLiaison ?? 25],
    );
    for (const p of periods.rows) pairs.push({ cookie, departmentId: l.departmentId, periodId: p.id, busy: false, submitted: false });
  }
  if (!pairs.length) throw new Error(`no liaison of plan ${options.planCode} has a period to report on`);

  const latencies: number[] = [];
  const byPage: Record<string, number[]> = {};
  /** The page being read while the saves are made. */
  let page = "";
  let errors = 0;
  let drafts = 0;
  let changes = 0;
  let timer: NodeJS.Timeout | null = null;
  const inFlight = new Set<Promise<unknown>>();
  let next = 0;
  let sequence = 0;

  async function post(pagePath: string, cookie: string, actionId: string, fields: Record<string, string>): Promise<boolean> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    // useActionState's arguments: the previous state, then the form.
    const body = await encodeReply([{ ok: false, message: "" }, form]);
    const res = await fetch(`${base}${pagePath}`, {
      method: "POST",
      headers: {
        cookie,
        accept: "text/x-component",
        origin: base,
        "next-action": actionId,
        "next-router-state-tree": encodeURIComponent(JSON.stringify(["", { children: ["__PAGE__", {}] }, null, null, true])),
        ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      },
      body,
    });
    const text = await res.text();
    return res.ok && text.includes('"ok":true');
  }

  async function one(pair: Pair, kind: Kind, timed = true): Promise<number> {
    const row = (
      await db.query<{ id: string; version: number; state: string }>(`SELECT "id", "version", "state"::text AS "state" FROM "ProgressReport" WHERE "periodId" = $1 AND "departmentId" = $2`, [
        pair.periodId,
        pair.departmentId,
      ])
    ).rows[0];
    const started = performance.now();
    let ok: boolean;
    try {
      if (kind === "review") {
        ok = await post(`/reports/${pair.periodId}`, options.admin, ids.reviewReportAction, {
          reportId: row!.id,
          expectedVersion: String(row!.version),
          decision: "RETURN",
          reason: "基准测试：请补充佐证材料。",
        });
      } else {
        ok = await post(`/reports/${pair.periodId}`, pair.cookie, ids.saveReportAction, {
          periodId: pair.periodId,
          expectedVersion: String(row?.version ?? 0),
          intent: kind === "submit" ? "submit" : "save",
          progress: "IN_PROGRESS",
          workDone: `基准测试第 ${sequence} 次填报：已完成阶段性工作。`,
          problems: "",
          nextSteps: "继续推进。",
        });
      }
    } catch {
      ok = false;
    }
    const took = performance.now() - started;
    if (ok && kind !== "draft") pair.submitted = kind === "submit";
    if (!timed) {
      if (!ok) throw new Error(`the warm-up ${kind} failed`);
      return took;
    }
    latencies.push(took);
    (byPage[page] ??= []).push(took);
    if (!ok) errors++;
    else if (kind === "draft") drafts++;
    else changes++;
    return took;
  }

  function tick(): void {
    const wanted: Kind = (["draft", "draft", "submit", "review"] as const)[sequence++ % 4];
    // The next pair free for this kind of save (a review wants a submitted report; with none, a submission instead).
    const free = (kind: Kind) => {
      for (let i = 0; i < pairs.length; i++) {
        const at = (next + i) % pairs.length;
        const pair = pairs[at];
        if (!pair.busy && pair.submitted === (kind === "review")) return { pair, at };
      }
      return null;
    };
    const kind: Kind = wanted === "review" && !free("review") ? "submit" : wanted;
    const found = free(kind);
    // None free counts as an error: the app fell behind the schedule.
    if (!found) {
      errors++;
      return;
    }
    {
      const { pair, at } = found;
      next = (at + 1) % pairs.length;
      pair.busy = true;
      const p = one(pair, kind).finally(() => {
        pair.busy = false;
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
  }

  return {
    async warm() {
      const pair = pairs[0];
      const times: number[] = [];
      for (const kind of ["draft", "submit", "review"] as const) times.push(Math.round(await one(pair, kind, false)));
      return times;
    },
    start(read) {
      page = read;
      if (rate > 0 && !timer) timer = setInterval(tick, 1000 / rate);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.all(inFlight);
    },
    figures() {
      const sorted = [...latencies].sort((a, b) => a - b);
      const round = (n: number) => Math.round(n * 10) / 10;
      const pages = Object.entries(byPage).map(([name, times]) => {
        const t = [...times].sort((a, b) => a - b);
        return [name, { count: t.length, p50: round(percentile(t, 50)), p99: round(percentile(t, 99)) }] as const;
      });
      return {
        rate,
        count: latencies.length,
        drafts,
        changes,
        p50: round(percentile(sorted, 50)),
        p95: round(percentile(sorted, 95)),
        p99: round(percentile(sorted, 99)),
        errors,
        byPage: Object.fromEntries(pages),
      };
    },
  };
}
