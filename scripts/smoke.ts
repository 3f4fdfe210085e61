/**
 * npm run smoke -- <node binary> — starts the built app with another Node.js (the LTS lines the
 * product supports, README), on a new embedded database, signs in as the demo administrator and
 * opens the current plan's overview. Exits non-zero if any step fails. CI runs it on Node 24.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD } from "../src/features/seed/seed-demo";
import { STOP_GRACE_MS, stopChild } from "./lib/stop-child";

const node = process.argv[2] ?? process.env.DUBAN_SMOKE_NODE;
if (!node) {
  console.error("[smoke] Give the Node.js binary to run the app with: npm run smoke -- /path/to/node");
  process.exit(2);
}
const port = Number(process.env.SMOKE_PORT ?? 3199);
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(tmpdir(), "duban-smoke-"));
const log = (line: string) => console.log(`[smoke] ${line}`);

// Embedded mode, whatever the caller's environment says.
const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DUBAN_DATA_DIR: dataDir, DUBAN_DEMO_HISTORY: "0" };
delete env.DATABASE_URL;
delete env.DATABASE_MIGRATION_URL;
const app = spawn(node, ["--import", "tsx", "scripts/start.ts"], {
  env,
  stdio: ["ignore", "pipe", "pipe"],
});
let output = "";
app.stdout.on("data", (d) => (output += d));
app.stderr.on("data", (d) => (output += d));

/** The cookies a response sets, kept as a browser would for the next request. */
const jar = new Map<string, string>();
function keep(response: Response) {
  for (const c of response.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair.indexOf("=");
    jar.set(pair.slice(0, i), pair.slice(i + 1));
  }
}
const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

async function waitForLogin(): Promise<void> {
  for (let i = 0; i < 180; i++) {
    try {
      if ((await fetch(`${base}/login`)).ok) return;
    } catch {
      // not listening yet
    }
    if (app.exitCode !== null) throw new Error(`the app exited (${app.exitCode})`);
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("the app did not answer within 3 minutes");
}

async function main() {
  const version = await new Promise<string>((resolve) => {
    const v = spawn(node!, ["--version"]);
    let out = "";
    v.stdout.on("data", (d) => (out += d));
    v.on("close", () => resolve(out.trim()));
  });
  log(`starting the built app with Node.js ${version}`);
  await waitForLogin();
  const csrfResponse = await fetch(`${base}/api/auth/csrf`);
  keep(csrfResponse);
  const { csrfToken } = (await csrfResponse.json()) as { csrfToken: string };
  const signIn = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, loginName: "admin", password: DEMO_PASSWORD, json: "true" }),
  });
  keep(signIn);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed (${signIn.status})`);
  const overview = await fetch(`${base}/dashboard`, { headers: { Cookie: cookie() } });
  const html = await overview.text();
  if (!overview.ok || !overview.url.includes("/plans/") || !html.includes("领导驾驶舱")) throw new Error(`the overview did not open (${overview.status} ${overview.url})`);
  log(`Node.js ${version}: signed in as admin and opened ${new URL(overview.url).pathname} (${overview.status})`);
}

main()
  .then(() => (process.exitCode = 0))
  .catch((error: unknown) => {
    console.error(`[smoke] ${error instanceof Error ? error.message : String(error)}\n${output.slice(-4000)}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    // The launcher stops its server, then its embedded database, before the data folder goes.
    await stopChild(app, 2 * STOP_GRACE_MS);
    rmSync(dataDir, { recursive: true, force: true });
    process.exit();
  });
