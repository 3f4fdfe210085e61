import "server-only";
import { isDatabaseUnavailable } from "@/lib/database-errors";

/** Seconds a client is asked to wait before trying again while the database is down. */
export const RETRY_AFTER_SECONDS = 30;

/** The answer of a route handler while the database cannot be reached: 503, with when to try again. */
export function serviceUnavailable(): Response {
  return new Response("服务暂时不可用，请稍后重试。", {
    status: 503,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(RETRY_AFTER_SECONDS), "Cache-Control": "no-store" },
  });
}

/**
 * Wraps a route handler so that an unreachable database answers 503 with
 * Retry-After instead of a 500; any other failure is left to Next.js as before.
 */
export function answeringOutages<A extends unknown[]>(handler: (...args: A) => Promise<Response>): (...args: A) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      console.warn("[route] database unavailable:", error instanceof Error ? error.message : error);
      return serviceUnavailable();
    }
  };
}
