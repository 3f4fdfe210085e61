/**
 * The production HTTP server: Next.js behind a plain Node server that passes the
 * real peer address to the app (for the sign-in throttle), after removing any
 * value a client sent under the same header, and, before Next.js sees a request,
 * applies the front door (src/server/front-door.ts: forwarding headers, HSTS,
 * writes without a verified session) and the page cache, whose replays let
 * writes under way go first (src/server/writes-first.ts).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import next from "next";
import { refuseUnverifiedWrite, setTransportSecurity, stripUntrustedForwarding } from "../src/server/front-door";
import { createPageCache } from "../src/server/page-cache";
import { refuseMalformedPath } from "../src/server/request-guards";
import { createSessionCheck } from "../src/server/session-check";
import { createWritesFirst } from "../src/server/writes-first";
import { secureCookiesFor } from "../src/lib/session-cookies";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const dev = process.argv.includes("--dev");

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// The one session check of this server, shared by the front door and the page cache.
const trustProxy = process.env.DUBAN_TRUST_PROXY === "1";
const sessions =
  process.env.DATABASE_URL && process.env.NEXTAUTH_SECRET
    ? createSessionCheck({ databaseUrl: process.env.DATABASE_URL, secret: process.env.NEXTAUTH_SECRET, secureCookie: secureCookiesFor(process.env.NEXTAUTH_URL) })
    : null;

// Saves, reviews and sign-ins go before replays (src/server/writes-first.ts).
const writesFirst = createWritesFirst();
// Rendered signed-in pages are reused until the data changes (src/server/page-cache.ts); DUBAN_PAGE_CACHE_MB=0 turns it off.
const cacheMegabytes = Number(process.env.DUBAN_PAGE_CACHE_MB ?? 128);
const pageCache =
  !dev && cacheMegabytes > 0 && sessions && process.env.DATABASE_URL && process.env.NEXTAUTH_SECRET
    ? createPageCache({
        databaseUrl: process.env.DATABASE_URL,
        secret: process.env.NEXTAUTH_SECRET,
        secureCookie: secureCookiesFor(process.env.NEXTAUTH_URL),
        maxMegabytes: cacheMegabytes,
        sessions,
        writesFirst,
      })
    : null;

/** Forwarding headers, HSTS, and writes refused before their body is read; true when the request was answered here. */
async function frontDoor(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  stripUntrustedForwarding(req, trustProxy);
  setTransportSecurity(res, process.env.NEXTAUTH_URL);
  return refuseUnverifiedWrite(req, res, { sessions, trustProxy });
}

function serveThroughCache(req: IncomingMessage, res: ServerResponse): void {
  if (!pageCache) return void handle(req, res);
  pageCache.handle(req, res, () => void handle(req, res)).catch((error: unknown) => {
    console.error("[page cache]", error);
    if (!res.headersSent) void handle(req, res);
  });
}

const server = createServer((req, res) => {
  if (refuseMalformedPath(req, res)) return;
  writesFirst.track(req, res);
  delete req.headers["x-duban-peer"];
  req.headers["x-duban-peer"] = req.socket.remoteAddress ?? "unknown";
  frontDoor(req, res).then(
    (answered) => {
      if (!answered) serveThroughCache(req, res);
    },
    (error: unknown) => {
      console.error("[front door]", error);
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end("服务器内部错误。");
    },
  );
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => process.send?.({ ready: true, port }));

// Stops listening, answers the requests under way, then exits; connections still open after 5 s are closed.
const shutdown = () => {
  server.close(() => process.exit(0));
  setTimeout(() => server.closeAllConnections(), 5_000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
