/**
 * Checks on a raw request made before the app sees it, by the production HTTP
 * server (scripts/serve.ts). Next.js answers a path it cannot decode with a 500;
 * such a request is the client's mistake and gets a short 400 here instead.
 * No imports from the app: this runs outside the Next bundle.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/** C0 control characters and DEL: no route of the app has them in a path segment. */
const CONTROL = /[\u0000-\u001F\u007F]/;

/** Whether the path of a request URL decodes as UTF-8 %-encoding to text without control characters. */
export function isDecodablePath(url: string | undefined): boolean {
  const path = (url ?? "/").split(/[?#]/, 1)[0];
  try {
    // Each segment as Next.js reads a route parameter.
    return path.split("/").every((segment) => !CONTROL.test(decodeURIComponent(segment)));
  } catch {
    return false;
  }
}

/**
 * Answers 400 with a short Chinese text when the request's path is malformed,
 * and says whether it did; the caller passes the request on otherwise.
 */
export function refuseMalformedPath(req: IncomingMessage, res: ServerResponse): boolean {
  if (isDecodablePath(req.url)) return false;
  const body = "请求地址无效：地址中含有无法识别的字符编码。";
  res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : body);
  return true;
}
