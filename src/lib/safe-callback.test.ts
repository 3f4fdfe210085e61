import { describe, expect, it } from "vitest";
import { safeCallbackPath, safeRedirectUrl } from "./safe-callback";

describe("safeCallbackPath", () => {
  it.each([
    ["/", "/"],
    ["/plans/abc", "/plans/abc"],
    ["/departments/x?tab=reports#top", "/departments/x?tab=reports#top"],
    ["/plans/%E5%B7%A5%E4%BC%A4", "/plans/%E5%B7%A5%E4%BC%A4"],
  ])("keeps the same-site path %j", (input, expected) => {
    expect(safeCallbackPath(input)).toBe(expected);
  });

  // Each of these, given to a browser as a location, leaves the site (or is not a path at all).
  it.each([
    ["tab between the slashes (browsers strip it)", "/\t/evil.example"],
    ["line feed between the slashes", "/\n/evil.example"],
    ["carriage return between the slashes", "/\r/evil.example"],
    ["leading tab", "\t//evil.example"],
    ["NUL", "/\u0000/evil.example"],
    ["DEL", "/\u007f/evil.example"],
    ["C1 control", "/\u0085/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with path", "//evil.example/login"],
    ["backslash after the slash", "/\\evil.example"],
    ["backslash later", "/a\\..\\\\evil.example"],
    ["double slash later", "/plans//evil"],
    ["triple slash", "///evil.example"],
    ["absolute http", "http://evil.example/"],
    ["absolute https", "https://evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["relative without slash", "evil.example"],
    ["space before the host", "/ /evil.example"],
    ["ideographic space", "/\u3000/evil.example"],
    ["empty", ""],
    ["too long", "/" + "a".repeat(2500)],
  ])("refuses %s", (_label, input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });

  it.each([[undefined], [null], [["/a", "/b"]], [42]])("refuses a non-string %j", (input) => {
    expect(safeCallbackPath(input)).toBe("/");
  });
});

describe("safeRedirectUrl (next-auth's redirect callback)", () => {
  const base = "http://localhost:3000";
  it.each([
    ["/plans/abc", `${base}/plans/abc`],
    ["/login", `${base}/login`],
    [`${base}/departments/x?y=1`, `${base}/departments/x?y=1`],
    ["/\t/evil.example", `${base}/`],
    ["/\\evil.example", `${base}/`],
    ["//evil.example", `${base}/`],
    ["https://evil.example/plans", `${base}/`],
    ["http://localhost:3001/plans", `${base}/`],
    [`${base}//evil.example`, `${base}/`],
    ["javascript:alert(1)", `${base}/`],
    ["not a url", `${base}/`],
  ])("%j → %j", (input, expected) => {
    expect(safeRedirectUrl(input, base)).toBe(expected);
  });
});
