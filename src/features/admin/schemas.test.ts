import { describe, expect, it } from "vitest";
import { setUserEmailSchema } from "./schemas";

describe("setUserEmailSchema", () => {
  it("takes an address, trimmed", () => {
    expect(setUserEmailSchema.parse({ userId: "u1", email: "  wang.fang@example.gov.cn " })).toEqual({ userId: "u1", email: "wang.fang@example.gov.cn" });
  });

  it("reads an empty field as no address", () => {
    expect(setUserEmailSchema.parse({ userId: "u1", email: "   " })).toEqual({ userId: "u1", email: null });
  });

  it.each(["wang.fang", "wang@", "@example.gov.cn", "wang fang@example.gov.cn", `${"a".repeat(250)}@x.cn`])("refuses %s with the emailInvalid message", (email) => {
    const parsed = setUserEmailSchema.safeParse({ userId: "u1", email });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toEqual(["emailInvalid"]);
  });
});
