/**
 * The production HTTP server: Next.js behind a plain Node server whose one job
 * is to pass the real peer address to the app (for the sign-in throttle), after
 * removing any value a client sent under the same header.
 */
import { createServer } from "node:http";
import next from "next";
import { createPageCache } from "../src/server/page-cache";
import { refuseMalformedPath } from "../src/server/request-guards";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const dev = process.argv.includes("--dev");

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

// Rendered signed-in pages are reused until the data changes (src/server/page-cache.ts); DUBAN_PAGE_CACHE_MB=0 turns it off.
const cacheMegabytes = Number(process.env.DUBAN_PAGE_CACHE_MB ?? 128);
const pageCache =
  !dev && cacheMegabytes > 0 && process.env.DATABASE_URL && process.env.NEXTAUTH_SECRET
    ? createPageCache({
        databaseUrl: process.env.DATABASE_URL,
        secret: process.env.NEXTAUTH_SECRET,
        secureCookie: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
        maxMegabytes: cacheMegabytes,
      })
    : null;

const server = createServer((req, res) => {
  if (refuseMalformedPath(req, res)) return;
  delete req.headers["x-duban-peer"];
  req.headers["x-duban-peer"] = req.socket.remoteAddress ?? "unknown";
  if (!pageCache) return void handle(req, res);
  pageCache.handle(req, res, () => void handle(req, res)).catch((error: unknown) => {
    console.error("[page cache]", error);
    if (!res.headersSent) void handle(req, res);
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => process.send?.({ ready: true, port }));

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
