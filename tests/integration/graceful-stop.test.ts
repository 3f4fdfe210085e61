import { fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stopChild } from "../../scripts/lib/stop-child";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A child that says "ready", then on SIGTERM takes `lingerMs` before exiting (or ignores SIGTERM when lingerMs < 0). */
function childThatLingers(lingerMs: number): Promise<ChildProcess> {
  const dir = mkdtempSync(path.join(tmpdir(), "duban-stop-"));
  dirs.push(dir);
  const file = path.join(dir, "child.cjs");
  writeFileSync(
    file,
    `const linger = ${lingerMs};
process.on("SIGTERM", () => { if (linger >= 0) setTimeout(() => process.exit(0), linger); });
setInterval(() => {}, 1000);
process.send({ ready: true });`,
  );
  const child = fork(file, [], { stdio: "ignore" });
  return new Promise((resolve) => child.once("message", () => resolve(child)));
}

describe("stopping the app's server before its database", () => {
  it("waits for the server to finish what it holds and exit", async () => {
    const child = await childThatLingers(400);
    const started = Date.now();
    await stopChild(child, 5_000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    expect(child.exitCode).toBe(0);
  });

  it("makes a server that does not stop exit after the grace period", async () => {
    const child = await childThatLingers(-1);
    const started = Date.now();
    await stopChild(child, 300);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(child.signalCode).toBe("SIGKILL");
  });

  it("returns at once for a server that has already exited", async () => {
    const child = await childThatLingers(0);
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    await stopChild(child, 5_000);
    expect(child.exitCode).toBe(0);
  });
});
