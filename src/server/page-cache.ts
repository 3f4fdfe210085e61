/**
 * Rendered signed-in pages, reused until anything they may show changes.
 *
 * Runs in the production HTTP server (scripts/serve.ts), in front of Next.js.
 * A page GET from a signed-in user is looked up under a key made of
 *   - the versions of the scopes the page depends on, read fresh on every request in the same
 *     query that checks the session is open and the user active (src/server/session-check.ts):
 *     always `DataVersion.pageVersion` (everything but reports) and the user's own
 *     `UserPageVersion` (their notifications); then, by the page's address (`scopeOf`):
 *       · a plan's overview: the dashboards' generation, raised in this process when newly
 *         computed figures replace the previous ones (src/server/dashboard-freshness.ts);
 *       · a department's page: that department's `DepartmentPageVersion`, raised when one of its
 *         reports is added, removed or changes state (so its liaison sees a submission at once)
 *         and by every review event on a measure it is on (it computes its figures for its own
 *         measures: decisions 034 and 035);
 *       · a plan's other pages (the lists behind the figures, the timelines, the plan page, which
 *         read the figures in place): `DataVersion.reportVersion` and the generation;
 *       · the review queue: `DataVersion.queueVersion`, raised when a report is added or removed
 *         or what the queue shows of it changes (its state, say), not when a draft is saved again;
 *       · any other page: `DataVersion.reportVersion`, raised by every change to any report;
 *   - the user id from the verified session token, the locale cookie, today's date
 *     in China (statuses and "days overdue" move with the calendar), the URL and the
 *     request headers Next.js varies its answer on (RSC navigation requests).
 * A stored answer was produced by the full application — its permission checks
 * included — for the same user, in the same state, over the same data (the overview:
 * the same computed figures), on the same day, so replaying it gives what a new rendering
 * would. Misses go to Next.js and its answer is kept when it is a plain 200 page without
 * cookies. The request that finds a page changed renders it, and sees the change at once; requests
 * of the same user for the same page that arrive while that rendering runs get the previous
 * rendering, if it was made in the last STALE_MS and only reports or figures changed since, rather
 * than all waiting (or all rendering) — without it, a page that changes faster than it renders at
 * province scale is never replayed. The overview, a department's page and the review queue, when
 * only reports or figures changed, are rendered anew for the same user at most once every
 * RENDER_EVERY_MS, except for a user whose own save came after the last rendering; in between,
 * that rendering is served.
 * Lookups let writes under way go first (src/server/writes-first.ts). The CSP nonce is renewed on
 * every replay. See docs/decisions/009-page-cache.md, 011, 022, 035, 036 and 038.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { constants as zlibConstants, crc32, deflateRaw } from "node:zlib";
import { crc32Combine } from "../lib/crc32-combine";
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import path from "node:path";
import { LRUCache } from "lru-cache";
import Negotiator from "negotiator";
import pLimit from "p-limit";
import type { WritesFirst } from "./writes-first";
import { isDatabaseUnavailable } from "../lib/database-errors";
import { todayInChina } from "../lib/due";
import { localeCookieOf, sessionCookieOf } from "../lib/session-cookies";
import { dashboardGeneration, nudgeDashboards } from "./dashboard-freshness";
import { createSessionCheck, type SessionCheck } from "./session-check";

/** Put on a page that must never be replayed (the outage message rendered inside the app). */
export const NO_STORE_MARKER = "data-duban-no-store";
/**
 * Signs that an answer carries a failure: the marker of our error and outage pages, and what React
 * streams when a part of the page failed after the status was sent (the digest of the error, in the
 * HTML and in the RSC payload).
 */
