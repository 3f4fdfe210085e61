import { describe, expect, it, vi } from "vitest";
import { addDays } from "@/lib/periods";
import { generateDemoHistory, indicatorValue, seededRandom, type DemoPlanInput, type DemoRows } from "./demo-history";

const DEPARTMENTS = ["d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8"];
const people = { adminId: "admin", leaderId: "leader", liaisonByDepartment: Object.fromEntries(DEPARTMENTS.map((d) => [d, `liaison-${d}`])) };

/** A plan shaped like the shipped one: 34 measures, quarterly periods over five years, a few deadlines, two or three departments each. */
function plan(code = "demo-plan", status: DemoPlanInput["status"] = "ENDED", startYear = 2021, endYear = 2025): DemoPlanInput {
  const measures: DemoPlanInput["measures"] = [];
  const assignments: DemoPlanInput["assignments"] = [];
  const periods: DemoPlanInput["periods"] = [];
  const indicators: DemoPlanInput["indicators"] = [];
  for (let i = 0; i < 34; i++) {
    const id = `${code}-m${i}`;
    const deadline = i % 6 === 0 ? `${startYear + 1 + (i % 3)}-06-30` : null;
    measures.push({ id, keyTaskNumber: 1 + Math.floor(i / 4), number: (i % 4) + 1, text: `第${i}项措施，推进工伤预防工作。`, deadline, withdrawn: false });
    const count = 1 + (i % 3);
    for (let k = 0; k < count; k++) assignments.push({ measureId: id, departmentId: DEPARTMENTS[(i + k) % 8], isLead: k === 0, isJointLead: false });
    for (let y = startYear; y <= endYear; y++) {
      for (let q = 1; q <= 4; q++) {
        const end = [`${y}-03-31`, `${y}-06-30`, `${y}-09-30`, `${y}-12-31`][q - 1];
        if (deadline && end > deadline) continue;
        periods.push({ id: `${id}-${y}q${q}`, measureId: id, kind: "QUARTER", periodStart: `${y}-${String(q * 3 - 2).padStart(2, "0")}-01`, periodEnd: end, dueDate: addDays(end, 12) });
      }
    }
    if (deadline) periods.push({ id: `${id}-deadline`, measureId: id, kind: "MILESTONE", periodStart: `${startYear}-01-01`, periodEnd: deadline, dueDate: deadline });
    if (i % 5 === 0) indicators.push({ id: `${id}-i`, measureId: id, comparison: "GTE", target: 200, period: "YEAR", unit: "人" });
  }
  return { code, status, startYear, endYear, measures, assignments, periods, indicators };
}

const TODAY = "2026-12-02";
const generate = (plans = [plan()], seed = 2021) => generateDemoHistory(plans, people, { today: TODAY, seed, idPrefix: "t" });

function shares(rows: DemoRows) {
  const n = rows.reports.length;
  const count = (o: string) => rows.reports.filter((r) => r.outcome === o).length / n;
  return { n, onTime: count("ON_TIME"), late: count("LATE") + count("EXTENDED"), returned: count("RETURNED_RESUBMITTED"), unfinished: count("DRAFT") + count("RETURNED_OPEN") };
}

