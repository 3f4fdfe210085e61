import { describe, expect, it } from "vitest";
import { defaultReportQuarter, parseReportQuarter, quarterFromKey, quarterTitle, reportCutoff, reportQuarters } from "./report-quarter";

const ended = { startYear: 2021, endYear: 2025 };
const running = { startYear: 2026, endYear: 2030 };

describe("the quarter a 通报 covers", () => {
  it("reads a quarter's key", () => {
    expect(quarterFromKey("2025-Q4")).toEqual({ key: "2025-Q4", year: 2025, quarter: 4, from: "2025-10-01", to: "2025-12-31" });
    expect(quarterFromKey("2025-Q5")).toBeNull();
    expect(quarterFromKey("2025Q1")).toBeNull();
    expect(quarterTitle(quarterFromKey("2024-Q2")!)).toBe("2024年第二季度");
    expect(quarterTitle(quarterFromKey("2024-Q2")!, "en")).toBe("2024 Q2");
  });

  it.each([
    ["an ended plan: its last quarter", ended, "2026-12-02", "2025-Q4"],
    ["a running plan: the last complete quarter", running, "2026-12-02", "2026-Q3"],
    ["on a quarter's last day, that quarter is not complete yet", running, "2026-09-30", "2026-Q2"],
    ["the day after, it is", running, "2026-10-01", "2026-Q3"],
    ["in a plan's first quarter: that quarter", running, "2026-02-10", "2026-Q1"],
  ])("default: %s", (_label, plan, today, key) => {
    expect(defaultReportQuarter(plan, today).key).toBe(key);
  });

  it("offers the plan's quarters up to today's, or up to its last", () => {
    expect(reportQuarters(ended, "2026-12-02").map((q) => q.key)).toHaveLength(20);
    expect(reportQuarters(ended, "2026-12-02").at(-1)!.key).toBe("2025-Q4");
    expect(reportQuarters(running, "2026-12-02").map((q) => q.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
  });

  it.each([
    [{ quarter: "2024-Q2" }, "2024-Q2"],
    [{ quarter: "2019-Q1" }, "2025-Q4"],
    [{ quarter: "nonsense" }, "2025-Q4"],
    [{ asOf: "2023-06-30" }, "2023-Q2"],
    [{ quarter: "2022-Q3", asOf: "2023-06-30" }, "2022-Q3"],
    [{ quarter: ["2022-Q3", "2022-Q4"] }, "2025-Q4"],
  ])("from the address %j: %s", (raw, key) => {
    expect(parseReportQuarter(raw, ended, "2026-12-02").key).toBe(key);
  });

  it("is as of the quarter's last day, or today while it runs", () => {
    expect(reportCutoff(quarterFromKey("2025-Q4")!, "2026-12-02")).toBe("2025-12-31");
    expect(reportCutoff(quarterFromKey("2026-Q4")!, "2026-12-02")).toBe("2026-12-02");
  });
});
