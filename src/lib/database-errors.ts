/** Connection-level failures: the database is down or unreachable, as opposed to a bad query. */
const CONNECTION_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08004", "08006"]);
const CONNECTION_MESSAGES = [/connect ECONNREFUSED/i, /Connection terminated/i, /server closed the connection/i, /the database system is (starting up|shutting down)/i, /terminating connection/i, /DatabaseNotReachable/i, /Can't reach database/i, /is not currently accepting connections/i];

/** Whether an error means the database could not be reached (so the page says "temporarily unavailable"). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") break;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && CONNECTION_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === "string" && CONNECTION_MESSAGES.some((re) => re.test(message))) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