describe("generateDemoHistory", () => {
  it("is deterministic: the same seed gives the same history, never from Math.random", () => {
    const random = vi.spyOn(Math, "random");
    const a = generate();
    const b = generate();
    expect(random).not.toHaveBeenCalled();
    random.mockRestore();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    expect(JSON.stringify(generate([plan()], 7))).not.toBe(JSON.stringify(a));
  });

  it("mixes outcomes as a plan that ran: most on time, some late, some returned, a few missing", () => {
    const rows = generate();
    const s = shares(rows);
    const shipped = plan();
    const pairs = shipped.periods.reduce((sum, p) => sum + shipped.assignments.filter((a) => a.measureId === p.measureId).length, 0);
    expect(s.n).toBeGreaterThan(pairs * 0.9);
    expect(s.n).toBeLessThan(pairs);
    expect(s.onTime).toBeGreaterThan(0.6);
    expect(s.onTime).toBeLessThan(0.9);
    expect(s.late).toBeGreaterThan(0.04);
    expect(s.late).toBeLessThan(0.25);
    expect(s.returned).toBeGreaterThan(0.03);
    expect(s.returned).toBeLessThan(0.12);
    expect(s.unfinished).toBeLessThan(0.02);
    // Ratings: 存在困难 now and then, 已完成 for the deadlines.
    const difficult = rows.reports.filter((r) => r.progress === "DIFFICULT").length / s.n;
    expect(difficult).toBeGreaterThan(0.01);
    expect(difficult).toBeLessThan(0.12);
    expect(rows.reports.some((r) => r.progress === "COMPLETED")).toBe(true);
  });

  it("writes each report's review history in order, in the past, with the report's own state and times", () => {
    const rows = generate();
    const now = new Date(`${TODAY}T00:00:00+08:00`).getTime() + 86_400_000;
    const byReport = new Map<string, DemoRows["revisions"]>();
    for (const v of rows.revisions) byReport.set(v.reportId, [...(byReport.get(v.reportId) ?? []), v]);
    for (const r of rows.reports) {
      const revisions = byReport.get(r.id) ?? [];
      revisions.forEach((v, i) => {
        expect(v.number).toBe(i + 1);
        if (i > 0) expect(v.at.getTime()).toBeGreaterThan(revisions[i - 1].at.getTime());
        expect(v.at.getTime()).toBeLessThan(now);
        expect(v.actorId).toBe(v.event === "SUBMITTED" ? `liaison-${r.departmentId}` : "admin");
      });
      expect(r.state).toBe(revisions.at(-1)?.event ?? "DRAFT");
      expect(r.submittedAt).toEqual(revisions.filter((v) => v.event === "SUBMITTED").at(-1)?.at ?? null);
      if (r.state === "ACCEPTED") expect(r.reviewedAt).toEqual(revisions.at(-1)!.at);
    }
    // Submissions in every year of the plan, and none in the plan's future.
    const years = new Set(rows.revisions.map((v) => v.at.getUTCFullYear()));
    for (const y of [2021, 2022, 2023, 2024, 2025]) expect(years.has(y)).toBe(true);
  });

  it("adds extensions, instructions through their loop, 督办单 and closures", () => {
    const rows = generate();
    expect(rows.extensions.filter((e) => e.state === "APPROVED").length).toBeGreaterThanOrEqual(1);
    expect(rows.extensions.filter((e) => e.state === "REJECTED").length).toBeGreaterThanOrEqual(1);
    // An approved extension moves the department's own due date, to the day it asked for.
    for (const e of rows.extensions.filter((x) => x.state === "APPROVED")) {
      expect(rows.departmentDues).toContainEqual(expect.objectContaining({ periodId: e.periodId, departmentId: e.departmentId, dueDate: e.requestedDueDate }));
    }
    expect(rows.instructions.length).toBe(5);
    for (const i of rows.instructions) {
      expect(i.state).toBe("CLOSED");
      expect(i.repliedAt!.getTime()).toBeGreaterThan(i.assignedAt.getTime());
      expect(i.closedAt!.getTime()).toBeGreaterThan(i.repliedAt!.getTime());
    }
    expect(rows.instructions.filter((i) => i.returnReason).length).toBe(1);
    expect(rows.notices.length).toBeGreaterThanOrEqual(2);
    expect(new Set(rows.notices.map((n) => `${n.year}-${n.serial}`)).size).toBe(rows.notices.length);
    expect(rows.closedMeasures.length).toBeGreaterThanOrEqual(2);
    // A closed measure owes nothing after it closed: no report of a period due later.
    const periods = new Map(plan().periods.map((p) => [p.id, p]));
    for (const c of rows.closedMeasures) {
      const closedOn = c.closedAt.toISOString().slice(0, 10);
      for (const r of rows.reports.filter((x) => x.measureId === c.measureId)) expect(periods.get(r.periodId)!.dueDate <= closedOn).toBe(true);
    }
  });

  it("writes only what had happened by the day: an active plan's current quarter has reports awaiting review, its future none", () => {
    const active = plan("active-plan", "ACTIVE", 2026, 2030);
    const rows = generate([active]);
    const periods = new Map(active.periods.map((p) => [p.id, p]));
    for (const r of rows.reports) expect(periods.get(r.periodId)!.periodStart <= TODAY).toBe(true);
    expect(rows.reports.some((r) => r.state === "SUBMITTED")).toBe(true);
    expect(rows.extensions.filter((e) => e.state === "PENDING")).toHaveLength(1);
    expect(rows.instructions.some((i) => i.state !== "CLOSED")).toBe(true);
    // A plan in draft gets nothing.
    expect(generate([plan("draft-plan", "DRAFT")]).reports).toHaveLength(0);
  });
});

describe("indicatorValue", () => {
  const i = { id: "i", measureId: "m", comparison: "GTE" as const, target: 200, period: "YEAR" as const, unit: "人" };
  const years = { startYear: 2021, endYear: 2025 };
  it("moves toward the target through the year, ahead for a steady measure and behind for a troubled one", () => {
    const r = seededRandom(1);
    const april = indicatorValue(i, years, "STEADY", "2023-04-10", r)!;
    const october = indicatorValue(i, years, "STEADY", "2023-10-10", r)!;
    expect(april).toBeGreaterThan(0);
    expect(october).toBeGreaterThan(april);
    expect(october).toBeLessThanOrEqual(200 * 1.06);
    expect(indicatorValue(i, years, "TROUBLED", "2023-10-10", r)!).toBeLessThan(october * 0.75);
    expect(indicatorValue({ ...i, comparison: "LTE", target: 3 }, years, "STEADY", "2023-10-10", r)!).toBeLessThanOrEqual(3);
    expect(indicatorValue({ ...i, target: null }, years, "STEADY", "2023-10-10", r)).toBeNull();
  });
});