const FAILURE_MARKERS = [NO_STORE_MARKER, "data-dgst=", ':E{"digest"'];
/** Request headers Next.js varies an answer on, besides the URL and cookies. */
const VARY_HEADERS = ["host", "rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"];
const STORED_TYPES = ["text/html", "text/x-component"];
/** Response headers that are recomputed on every replay rather than stored. */
const RECOMPUTED = new Set(["content-length", "date", "connection", "keep-alive", "transfer-encoding", "content-security-policy", "x-duban-cache"]);
const MAX_PAGE_BYTES = 8 * 1024 * 1024;
/** How old a rendering may be to be served while the same page is rendered anew. */
export const STALE_MS = 5_000;
/**
 * The pages other people's saves change all day (a plan's overview and a department's page, which
 * say 数据更新于 HH:mm:ss, and the review queue) are rendered anew for the same user at most this
 * often while reports change; in between, the last rendering is served. A user's own saves always
 * show at once (decision 038).
 */
export const RENDER_EVERY_MS = 3_000;

/** Whether a page of `scope` is rendered anew at most every RENDER_EVERY_MS while reports and figures change. */
export function renderedEveryFewSeconds(scope: PageScope): boolean {
  return scope.kind === "dashboard" || scope.kind === "department" || scope.kind === "review";
}

export interface StoredPage {
  status: number;
  headers: [string, OutgoingHttpHeader][];
  /** The body cut at every occurrence of the nonce it was rendered with. */
  parts: Buffer[];
  csp: string;
  nonce: string;
  size: number;
  /**
   * Each part compressed on its own (raw deflate; all but the last end on a sync flush, the last is
   * final), with its CRC-32, made once after the page is stored: a replay to a browser that accepts
   * gzip sends these with the new nonce compressed between them, and compresses nothing else (RFC
   * 1951 blocks may follow one another whatever stream made them); its trailer's checksum is
   * combined from the parts' and the nonce's. Absent until made.
   */
  compressed?: CompressedParts;
}

export interface CompressedParts {
  blocks: Buffer[];
  crcs: number[];
}

export interface PageCacheOptions {
  databaseUrl: string;
  secret: string;
  /** Whether the session cookie carries the __Secure- prefix (the site is served over HTTPS). */
  secureCookie: boolean;
  maxMegabytes: number;
  /** The session check to share with the server's other gates; one of its own when absent. */
  sessions?: SessionCheck;
  /** Folder of the interface messages, for the outage page. */
  messagesDir?: string;
  /** How many requests may be looked up at once (default 2). */
  lookupConcurrency?: number;
  /** How old a rendering may be to be served while the same page is rendered anew (default STALE_MS). */
  staleMs?: number;
  /** Writes under way, which lookups let go first (src/server/writes-first.ts); none when absent. */
  writesFirst?: WritesFirst;
  /** How often a dashboard is rendered anew for the same user while its data changes (default RENDER_EVERY_MS; 0: on every change). */
  renderEveryMs?: number;
}

export type Outcome = "hit" | "stale" | "miss" | "bypass" | "unavailable";

/** Same shape as the nonce src/proxy.ts makes. */
export function newNonce(): string {
  return Buffer.from(randomUUID()).toString("base64");
}

/** Whether a request may be answered from the cache at all: a signed-in page GET. */
export function isCandidate(req: Pick<IncomingMessage, "method" | "url" | "headers">): boolean {
  if (req.method !== "GET") return false;
  const url = req.url ?? "/";
  if (url.startsWith("/api/") || url.startsWith("/_next/") || url === "/icon.svg" || url === "/favicon.ico") return false;
  if (req.headers["next-action"]) return false;
  // Exactly one session cookie: with more, the request is signed out (src/lib/session-cookies.ts).
  return sessionCookieOf(req.headers.cookie).kind === "one";
}

/** What a page depends on besides the global and the user's own versions, told by its address. */
export type PageScope = { kind: "dashboard" } | { kind: "department"; departmentId: string } | { kind: "plan" } | { kind: "review" } | { kind: "reports" };

