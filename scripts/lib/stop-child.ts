/**
 * Stops a child process and resolves once it has exited: asked with SIGTERM first (the app's server
 * then answers the requests it holds and stops listening), made to stop with SIGKILL if it has not
 * exited after `graceMs`. What the child used (the embedded database, a scratch database) is let go
 * only after this resolves, so no save is cut off halfway by its database going away.
 */
import type { ChildProcess } from "node:child_process";

export const STOP_GRACE_MS = 10_000;

export function stopChild(child: ChildProcess, graceMs = STOP_GRACE_MS): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
