import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { isDecodablePath, refuseMalformedPath } from "./request-guards";

describe("malformed request paths", () => {
  it.each(["/measures/%E0%A4%A", "/measures/%", "/reports/%ZZ", "/measures/%C0%AF", "/plans/%00", "/departments/a%0Db"])("refuses %s", (url) => expect(isDecodablePath(url)).toBe(false));
  it.each(["/", "/measures/cm1abc", "/api/attachments/x?name=%E0%A4%A", "/plans/%E6%B5%8B%E8%AF%95", "/dashboard?asOf=2026-01-01", "/_next/static/chunks/a.js"])("passes %s", (url) =>
    expect(isDecodablePath(url)).toBe(true),
  );

  it("answers 400 with a short Chinese text, and says it did", () => {
    const sent: { status?: number; headers?: Record<string, unknown>; body?: string } = {};
    const res = {
      writeHead(status: number, headers: Record<string, unknown>) {
        sent.status = status;
        sent.headers = headers;
        return this;
      },
      end(body?: string) {
        sent.body = body;
      },
    } as unknown as ServerResponse;
    expect(refuseMalformedPath({ url: "/measures/%E0%A4%A", method: "GET" } as IncomingMessage, res)).toBe(true);
    expect(sent.status).toBe(400);
    expect(sent.headers?.["Content-Type"]).toBe("text/plain; charset=utf-8");
    expect(sent.body).toMatch(/请求地址无效/);
    expect(refuseMalformedPath({ url: "/measures/abc", method: "GET" } as IncomingMessage, res)).toBe(false);
  });
});