export function scopeOf(url: string): PageScope {
  const path = url.split("?")[0];
  // A plan's overview reads nothing but the computed figures and the plan's structure.
  if (/^\/plans\/[^/]+\/dashboard$/.test(path)) return { kind: "dashboard" };
  // A department's page: its figures in the overview, its measures, and its own reports.
  const department = /^\/departments\/([^/]+)$/.exec(path);
  if (department) return { kind: "department", departmentId: decodeURIComponent(department[1]) };
  // A plan's other pages: reports, and the figures in place (lists behind them, timelines, the plan page's lights).
  if (/^\/plans\/[^/]+(\/|$)/.test(path)) return { kind: "plan" };
  // The review queue lists submitted reports only: a draft saved again does not change it.
  if (path === "/review") return { kind: "review" };
  return { kind: "reports" };
}

/** The versions a page of `scope` is keyed on. */
export function scopeVersions(
  scope: PageScope,
  v: { pageVersion: string; userVersion: string; reportVersion: string; queueVersion: string; departmentVersion: string },
  generation: number,
): string {
  const common = `p${v.pageVersion}.u${v.userVersion}`;
  if (scope.kind === "dashboard") return `${common}.g${generation}`;
  if (scope.kind === "department") return `${common}.d${v.departmentVersion}`;
  if (scope.kind === "plan") return `${common}.r${v.reportVersion}.g${generation}`;
  if (scope.kind === "review") return `${common}.q${v.queueVersion}`;
  return `${common}.r${v.reportVersion}`;
}

export function cacheKey(parts: {
  versions: string;
  userId: string;
  locale: string;
  day: string;
  url: string;
  headers: IncomingMessage["headers"];
}): string {
  const vary = VARY_HEADERS.map((h) => {
    const v = parts.headers[h];
    return Array.isArray(v) ? v.join(",") : (v ?? "");
  });
  return [parts.versions, parts.userId, parts.locale, parts.day, parts.url, ...vary].join("\n");
}

/** The nonce a CSP header grants, if any. */
export function nonceOf(csp: string): string | null {
  return /'nonce-([^']+)'/.exec(csp)?.[1] ?? null;
}

/** Cuts a body at every occurrence of `nonce`. */
export function splitAt(body: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce);
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(needle, from); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(body.subarray(from));
  return parts;
}

/** The pieces of the body with a fresh nonce where the old one stood (written as they are: no copy of the page). */
export function piecesWith(parts: Buffer[], nonce: string): Buffer[] {
  const glue = Buffer.from(nonce);
  const pieces: Buffer[] = [];
  parts.forEach((p, i) => {
    if (i > 0) pieces.push(glue);
    pieces.push(p);
  });
  return pieces;
}

const deflateRawAsync = promisify(deflateRaw);

/**
 * `bytes` as one stored (uncompressed) deflate block, not the last (RFC 1951, 3.2.4): a header byte
 * (BFINAL 0, BTYPE 00, padding), LEN and its complement, the bytes. It may follow a sync flush, which
 * ends on a byte boundary. (Starting a zlib stream for 48 bytes costs more than the rest of a replay.)
 */
export function storedBlock(bytes: Buffer): Buffer {
  if (bytes.length > 0xffff) throw new RangeError("a stored block holds at most 65,535 bytes");
  const head = Buffer.alloc(5);
  head.writeUInt16LE(bytes.length, 1);
  head.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([head, bytes]);
}

/** Compresses a stored page's parts, off the main thread, and checksums them once, for `gzipPieces`. */
export async function compressParts(parts: Buffer[]): Promise<CompressedParts> {
  const blocks = await Promise.all(parts.map((part, i) => deflateRawAsync(part, { finishFlush: i === parts.length - 1 ? zlibConstants.Z_FINISH : zlibConstants.Z_SYNC_FLUSH })));
  return { blocks, crcs: parts.map((part) => crc32(part)) };
}

/**
 * The gzip body (RFC 1952) of a stored page with a fresh nonce, as pieces to write: the header, the
 * parts' deflated blocks with the nonce's own between them, and the trailer (the CRC-32 and length
 * of the body as sent).
 */
