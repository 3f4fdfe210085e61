import { describe, expect, it } from "vitest";
import { reviewCycles } from "./compute";

const at = (iso: string) => Date.parse(iso);

describe("reviewCycles", () => {
  it("times each decided submission, but not an acceptance entered afterwards (补录), which has no real review time", () => {
    const events = [
      { on: "2023-07-05", at: at("2023-07-05T00:00:00Z"), event: "SUBMITTED" as const },
      { on: "2023-07-05", at: at("2023-07-05T00:00:00Z"), event: "ACCEPTED" as const, backfilled: true },
      { on: "2023-10-09", at: at("2023-10-09T02:00:00Z"), event: "SUBMITTED" as const },
      { on: "2023-10-10", at: at("2023-10-10T02:00:00Z"), event: "RETURNED" as const },
    ];
    const { submittedOn, reviews } = reviewCycles(events, "2025-12-31");
    expect(submittedOn).toEqual(["2023-07-05", "2023-10-09"]);
    expect(reviews).toEqual([{ submittedAt: at("2023-10-09T02:00:00Z"), decidedAt: at("2023-10-10T02:00:00Z"), outcome: "RETURNED", hours: 24 }]);
  });
});
