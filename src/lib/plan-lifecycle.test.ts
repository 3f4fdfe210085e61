import { describe, expect, it } from "vitest";
import { canMovePlan, currentPlan, defaultAsOf, planEndDay, planLifecycle, PLAN_STATUSES, statusesWhere, type PlanDates } from "./plan-lifecycle";

const plan = (code: string, status: PlanDates["status"], startYear: number, endYear = startYear + 4) => ({ code, status, startYear, endYear });

describe("what each state of a plan allows", () => {
  it("creates obligations and reminds only while it runs; an ended plan is still live and writable; an archived one is read-only", () => {
    expect(statusesWhere("reminds")).toEqual(["ACTIVE"]);
    expect(statusesWhere("createsObligations")).toEqual(["DRAFT", "ACTIVE"]);
    expect(statusesWhere("live")).toEqual(["ACTIVE", "ENDED"]);
    expect(statusesWhere("writable")).toEqual(["DRAFT", "ACTIVE", "ENDED"]);
    expect(statusesWhere("opensAtEnd")).toEqual(["ENDED", "ARCHIVED"]);
  });

  it("moves 草稿 → 执行中 → 已结束 → 已归档, and one step back from an end", () => {
    const moves = PLAN_STATUSES.flatMap((from) => PLAN_STATUSES.filter((to) => canMovePlan(from, to)).map((to) => `${from}→${to}`));
    expect(moves).toEqual(["DRAFT→ACTIVE", "ACTIVE→ENDED", "ENDED→ACTIVE", "ENDED→ARCHIVED", "ARCHIVED→ENDED"]);
    for (const s of PLAN_STATUSES) expect(canMovePlan(s, s)).toBe(false);
    expect(planLifecycle.ARCHIVED.next).not.toContain("ACTIVE");
  });
});

describe("the day a plan's views open on", () => {
  it("is the last day of an ended or archived plan, and today for a running one", () => {
    expect(planEndDay({ endYear: 2025 })).toBe("2025-12-31");
    expect(defaultAsOf(plan("a", "ENDED", 2021), "2026-12-01")).toBe("2025-12-31");
    expect(defaultAsOf(plan("a", "ARCHIVED", 2021), "2026-12-01")).toBe("2025-12-31");
    expect(defaultAsOf(plan("a", "ACTIVE", 2021), "2026-12-01")).toBe("2026-12-01");
    expect(defaultAsOf(plan("b", "ACTIVE", 2026), "2026-12-01")).toBe("2026-12-01");
  });

  it("is today for a plan ended early, before its last day has come", () => {
    expect(defaultAsOf(plan("c", "ENDED", 2026, 2030), "2026-12-01")).toBe("2026-12-01");
  });
});

describe("the current plan", () => {
  it("is the running plan that started last", () => {
    const plans = [plan("old", "ENDED", 2021), plan("new", "ACTIVE", 2026), plan("other", "ACTIVE", 2024), plan("next", "DRAFT", 2031)];
    expect(currentPlan(plans)?.code).toBe("new");
  });

  it("is the most recent plan that is not a draft when none runs, else the most recent; none without plans", () => {
    expect(currentPlan([plan("old", "ARCHIVED", 2016), plan("ended", "ENDED", 2021), plan("draft", "DRAFT", 2026)])?.code).toBe("ended");
    expect(currentPlan([plan("draft", "DRAFT", 2026)])?.code).toBe("draft");
    expect(currentPlan([])).toBeNull();
  });
});