export function gzipPieces(parts: Buffer[], { blocks, crcs }: CompressedParts, nonce: string): Buffer[] {
  const plainNonce = Buffer.from(nonce);
  const nonceBlock = storedBlock(plainNonce);
  const nonceCrc = crc32(plainNonce);
  let crc = 0;
  let length = 0;
  const pieces: Buffer[] = [Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff])];
  parts.forEach((part, i) => {
    if (i > 0) {
      pieces.push(nonceBlock);
      crc = crc32Combine(crc, nonceCrc, plainNonce.length);
      length += plainNonce.length;
    }
    pieces.push(blocks[i]);
    crc = crc32Combine(crc, crcs[i], part.length);
    length += part.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  pieces.push(trailer);
  return pieces;
}

/** Whether a request's Accept-Encoding prefers gzip to the plain body (negotiated as RFC 9110 says). */
export function acceptsGzip(headers: IncomingMessage["headers"]): boolean {
  return new Negotiator({ headers }).encoding(["gzip", "identity"]) === "gzip";
}

/** Whether a finished answer may be stored; returns the page to store or null. */
export function storable(status: number, headers: OutgoingHttpHeaders, body: Buffer): StoredPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined || headers["content-encoding"] !== undefined) return null;
  const type = String(headers["content-type"] ?? "");
  if (!STORED_TYPES.some((t) => type.startsWith(t))) return null;
  if (body.length > MAX_PAGE_BYTES || FAILURE_MARKERS.some((m) => body.includes(m))) return null;
  const csp = String(headers["content-security-policy"] ?? "");
  const nonce = nonceOf(csp);
  if (!nonce) return null;
  const kept = Object.entries(headers).filter(([k, v]) => v !== undefined && !RECOMPUTED.has(k.toLowerCase())) as [string, OutgoingHttpHeader][];
  return { status, headers: kept, parts: splitAt(body, nonce), csp, nonce, size: body.length };
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.alloc(0);
}

/** Tees what Next.js writes into `res`, and calls `done` with the whole answer when it ends. */
function capture(res: ServerResponse, done: (status: number, headers: OutgoingHttpHeaders, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: unknown, encoding: unknown) => {
    if (size > MAX_PAGE_BYTES || chunk == null || typeof chunk === "function") return;
    const b = toBuffer(chunk, encoding);
    size += b.length;
    chunks.push(Buffer.from(b)); // a copy: the caller may reuse its buffer
  };
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    return (write as (...a: unknown[]) => boolean)(chunk, encoding, cb);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
    keep(chunk, encoding);
    if (size <= MAX_PAGE_BYTES) done(res.statusCode, res.getHeaders(), Buffer.concat(chunks));
    return (end as (...a: unknown[]) => ServerResponse)(chunk, encoding, cb);
  }) as typeof res.end;
}

function outagePage(locale: string, messagesDir: string): string {
  let m = { title: "服务暂时不可用", message: "服务暂时不可用，请稍后重试。", retry: "重试" };
  try {
    const errors = JSON.parse(readFileSync(path.join(messagesDir, `${locale === "en" ? "en" : "zh-CN"}.json`), "utf8")).errors;
    m = { title: errors.unavailableTitle, message: errors.unavailable, retry: errors.retry };
  } catch {
    // the built-in Chinese text above
  }
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="${locale === "en" ? "en" : "zh-CN"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(m.title)}</title></head><body style="font-family:system-ui,sans-serif;text-align:center;padding:5rem 1rem;color:#1f2937"><p style="font-size:3rem;font-weight:700;color:#163a754d;margin:0">503</p><h1 style="font-size:1.25rem">${esc(m.title)}</h1><p style="color:#6b7280;font-size:.875rem">${esc(m.message)}</p><p><a href="" style="color:#163a75">${esc(m.retry)}</a></p></body></html>`;
}

