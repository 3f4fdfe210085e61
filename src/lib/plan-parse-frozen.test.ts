import { describe, it, expect } from "vitest";
import plan from "../../prisma/seed/plan-2021-2025.json" with { type: "json" };
import frozen from "./__fixtures__/plan-2021-2025-parsed.json" with { type: "json" };
import { parseTimeArrangement } from "./schedule";
import { parseResponsibleDepartments } from "./departments";
import { extractIndicators } from "./indicators";

/**
 * The shipped plan must parse exactly as it did before the parser learned successor plans' phrasings (issue 9).
 * The fixture is the parsers' output as it was then, written once and not regenerated. Fields added since (a
 * schedule's `checkpoints`) are new information and are not compared; every field that existed is.
 */
type Frozen = Record<string, { schedule: Record<string, unknown>; departments: unknown; indicators: unknown }>;
const FROZEN = frozen as unknown as Frozen;

const measures = plan.keyTasks.flatMap((task) => task.measures.map((m) => ({ id: `${task.number}.${m.number}`, m })));

describe("shipped plan parses as before", () => {
  it("covers every measure of the plan", () => {
    expect(measures.map((x) => x.id).sort()).toEqual(Object.keys(FROZEN).sort());
    expect(measures).toHaveLength(34);
  });

  it.each(measures)("measure $id", ({ id, m }) => {
    const before = FROZEN[id];
    const schedule = parseTimeArrangement(m.timeArrangement, plan.plan) as unknown as Record<string, unknown>;
    const { schedule: parsedSchedule, ...rest } = schedule as { schedule?: Record<string, unknown> };
    const { schedule: frozenSchedule, ...frozenRest } = before.schedule as { schedule?: Record<string, unknown> };
    expect(rest).toEqual(frozenRest);
    if (frozenSchedule) {
      expect(parsedSchedule).toBeDefined();
      const comparable = Object.fromEntries(Object.keys(frozenSchedule).map((k) => [k, parsedSchedule?.[k]]));
      expect(comparable).toEqual(frozenSchedule);
    }
    expect(parseResponsibleDepartments(m.departmentsText, plan.departments)).toEqual(before.departments);
    expect(extractIndicators(m.text)).toEqual(before.indicators);
  });
});
