/**
 * Serves the embedded database (one PGlite session) to many client connections over the ordinary
 * wire protocol: the socket library's connection handler speaks the protocol, and the turn-taking
 * queue here decides whose messages the one session runs (decision 037).
 *
 * A connection keeps its turn from its first message until the session is idle again: until
 * PostgreSQL answers ReadyForQuery with status "I" (after a Sync or a simple query, outside a
 * transaction), or the connection goes away. Between its Parse and its Bind no other connection
 * can run a message, and an open transaction stays its own.
 */
import { createServer, type Server, type Socket } from "node:net";
import type { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketHandler } from "@electric-sql/pglite-socket";

interface Queued {
  connection: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: Error) => void;
}

/** ReadyForQuery ('Z', length 5, status): the last six bytes of an answer once the session waits for a new command. */
const READY_FOR_QUERY = [0x5a, 0, 0, 0, 5];
const IDLE = 0x49; // "I": not in a transaction
const TERMINATE = 0x58; // "X"
/** A simple-query message: ROLLBACK. */
const ROLLBACK = (() => {
  const sql = new TextEncoder().encode("ROLLBACK\0");
  const message = new Uint8Array(5 + sql.length);
  message[0] = 0x51; // "Q"
  new DataView(message.buffer).setInt32(1, 4 + sql.length);
  message.set(sql, 5);
  return message;
})();

/** Whether an answer's last six bytes say the session is idle, outside any transaction. */
export function endsIdle(tail: Uint8Array): boolean {
  if (tail.length < 6) return false;
  const start = tail.length - 6;
  for (let i = 0; i < 5; i++) if (tail[start + i] !== READY_FOR_QUERY[i]) return false;
  return tail[start + 5] === IDLE;
}

/**
 * The queue of messages for the one session, in the shape the socket library's connection handler
 * calls (`enqueue`, `clearQueueForHandler`, `clearTransactionIfNeeded`, `getQueueLength`).
 */
export class TurnQueue {
  private queue: Queued[] = [];
  /** The connection whose turn it is, or null when the session is idle. */
  private turn: number | null = null;
  /** The connection whose message the session runs now. */
  private running: number | null = null;
  private pumping = false;
  /** Connections that went away while their message ran: their turn ends when it finishes. */
  private readonly gone = new Set<number>();

  constructor(private readonly db: PGlite) {}

  enqueue(connection: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.queue.push({ connection, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  /** The connection went away: its waiting messages are dropped. */
  clearQueueForHandler(connection: number): void {
    const mine = this.queue.filter((q) => q.connection === connection);
    this.queue = this.queue.filter((q) => q.connection !== connection);
    for (const q of mine) q.reject(new Error("connection closed"));
  }

  /** The connection went away: if it held the turn, its transaction is rolled back and the turn passes on. */
  async clearTransactionIfNeeded(connection: number): Promise<void> {
    if (this.running === connection) {
      this.gone.add(connection); // the message under way finishes first; pump() ends the turn then
      return;
    }
    if (this.turn !== connection) return;
    await this.endTurn();
    void this.pump();
  }

  /** Rolls back whatever transaction the session holds, as a message of its own, and makes it idle. */
  private async endTurn(): Promise<void> {
    this.turn = null;
    if (this.db.closed) return;
    await this.db.runExclusive(async () => {
      if (this.db.isInTransaction()) await this.db.execProtocolRawStream(ROLLBACK, { onRawData: () => {} });
    });
  }

  private next(): Queued | undefined {
    const at = this.turn === null ? 0 : this.queue.findIndex((q) => q.connection === this.turn);
    return at === -1 ? undefined : this.queue.splice(at, 1)[0];
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (let item = this.next(); item; item = this.next()) {
        const current = item;
        const tail = new Uint8Array(6);
        let bytes = 0;
        this.running = current.connection;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(current.message, {
              onRawData: (data) => {
                bytes += data.length;
                // Keep the answer's last six bytes, across pieces.
                if (data.length >= 6) tail.set(data.subarray(data.length - 6));
                else {
                  tail.copyWithin(0, data.length);
                  tail.set(data, 6 - data.length);
                }
                current.onData(data);
              },
            }),
          );
          const idle = current.message[0] === TERMINATE || (bytes >= 6 && endsIdle(tail));
          this.turn = idle ? null : current.connection;
          current.resolve(bytes);
        } catch (error) {
          // The session's state is unknown: roll back, pass the turn on, and keep the queue going.
          current.reject(error instanceof Error ? error : new Error(String(error)));
          await this.endTurn().catch(() => {});
        } finally {
          this.running = null;
        }
        if (this.gone.delete(current.connection) && this.turn === current.connection) await this.endTurn().catch(() => {});
      }
    } finally {
      this.pumping = false;
    }
  }
}

export interface EmbeddedServer {
  /** host:port */
  address: string;
  stop(): Promise<void>;
}

/** Listens on 127.0.0.1 (the given port, or a free one) and serves the session to at most `maxConnections`. */
export async function serveEmbedded(db: PGlite, options: { port?: number; maxConnections: number }): Promise<EmbeddedServer> {
  await db.waitReady;
  const queue = new TurnQueue(db);
  const handlers = new Set<PGLiteSocketHandler>();

  async function accept(socket: Socket) {
    if (handlers.size >= options.maxConnections) {
      socket.end("Too many connections\n");
      return;
    }
    // The handler's queue option is typed as the library's own class; ours has the same public shape.
    const handler = new PGLiteSocketHandler({ queryQueue: queue as unknown as ConstructorParameters<typeof PGLiteSocketHandler>[0]["queryQueue"], closeOnDetach: true });
    handlers.add(handler);
    handler.addEventListener("close", () => handlers.delete(handler));
    handler.addEventListener("error", () => handlers.delete(handler));
    try {
      await handler.attach(socket);
    } catch {
      handlers.delete(handler);
      socket.destroy();
    }
  }

  const server: Server = createServer((socket) => void accept(socket));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as { port: number };
  return {
    address: `127.0.0.1:${port}`,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([...handlers].map((h) => h.detach(true)));
      handlers.clear();
      await closed;
    },
  };
}
