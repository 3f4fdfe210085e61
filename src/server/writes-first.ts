/**
 * Writes before replays. While a write (a save, a review, a sign-in: `isWrite`) is being answered,
 * the page cache's lookups wait until it is done, for at most `maxHoldMs`. A replay costs little,
 * but twenty readers' replays fill every turn of the one event loop, and a save, whose answer
 * takes some twenty steps (session, policy, each statement of its transaction, the page rendered
 * into the answer), would wait a turn at each of them. One write goes first for at most
 * `maxWriteMs` (docs/decisions/036-…).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { LRUCache } from "lru-cache";
import { sessionCookieOf } from "../lib/session-cookies";
import { isWrite } from "./front-door";

/** How long a reader may be held behind writes under way, at most (measured in decision 036). */
export const WRITE_HOLD_MS = 200;
/** How long one write goes first, at most: an upload over a slow line, or an answer to a slow client, does not hold readers for its whole length. */
export const WRITE_FIRST_MS = 2_000;

export interface WritesFirst {
  /** Counts `req` as a write under way until its answer ends or its connection closes; a read is not counted. */
  track(req: Pick<IncomingMessage, "method" | "headers">, res: Pick<ServerResponse, "once">): void;
  /** Resolves at once when no write is under way; else when none is, or after `maxHoldMs` at the latest. */
  clear(): Promise<void>;
  /** Writes under way. */
  inFlight(): number;
  /**
   * When the last write sent with this request's session cookie was answered (ms since the epoch),
   * 0 if none in the last ten minutes: a page rendered before then may not show that user's own change.
   */
  lastWriteOf(req: Pick<IncomingMessage, "headers">): number;
}

/** The session a request is sent in, by its cookie's text (the same text on every request until the session is renewed). */
function sessionOf(req: Pick<IncomingMessage, "headers">): string | null {
  const cookie = sessionCookieOf(req.headers.cookie);
  return cookie.kind === "one" ? cookie.value : null;
}

export function createWritesFirst(options: { maxHoldMs?: number; maxWriteMs?: number } = {}): WritesFirst {
  const maxHoldMs = options.maxHoldMs ?? WRITE_HOLD_MS;
  const maxWriteMs = options.maxWriteMs ?? WRITE_FIRST_MS;
  let writing = 0;
  const waiting = new Set<() => void>();
  const lastWrite = new LRUCache<string, number>({ max: 10_000, ttl: 10 * 60_000 });
  return {
    track(req, res) {
      if (!isWrite(req)) return;
      writing += 1;
      let ended = false;
      const end = () => {
        if (ended) return;
        ended = true;
        clearTimeout(limit);
        writing -= 1;
        if (writing > 0) return;
        for (const wake of [...waiting]) wake();
      };
      const session = sessionOf(req);
      const answered = () => {
        if (session) lastWrite.set(session, Date.now());
      };
      // "finish" when the answer is handed to the system, "close" when the client went away first.
      res.once("finish", end);
      res.once("close", end);
      res.once("finish", answered);
      res.once("close", answered);
      const limit = setTimeout(end, maxWriteMs);
      limit.unref();
    },
    clear() {
      if (writing === 0 || maxHoldMs <= 0) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiting.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, maxHoldMs);
        waiting.add(wake);
      });
    },
    inFlight: () => writing,
    lastWriteOf(req) {
      const session = sessionOf(req);
      return (session && lastWrite.get(session)) || 0;
    },
  };
}
