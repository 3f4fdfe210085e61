import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "./route";

const switchFrom = (referer: string | null) =>
  GET(new NextRequest("http://duban.local/api/locale?to=en", { headers: { host: "duban.local", ...(referer === null ? {} : { referer }) } }));

describe("the language switch", () => {
  it("sets the preference and goes back to the page it was on", () => {
    const response = switchFrom("http://duban.local/plans/hs-gsyf-2021-2025/dashboard?asOf=2025-12-31");
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/plans/hs-gsyf-2021-2025/dashboard?asOf=2025-12-31");
    expect(response.cookies.get("NEXT_LOCALE")?.value).toBe("en");
  });

  it.each([
    ["another site", "http://evil.example/plans"],
    ["a path that browsers read as another host", "http://duban.local//evil.example/x"],
    ["a backslash that URLs read as a slash", "http://duban.local/\\evil.example/x"],
    ["an API address", "http://duban.local/api/exports/quarterly"],
    ["no referer", null],
  ])("goes to the start page from %s", (_name, referer) => {
    expect(switchFrom(referer).headers.get("location")).toBe("/");
  });
});
