import { describe, expect, it } from "vitest";
import { planExportHref, planHref, planScopedPath } from "./plan-urls";

const plan = { code: "hs-gsyf-2021-2025" };

describe("a plan's addresses", () => {
  it("puts every view under the plan's code", () => {
    expect(planHref(plan)).toBe("/plans/hs-gsyf-2021-2025");
    expect(planHref(plan, "dashboard", { asOf: "2025-12-31" })).toBe("/plans/hs-gsyf-2021-2025/dashboard?asOf=2025-12-31");
    expect(planHref(plan, "dashboard/list", new URLSearchParams({ metric: "overdue" }))).toBe("/plans/hs-gsyf-2021-2025/dashboard/list?metric=overdue");
    expect(planHref(plan, "dashboard/print", "asOf=2024-01-01")).toBe("/plans/hs-gsyf-2021-2025/dashboard/print?asOf=2024-01-01");
    expect(planHref(plan, "tasks/6", { asOf: undefined })).toBe("/plans/hs-gsyf-2021-2025/tasks/6");
    expect(planExportHref(plan, { asOf: "2025-12-31" })).toBe("/api/plans/hs-gsyf-2021-2025/exports/quarterly?asOf=2025-12-31");
  });

  it("escapes a code that is not a plain path segment", () => {
    expect(planHref({ code: "a/b c" })).toBe("/plans/a%2Fb%20c");
  });

  it("maps each earlier plan-less address to the plan's own, keeping the query", () => {
    expect(planScopedPath(plan, "/dashboard", "?asOf=2023-01-01&sort=led")).toBe("/plans/hs-gsyf-2021-2025/dashboard?asOf=2023-01-01&sort=led");
    expect(planScopedPath(plan, "/dashboard/list", "metric=due")).toBe("/plans/hs-gsyf-2021-2025/dashboard/list?metric=due");
    expect(planScopedPath(plan, "/dashboard/print", "")).toBe("/plans/hs-gsyf-2021-2025/dashboard/print");
    expect(planScopedPath(plan, "/api/exports/quarterly", "asOf=2025-06-30")).toBe("/api/plans/hs-gsyf-2021-2025/exports/quarterly?asOf=2025-06-30");
    expect(planScopedPath(plan, "/reports", "")).toBeNull();
  });
});
