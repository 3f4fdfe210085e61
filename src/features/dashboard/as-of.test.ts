import { describe, expect, it } from "vitest";
import { todayInChina } from "@/lib/due";
import { addDays } from "@/lib/periods";
import { asOfProblem, parseAsOf } from "./as-of";

describe("the as-of day asked for in the URL", () => {
  const today = todayInChina();
  it.each([
    [undefined, null],
    ["2024-06-30", null],
    [today, null],
    ["", "empty"],
    [["2024-01-01", "2024-02-01"], "empty"],
    ["2024-02-30", "invalid"],
    ["30/06/2024", "invalid"],
    [addDays(today, 1), "future"],
  ] as const)("%s → %s", (value, problem) => {
    expect(asOfProblem(value as string | string[] | undefined)).toBe(problem);
  });

  it("is used exactly when there is no problem with it", () => {
    expect(parseAsOf("2024-06-30")).toBe("2024-06-30");
    expect(parseAsOf(addDays(today, 1))).toBe(today);
    expect(parseAsOf("2024-02-30")).toBe(today);
  });
});