export interface PageCache {
  /** Answers from the cache, or arranges for Next.js's answer to be stored, then calls `next`. */
  handle(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<Outcome>;
  stats(): { entries: number; bytes: number };
  close(): Promise<void>;
}

export function createPageCache(options: PageCacheOptions): PageCache {
  const sessions = options.sessions ?? createSessionCheck(options);
  const cache = new LRUCache<string, StoredPage>({
    maxSize: Math.max(1, options.maxMegabytes) * 1024 * 1024,
    // The body, and room for its compressed parts (made after it is stored; pages compress about tenfold).
    sizeCalculation: (p) => p.size + Math.ceil(p.size / 4) + 1024,
    // Entries of older versions are never asked for again; this lets them go even when memory is plentiful.
    ttl: 15 * 60_000,
  });
  const messagesDir = options.messagesDir ?? path.resolve("messages");
  /** Stores a rendering, and compresses it in the background for the browsers that accept gzip. */
  function store(key: string, page: StoredPage): void {
    cache.set(key, page);
    compressParts(page.parts).then(
      (compressed) => {
        page.compressed = compressed;
      },
      () => {}, // replayed uncompressed
    );
  }

  // Renderings under way, by key: a request for the same key waits for it rather than rendering again.
  const pending = new Map<string, Promise<StoredPage | null>>();
  // The newest stored rendering of each page (user, language, day, address, varying headers), by
  // when its rendering started: the page to serve while the same page is rendered anew.
  const newest = new LRUCache<string, { key: string; started: number; storedAt: number }>({ max: 20_000 });
  let seenDataVersion = -1n;
  // Lookups (the session query and the replay) at most a few at a time: with twenty readers on two
  // cores, an unbounded number of them fills every turn of the event loop, and a save or a
  // rendering then waits a whole turn at each of its steps (decision 035). Replays still use the
  // processor fully; what is bounded is how much of each turn they take.
  const lookups = pLimit(options.lookupConcurrency ?? 2);

  function replay(req: IncomingMessage, res: ServerResponse, page: StoredPage, outcome: "hit" | "stale" = "hit"): void {
    const nonce = newNonce();
    const gzip = page.compressed && acceptsGzip(req.headers);
    const pieces = gzip ? gzipPieces(page.parts, page.compressed!, nonce) : piecesWith(page.parts, nonce);
    res.statusCode = page.status;
    for (const [name, value] of page.headers) res.setHeader(name, value);
    // The answer depends on Accept-Encoding too (whether or not this one is compressed).
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (gzip) res.setHeader("Content-Encoding", "gzip");
    res.setHeader("Content-Security-Policy", page.csp.replaceAll(page.nonce, nonce));
    res.setHeader("Content-Length", pieces.reduce((n, p) => n + p.length, 0));
    res.setHeader("X-Duban-Cache", outcome);
    // One write of all the pieces (a page of half a megabyte is not copied for each replay).
    res.cork();
    for (const piece of pieces) res.write(piece);
    res.end();
    res.uncork();
  }

  type Looked = { answered: Outcome } | { bypass: true } | { key: string; family: string; started: number; rendering: Promise<StoredPage | null> | undefined };

  /** The session check and the cache lookup of one request; answers it when the cache can. */
  async function lookUp(req: IncomingMessage, res: ServerResponse): Promise<Looked> {
    const locale = localeCookieOf(req.headers.cookie) ?? "";
    const scope = scopeOf(req.url ?? "/");
    const session = await sessions.check(req, scope.kind === "department" ? scope.departmentId : null);
    if (session.kind === "unavailable") {
      // The database is down: a page request gets a plain 503 at once; navigation requests go on to the app, which says the same.
      if (!isDatabaseUnavailable(session.error) || req.headers.rsc) return { bypass: true };
      const body = outagePage(locale, messagesDir);
      res.writeHead(503, {
        "Content-Type": "text/html; charset=utf-8",
        "Content-Length": Buffer.byteLength(body),
        "Cache-Control": "no-store",
        "Retry-After": "30",
        "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
        "X-Content-Type-Options": "nosniff",
        "X-Duban-Cache": "unavailable",
      });
      res.end(body);
      return { answered: "unavailable" };
    }
    // Signed out, the session ended, the user deleted or deactivated: the app sends them to sign in.
    if (session.kind !== "signed-in") return { bypass: true };
    const { userId } = session;

    // Replays never reach the app: tell the dashboards when their data moved, so they recompute.
    const dataVersion = BigInt(session.dataVersion);
    if (dataVersion > seenDataVersion) {
      if (seenDataVersion >= 0n) nudgeDashboards(dataVersion);
      seenDataVersion = dataVersion;
    }

    const generation = dashboardGeneration();
    const keyParts = { userId, locale, day: todayInChina(), url: req.url ?? "/", headers: req.headers };
    const key = cacheKey({ versions: scopeVersions(scope, session, generation), ...keyParts });
    // The same page, whatever the versions of its reports and figures; never across any other change
    // (the plan's structure, accounts and permissions: the global version; the user's own
    // notifications: their version).
    const family = cacheKey({ versions: `p${session.pageVersion}.u${session.userVersion}`, ...keyParts });
    const hit = cache.get(key);
    if (hit) {
      replay(req, res, hit);
      return { answered: "hit" };
    }
    const rendering = pending.get(key);
    const previous = newest.get(family);
    if (!rendering && previous && renderedEveryFewSeconds(scope)) {
      // Rendered in the last few seconds, after this user's own last save: served as it is; the
      // next rendering shows the change.
      const started = previous.started;
      const fresh = Date.now() - started < (options.renderEveryMs ?? RENDER_EVERY_MS) && started > (options.writesFirst?.lastWriteOf(req) ?? 0);
      const page = fresh ? cache.get(previous.key) : undefined;
      if (page) {
        replay(req, res, page, "stale");
        return { answered: "stale" };
      }
    }
    if (rendering) {
      // Another request is rendering this page anew: this one gets the previous rendering at once,
      // when it is recent. The request that found the change sees it; so does every later one.
      const page = previous && Date.now() - previous.storedAt <= (options.staleMs ?? STALE_MS) ? cache.get(previous.key) : undefined;
      if (page) {
        replay(req, res, page, "stale");
        return { answered: "stale" };
      }
    }
    return { key, family, started: Date.now(), rendering };
  }

  async function handle(req: IncomingMessage, res: ServerResponse, next: () => void): Promise<Outcome> {
    function pass(outcome: Outcome): Outcome {
      next();
      return outcome;
    }
    if (!isCandidate(req)) return pass("bypass");
    await options.writesFirst?.clear();
    const looked = await lookups(() => lookUp(req, res));
    if ("answered" in looked) return looked.answered;
    if ("bypass" in looked) return pass("bypass");
    const { key, family, started, rendering } = looked;
    if (rendering) {
      const page = await rendering;
      if (page) {
        replay(req, res, page);
        return "hit";
      }
    }
    // Stored bodies are kept uncompressed so that the nonce can be renewed.
    delete req.headers["accept-encoding"];
    res.setHeader("X-Duban-Cache", "miss");
    if (!rendering) {
      let settle: (page: StoredPage | null) => void = () => {};
      pending.set(key, new Promise<StoredPage | null>((resolve) => (settle = resolve)));
      const finish = (page: StoredPage | null) => {
        if (pending.has(key)) {
          pending.delete(key);
          settle(page);
        }
      };
      // An answer that never ends (the client went away) releases its waiters too.
      res.once("close", () => finish(null));
      capture(res, (status, headers, body) => {
        const page = storable(status, headers, body);
        if (page) {
          store(key, page);
          // A rendering started earlier (over older data) that ends late does not displace a newer one.
          if ((newest.get(family)?.started ?? -1) <= started) newest.set(family, { key, started, storedAt: Date.now() });
        }
        finish(page);
      });
    } else {
      capture(res, (status, headers, body) => {
        const page = storable(status, headers, body);
        if (page) store(key, page);
      });
    }
    return pass("miss");
  }

  return {
    handle,
    stats: () => ({ entries: cache.size, bytes: cache.calculatedSize }),
    close: () => (options.sessions ? Promise.resolve() : sessions.close()),
  };
}
