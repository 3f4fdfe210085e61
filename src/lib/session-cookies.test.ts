import { encode } from "next-auth/jwt";
import { parseCookie } from "cookie";
import { describe, expect, it } from "vitest";
import { localeCookieOf, secureCookiesFor, sessionCookieNames, sessionCookieOf, verifiedSession } from "./session-cookies";

const secret = "session-cookie-test-secret-0123456789";
const token = (claims: Record<string, unknown>, maxAge?: number) => encode({ token: claims, secret, ...(maxAge === undefined ? {} : { maxAge }) });

describe("sessionCookieOf", () => {
  it.each([
    ["no cookie", undefined, "none"],
    ["other cookies only", "NEXT_LOCALE=en; a=b", "none"],
    ["one session cookie", "next-auth.session-token=A", "one"],
    ["one secure session cookie", "NEXT_LOCALE=en; __Secure-next-auth.session-token=A", "one"],
    ["the same name twice", "next-auth.session-token=A; next-auth.session-token=B", "ambiguous"],
    ["both names", "next-auth.session-token=A; __Secure-next-auth.session-token=B", "ambiguous"],
    ["a __Host- variant beside it", "__Host-next-auth.session-token=A; next-auth.session-token=B", "ambiguous"],
    ["chunks", "next-auth.session-token.0=A; next-auth.session-token.1=B", "ambiguous"],
    ["another spelling of case", "Next-Auth.Session-Token=A; next-auth.session-token=B", "ambiguous"],
    ["a percent-encoded name", "next-auth%2Esession-token=A; next-auth.session-token=B", "ambiguous"],
    ["spaces around the name", " next-auth.session-token =A;next-auth.session-token=B", "ambiguous"],
    ["two Cookie headers", ["next-auth.session-token=A", "next-auth.session-token=B"], "ambiguous"],
  ] as const)("%s → %s", (_name, header, kind) => {
    expect(sessionCookieOf(header as string | string[] | undefined).kind).toBe(kind);
  });

  it("returns the one cookie's name and value", () => {
    expect(sessionCookieOf("a=1; next-auth.session-token=abc.def=; b=2")).toEqual({ kind: "one", name: "next-auth.session-token", value: "abc.def=" });
  });

  it("lists every session cookie name, to expire them", () => {
    expect(sessionCookieNames("next-auth.session-token=A; x=1; __Secure-next-auth.session-token=B; next-auth.session-token=C")).toEqual([
      "next-auth.session-token",
      "__Secure-next-auth.session-token",
    ]);
  });

  it("is needed: the common parser silently keeps one of two values", () => {
    // What the page cache used to read: the first value wins, while Next.js's own parser keeps the last.
    expect(parseCookie("next-auth.session-token=A; next-auth.session-token=B")["next-auth.session-token"]).toBe("A");
  });
});

describe("localeCookieOf", () => {
  it("reads a language cookie sent once and ignores one sent twice", () => {
    expect(localeCookieOf("NEXT_LOCALE=en")).toBe("en");
    expect(localeCookieOf("a=b")).toBeUndefined();
    expect(localeCookieOf("NEXT_LOCALE=en; NEXT_LOCALE=zh-CN")).toBeUndefined();
    expect(localeCookieOf("NEXT_LOCALE=en; next_locale=zh-CN")).toBeUndefined();
  });
});

describe("verifiedSession", () => {
  const options = { secret, secureCookie: false };

  it("gives the user and session of one valid token", async () => {
    const claims = await verifiedSession(`next-auth.session-token=${await token({ sub: "u1", sid: "s1" })}`, options);
    expect(claims).toMatchObject({ userId: "u1", sessionId: "s1" });
    expect(claims!.expiresAt).toBeGreaterThan(Date.now());
  });

  it("refuses two valid tokens, whichever order", async () => {
    const a = `next-auth.session-token=${await token({ sub: "u1", sid: "s1" })}`;
    const b = `next-auth.session-token=${await token({ sub: "u2", sid: "s2" })}`;
    expect(await verifiedSession(`${a}; ${b}`, options)).toBeNull();
    expect(await verifiedSession(`${b}; ${a}`, options)).toBeNull();
  });

  it("refuses a forged, expired, session-less or misnamed token", async () => {
    const forged = await encode({ token: { sub: "u1", sid: "s1" }, secret: "another-secret-of-enough-length" });
    expect(await verifiedSession(`next-auth.session-token=${forged}`, options)).toBeNull();
    expect(await verifiedSession(`next-auth.session-token=${await token({ sub: "u1", sid: "s1" }, -1)}`, options)).toBeNull();
    expect(await verifiedSession(`next-auth.session-token=${await token({ sub: "u1" })}`, options)).toBeNull();
    expect(await verifiedSession("next-auth.session-token=garbage", options)).toBeNull();
    const valid = await token({ sub: "u1", sid: "s1" });
    expect(await verifiedSession(`next-auth.session-token=${valid}`, { secret, secureCookie: true })).toBeNull();
    expect(await verifiedSession(`__Secure-next-auth.session-token=${valid}`, { secret, secureCookie: true })).toMatchObject({ userId: "u1" });
  });

  it("follows next-auth in naming cookies __Secure- on an https site", () => {
    expect(secureCookiesFor("https://duban.example.gov.cn")).toBe(true);
    expect(secureCookiesFor("http://localhost:3000")).toBe(false);
    expect(secureCookiesFor(undefined)).toBe(false);
  });
});
