/**
 * Writes before replays. While a write (a save, a review, a sign-in: `isWrite`) is being answered,
 * the page cache's lookups wait until it is done, for at most `maxHoldMs`. A replay costs little,
 * but twenty readers' replays fill every turn of the one event loop, and a save, whose answer
 * takes some twenty steps (session, policy, each statement of its transaction, the page rendered
 * into the answer), would wait a turn at each of them. One write goes first for at most
 * `maxWriteMs` (docs/decisions/036-…).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
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
}

export function createWritesFirst(options: { maxHoldMs?: number; maxWriteMs?: number } = {}): WritesFirst {
  const maxHoldMs = options.maxHoldMs ?? WRITE_HOLD_MS;
  const maxWriteMs = options.maxWriteMs ?? WRITE_FIRST_MS;
  let writing = 0;
  const waiting = new Set<() => void>();
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
      // "finish" when the answer is handed to the system, "close" when the client went away first.
      res.once("finish", end);
      res.once("close", end);
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
  };
}
