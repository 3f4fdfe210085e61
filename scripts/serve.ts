/**
 * The production HTTP server: Next.js behind a plain Node server whose one job
 * is to pass the real peer address to the app (for the sign-in throttle), after
 * removing any value a client sent under the same header.
 */
import { createServer } from "node:http";
import next from "next";

const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? "0.0.0.0";
const dev = process.argv.includes("--dev");

const app = next({ dev, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  delete req.headers["x-duban-peer"];
  req.headers["x-duban-peer"] = req.socket.remoteAddress ?? "unknown";
  void handle(req, res);
});
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => process.send?.({ ready: true, port }));

const shutdown = () => server.close(() => process.exit(0));
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
