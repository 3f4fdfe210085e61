import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Env } from "@/server/env";
import { authenticate, type ThrottleLimits } from "./authenticate";
import { unavailableMessage } from "./sign-in-error";

/** The throttle's limits from the environment. */
export function loginLimits(e: Env): ThrottleLimits {
  return {
    maxFailuresPerAccount: e.DUBAN_LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxFailuresPerAccountAddress: e.DUBAN_LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS,
    maxFailuresPerAddress: e.DUBAN_LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMinutes: e.DUBAN_LOGIN_WINDOW_MINUTES,
    lockMinutes: e.DUBAN_LOGIN_LOCK_MINUTES,
  };
}

/**
 * The credentials provider's authorize(): the user to sign in, or an Error whose
 * message is one of the codes above. An unexpected failure is logged here with
 * a reference, and the form gets only "UNAVAILABLE:<reference>".
 */
export async function authorizeCredentials(
  db: PrismaClient,
  credentials: Record<string, unknown> | undefined,
  /** The client's address and the limits; read inside, so that a failure there (a bad setting) is handled alike. */
  context: () => { ip: string; limits: ThrottleLimits },
): Promise<{ id: string; name: string }> {
  const loginName = typeof credentials?.loginName === "string" ? credentials.loginName : "";
  const password = typeof credentials?.password === "string" ? credentials.password : "";
  if (!loginName.trim() || !password || password.length > 200) throw new Error("INVALID");
  let result: Awaited<ReturnType<typeof authenticate>>;
  try {
    const { ip, limits } = context();
    result = await authenticate(db, { loginName, password, ip }, limits);
  } catch (error) {
    const reference = randomBytes(4).toString("hex");
    console.error(`[sign-in] unexpected failure, reference ${reference}:`, error);
    throw new Error(unavailableMessage(reference));
  }
  if (!result.ok) throw new Error(result.code);
  return { id: result.user.id, name: result.user.displayName };
}
