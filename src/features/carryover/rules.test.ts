import { describe, expect, it } from "vitest";
import { carriedByDefault, carryoverDepartmentsText, carryoverTimeArrangement, indicatorOutcome } from "./rules";

describe("carry-over rules", () => {
  it("writes the department cell from the roles", () => {
    expect(carryoverDepartmentsText([{ shortName: "市卫健委", role: "LEAD" }])).toBe("市卫健委牵头");
    expect(
      carryoverDepartmentsText([
        { shortName: "市人社局", role: "LEAD" },
        { shortName: "市应急局", role: "JOINT_LEAD" },
        { shortName: "市财政局", role: "SUPPORT" },
        { shortName: "市总工会", role: "SUPPORT" },
      ]),
    ).toBe("市人社局牵头，市应急局共同牵头，市财政局、市总工会配合");
  });

  it("writes the time arrangement from the deadline", () => {
    expect(carryoverTimeArrangement("2027-12-31")).toBe("2027-12-31前");
    expect(carryoverTimeArrangement(null)).toBe("持续推进");
  });

  it.each([
    [true, 12.5, "MISSED", true],
    [true, 0, "MET", false],
    [true, -3, "MET", false],
    [true, null, "NO_VALUE", true],
    [false, null, "NO_TARGET", true],
  ] as const)("target %s, %s points behind: %s", (hasTarget, behind, outcome, carried) => {
    expect(indicatorOutcome(hasTarget, behind)).toBe(outcome);
    expect(carriedByDefault(indicatorOutcome(hasTarget, behind))).toBe(carried);
  });
});
