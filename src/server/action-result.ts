import "server-only";
import { randomUUID } from "node:crypto";
import type { ActionState } from "@/lib/action-state";

/** Logs an unexpected failure under a reference the user can quote; the user never sees the error itself. */
export function unexpectedFailure(error: unknown, message: (reference: string) => string): ActionState {
  const reference = randomUUID().slice(0, 8);
  console.error(`[action ${reference}]`, error);
  return { ok: false, message: message(reference) };
}
