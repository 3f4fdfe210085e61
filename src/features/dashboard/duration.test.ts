import { describe, expect, it } from "vitest";
import { averageHours, durationParts } from "./compute";

describe("review durations in words", () => {
  it.each([
    [0.05, { unit: "Minutes", value: 3 }], // a three-minute review is not 「0」
    [0.001, { unit: "Minutes", value: 1 }],
    [0.99, { unit: "Minutes", value: 59 }],
    [1, { unit: "Hours", value: 1 }],
    [26.54, { unit: "Hours", value: 26.5 }],
    [47.9, { unit: "Hours", value: 47.9 }],
    [48, { unit: "Days", value: 2 }],
    [100, { unit: "Days", value: 4.2 }],
  ] as const)("%s hours", (hours, expected) => {
    expect(durationParts(hours)).toEqual(expected);
  });

  it("keeps minutes in the average", () => {
    expect(averageHours([0.05])).toBe(0.05);
    expect(averageHours([])).toBeNull();
  });
});
