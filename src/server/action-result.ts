import "server-only";
import { randomUUID } from "node:crypto";
import { getTranslations } from "next-intl/server";
import type { ActionState } from "@/lib/action-state";
import { isDatabaseUnavailable } from "@/lib/database-errors";

/** Logs an unexpected failure under a reference the user can quote; the user never sees the error itself. */
export function unexpectedFailure(error: unknown, message: (reference: string) => string): ActionState {
  const reference = randomUUID().slice(0, 8);
  console.error(`[action ${reference}]`, error);
  return { ok: false, message: message(reference) };
}

/**
 * Runs a server action that does not go through runAction; an unreachable database is answered
 * "temporarily unavailable" (and the form keeps its page) instead of the error page.
 */
export async function answeringOutage(run: () => Promise<ActionState>): Promise<ActionState> {
  try {
    return await run();
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    console.warn("[action] database unavailable:", error instanceof Error ? error.message : error);
    return { ok: false, message: (await getTranslations("errors"))("unavailable"), unavailable: true };
  }
}
