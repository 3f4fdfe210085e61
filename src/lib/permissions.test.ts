import { describe, expect, it } from "vitest";
import { authorize, can, Forbidden, homeDepartmentId, mayBeInChargeOfDepartments, permissionMatrix, refusal, Role, roleNeedsDepartment, rolesWith, startView, type Action, type Principal, type Target } from "./permissions";

const OWN = "dept-own";
const OTHER = "dept-other";
const THIRD = "dept-third";
const { ADMIN, LEADER, LIAISON, DEPARTMENT_HEAD } = Role;
const actors: Record<Role, Principal> = {
  ADMIN: { role: ADMIN, departmentId: null },
  LEADER: { role: LEADER, departmentId: null },
  LIAISON: { role: LIAISON, departmentId: OWN },
  DEPARTMENT_HEAD: { role: DEPARTMENT_HEAD, departmentId: OWN },
};
const actions: Action[] = [
  "plan:read",
  "plan:import",
  "plan:manage",
  "plan:carryover",
  "department:read",
  "department:manage",
  "user:manage",
  "measure:manage",
  "calendar:manage",
  "report:read",
  "report:write",
  "report:review",
  "report:signoff",
  "report:backfill",
  "report:onBehalf",
  "extension:read",
  "extension:request",
  "extension:decide",
  "instruction:read",
  "instruction:write",
  "instruction:assign",
  "instruction:reply",
  "instruction:close",
  "notice:read",
  "notice:issue",
  "notice:sign",
  "notice:reply",
  "notice:close",
  "audit:read",
  "dashboard:read",
  "export:read",
  "notification:read",
  "account:password",
  "closure:read",
  "closure:apply",
  "closure:review",
  "closure:signoff",
  "evaluation:read",
  "evaluation:write",
  "demo:remove",
];

/** Measures with the caller's department leading, supporting, or absent. */
const led = { departments: [{ departmentId: OWN, isLead: true }, { departmentId: OTHER, isLead: false }] };
const supported = { departments: [{ departmentId: OTHER, isLead: true }, { departmentId: OWN, isLead: false }] };
const foreign = { departments: [{ departmentId: OTHER, isLead: true }, { departmentId: THIRD, isLead: false }] };

// The whole matrix, written out: [role, action, own department's record, other department's record].
const expected: Array<[Role, Action, boolean, boolean]> = [
  [ADMIN, "plan:read", true, true],
  [ADMIN, "plan:import", true, true],
  [ADMIN, "plan:manage", true, true],
  [ADMIN, "plan:carryover", true, true],
  [ADMIN, "department:read", true, true],
  [ADMIN, "department:manage", true, true],
  [ADMIN, "user:manage", true, true],
  [ADMIN, "measure:manage", true, true],
  [ADMIN, "calendar:manage", true, true],
  [ADMIN, "report:read", true, true],
  [ADMIN, "report:write", false, false],
  [ADMIN, "report:signoff", false, false],
  [ADMIN, "report:review", true, true],
  [ADMIN, "report:backfill", true, true],
  [ADMIN, "report:onBehalf", true, true],
  [ADMIN, "extension:read", true, true],
  [ADMIN, "extension:request", false, false],
  [ADMIN, "extension:decide", true, true],
  [ADMIN, "instruction:read", true, true],
  [ADMIN, "instruction:write", false, false],
  [ADMIN, "instruction:assign", true, true],
  [ADMIN, "instruction:reply", false, false],
  [ADMIN, "instruction:close", true, true],
  [ADMIN, "notice:read", true, true],
  [ADMIN, "notice:issue", true, true],
  [ADMIN, "notice:sign", false, false],
  [ADMIN, "notice:reply", false, false],
  [ADMIN, "notice:close", true, true],
  [ADMIN, "audit:read", true, true],
  [ADMIN, "dashboard:read", true, true],
  [ADMIN, "export:read", true, true],
  [ADMIN, "notification:read", true, true],
  [ADMIN, "account:password", true, true],
  [ADMIN, "closure:read", true, true],
  [ADMIN, "closure:apply", false, false],
  [ADMIN, "closure:review", true, true],
  [ADMIN, "closure:signoff", false, false],
  [ADMIN, "evaluation:read", true, true],
  [ADMIN, "evaluation:write", true, true],
  [ADMIN, "demo:remove", true, true],
  [LEADER, "plan:read", true, true],
  [LEADER, "plan:import", false, false],
  [LEADER, "plan:manage", false, false],
  [LEADER, "plan:carryover", false, false],
  [LEADER, "department:read", true, true],
  [LEADER, "department:manage", false, false],
  [LEADER, "user:manage", false, false],
  [LEADER, "measure:manage", false, false],
  [LEADER, "calendar:manage", false, false],
  [LEADER, "report:read", true, true],
  [LEADER, "report:write", false, false],
  [LEADER, "report:signoff", false, false],
  [LEADER, "report:review", false, false],
  [LEADER, "report:backfill", false, false],
  [LEADER, "report:onBehalf", false, false],
  [LEADER, "extension:read", true, true],
  [LEADER, "extension:request", false, false],
  [LEADER, "extension:decide", false, false],
  [LEADER, "instruction:read", true, true],
  [LEADER, "instruction:write", true, true],
  [LEADER, "instruction:assign", true, true],
  [LEADER, "instruction:reply", false, false],
  [LEADER, "instruction:close", true, true],
  [LEADER, "notice:read", true, true],
  [LEADER, "notice:issue", false, false],
  [LEADER, "notice:sign", false, false],
  [LEADER, "notice:reply", false, false],
  [LEADER, "notice:close", false, false],
  [LEADER, "audit:read", false, false],
  [LEADER, "dashboard:read", true, true],
  [LEADER, "export:read", true, true],
  [LEADER, "notification:read", true, true],
  [LEADER, "account:password", true, true],
  [LEADER, "closure:read", true, true],
  [LEADER, "closure:apply", false, false],
  [LEADER, "closure:review", false, false],
  [LEADER, "closure:signoff", true, true],
  [LEADER, "evaluation:read", true, true],
  [LEADER, "evaluation:write", false, false],
  [LEADER, "demo:remove", false, false],
  [LIAISON, "plan:read", true, true],
  [LIAISON, "plan:import", false, false],
  [LIAISON, "plan:manage", false, false],
  [LIAISON, "plan:carryover", false, false],
  [LIAISON, "department:read", true, false],
  [LIAISON, "department:manage", false, false],
  [LIAISON, "user:manage", false, false],
  [LIAISON, "measure:manage", false, false],
  [LIAISON, "calendar:manage", false, false],
  [LIAISON, "report:read", true, false],
  [LIAISON, "report:write", true, false],
  [LIAISON, "report:signoff", false, false],
  [LIAISON, "report:review", false, false],
  [LIAISON, "report:backfill", false, false],
  [LIAISON, "report:onBehalf", false, false],
  [LIAISON, "extension:read", true, false],
  [LIAISON, "extension:request", true, false],
  [LIAISON, "extension:decide", false, false],
  // An instruction assigned to the department; one about a measure it carries: see the measure cases below.
  [LIAISON, "instruction:read", true, false],
  [LIAISON, "instruction:write", false, false],
  [LIAISON, "instruction:assign", false, false],
  [LIAISON, "instruction:reply", true, false],
  [LIAISON, "instruction:close", false, false],
  [LIAISON, "notice:read", true, false],
  [LIAISON, "notice:issue", false, false],
  [LIAISON, "notice:sign", true, false],
  [LIAISON, "notice:reply", true, false],
  [LIAISON, "notice:close", false, false],
  [LIAISON, "audit:read", false, false],
  [LIAISON, "dashboard:read", false, false],
  [LIAISON, "export:read", true, false],
  [LIAISON, "notification:read", true, true],
  [LIAISON, "account:password", true, true],
  // Closures are about a measure, not a department's record: see the measure cases below.
  [LIAISON, "closure:read", false, false],
  [LIAISON, "closure:apply", false, false],
  [LIAISON, "closure:review", false, false],
  [LIAISON, "closure:signoff", false, false],
  // The evaluation is the bureau's and the leaders': a department reads its own record on its page.
  [LIAISON, "evaluation:read", false, false],
  [LIAISON, "evaluation:write", false, false],
  [LIAISON, "demo:remove", false, false],
  // 部门负责人 (decision 032): reads like the department's liaison, writes nothing, signs off its reports.
  // Closures are about a measure: see the measure cases below.
  [DEPARTMENT_HEAD, "plan:read", true, true],
  [DEPARTMENT_HEAD, "plan:import", false, false],
  [DEPARTMENT_HEAD, "plan:manage", false, false],
  [DEPARTMENT_HEAD, "plan:carryover", false, false],
  [DEPARTMENT_HEAD, "department:read", true, false],
  [DEPARTMENT_HEAD, "department:manage", false, false],
  [DEPARTMENT_HEAD, "user:manage", false, false],
  [DEPARTMENT_HEAD, "measure:manage", false, false],
  [DEPARTMENT_HEAD, "calendar:manage", false, false],
  [DEPARTMENT_HEAD, "report:read", true, false],
  [DEPARTMENT_HEAD, "report:write", false, false],
  [DEPARTMENT_HEAD, "report:review", false, false],
  [DEPARTMENT_HEAD, "report:signoff", true, false],
  [DEPARTMENT_HEAD, "report:backfill", false, false],
  [DEPARTMENT_HEAD, "report:onBehalf", false, false],
  [DEPARTMENT_HEAD, "extension:read", true, false],
  [DEPARTMENT_HEAD, "extension:request", false, false],
  [DEPARTMENT_HEAD, "extension:decide", false, false],
  [DEPARTMENT_HEAD, "instruction:read", true, false],
  [DEPARTMENT_HEAD, "instruction:write", false, false],
  [DEPARTMENT_HEAD, "instruction:assign", false, false],
  [DEPARTMENT_HEAD, "instruction:reply", false, false],
  [DEPARTMENT_HEAD, "instruction:close", false, false],
  [DEPARTMENT_HEAD, "notice:read", true, false],
  [DEPARTMENT_HEAD, "notice:issue", false, false],
  [DEPARTMENT_HEAD, "notice:sign", false, false],
  [DEPARTMENT_HEAD, "notice:reply", false, false],
  [DEPARTMENT_HEAD, "notice:close", false, false],
  [DEPARTMENT_HEAD, "audit:read", false, false],
  [DEPARTMENT_HEAD, "dashboard:read", false, false],
  [DEPARTMENT_HEAD, "export:read", true, false],
  [DEPARTMENT_HEAD, "notification:read", true, true],
  [DEPARTMENT_HEAD, "account:password", true, true],
  [DEPARTMENT_HEAD, "closure:read", false, false],
  [DEPARTMENT_HEAD, "closure:apply", false, false],
  [DEPARTMENT_HEAD, "closure:review", false, false],
  [DEPARTMENT_HEAD, "closure:signoff", false, false],
  [DEPARTMENT_HEAD, "evaluation:read", false, false],
  [DEPARTMENT_HEAD, "evaluation:write", false, false],
  [DEPARTMENT_HEAD, "demo:remove", false, false],
];

describe("permission matrix", () => {
  it("covers every role × action cell", () => {
    expect(expected).toHaveLength(Object.keys(actors).length * actions.length);
  });

  it.each(expected)("%s may %s: own department %s, other department %s", (role, action, own, other) => {
    expect(can(actors[role], action, { departmentId: OWN })).toBe(own);
    expect(can(actors[role], action, { departmentId: OTHER })).toBe(other);
  });

  it("denies everything to an anonymous caller", () => {
    for (const action of actions) expect(can(null, action, { departmentId: OWN, measure: led })).toBe(false);
  });

  it("denies a department-scoped action when no department is given to a scoped role", () => {
    expect(can(actors.LIAISON, "department:read")).toBe(false);
    expect(can({ role: LIAISON, departmentId: null }, "department:read", { departmentId: null })).toBe(false);
    expect(can({ role: LIAISON, departmentId: null }, "instruction:read", { measure: { departments: [] } })).toBe(false);
  });

  it("lists only known actions in the matrix", () => {
    for (const role of Object.keys(permissionMatrix) as Role[]) {
      for (const action of Object.keys(permissionMatrix[role])) expect(actions).toContain(action);
    }
  });
});

describe("measure-scoped rules", () => {
  const cases: Array<[string, Target, boolean]> = [
    ["its own report on a measure it leads", { departmentId: OWN, measure: led }, true],
    ["a supporting department's feedback on a measure it leads", { departmentId: OTHER, measure: led }, true],
    ["its own feedback on a measure it supports", { departmentId: OWN, measure: supported }, true],
    // Issue 12: a supporting department sees the report its feedback contributes to.
    ["the lead department's report on a measure it supports", { departmentId: OTHER, measure: supported }, true],
    ["a report on a measure it does not carry", { departmentId: OTHER, measure: foreign }, false],
    ["a department not on the measure it leads", { departmentId: THIRD, measure: led }, false],
  ];
  it.each(cases)("a liaison reads %s: %s", (_label, target, allowed) => {
    expect(can(actors.LIAISON, "report:read", target)).toBe(allowed);
  });

  it("leader instructions: administrators, leaders and the departments on the measure (lead or supporting), nobody else", () => {
    expect(can(actors.LIAISON, "instruction:read", { measure: led })).toBe(true);
    expect(can(actors.LIAISON, "instruction:read", { measure: supported })).toBe(true);
    expect(can(actors.LIAISON, "instruction:read", { measure: foreign })).toBe(false);
    expect(can(actors.ADMIN, "instruction:read", { measure: foreign })).toBe(true);
    expect(can(actors.LEADER, "instruction:read", { measure: foreign })).toBe(true);
  });

  it("办结销号: only the lead department's liaison applies; the departments on the measure read it; the bureau reviews, a leader signs off", () => {
    expect(can(actors.LIAISON, "closure:apply", { measure: led })).toBe(true);
    expect(can(actors.LIAISON, "closure:apply", { measure: supported })).toBe(false);
    expect(can(actors.LIAISON, "closure:apply", { measure: foreign })).toBe(false);
    expect(can({ role: LIAISON, departmentId: null }, "closure:apply", { measure: led })).toBe(false);
    expect(can(actors.ADMIN, "closure:apply", { measure: led })).toBe(false);
    expect(can(actors.LIAISON, "closure:read", { measure: supported })).toBe(true);
    expect(can(actors.LIAISON, "closure:read", { measure: foreign })).toBe(false);
    expect(can(actors.ADMIN, "closure:review", { measure: foreign })).toBe(true);
    expect(can(actors.LIAISON, "closure:review", { measure: led })).toBe(false);
    expect(can(actors.LEADER, "closure:signoff", { measure: foreign })).toBe(true);
    expect(can(actors.ADMIN, "closure:signoff", { measure: foreign })).toBe(false);
  });

  it("an instruction assigned to the caller's department is theirs to read even on a measure it does not carry; another's on such a measure is not", () => {
    expect(can(actors.LIAISON, "instruction:read", { departmentId: OWN, measure: foreign })).toBe(true);
    expect(can(actors.LIAISON, "instruction:read", { departmentId: OTHER, measure: foreign })).toBe(false);
    expect(can(actors.LIAISON, "instruction:read", { departmentId: OTHER, measure: supported })).toBe(true);
    // Replying stays with the department it is assigned to, even on a measure the caller leads.
    expect(can(actors.LIAISON, "instruction:reply", { departmentId: OTHER, measure: led })).toBe(false);
  });

  it("督办单: the bureau issues and closes, the department it is sent to signs and replies, a leader reads", () => {
    expect(can(actors.ADMIN, "notice:issue")).toBe(true);
    expect(can(actors.LIAISON, "notice:sign", { departmentId: OWN })).toBe(true);
    expect(can(actors.LIAISON, "notice:reply", { departmentId: OTHER, measure: led })).toBe(false);
    expect(can(actors.LEADER, "notice:reply", { departmentId: OWN })).toBe(false);
    expect(rolesWith("notice:close")).toEqual([ADMIN]);
    expect(rolesWith("instruction:close")).toEqual([ADMIN, LEADER]);
  });

  it("report:write stays the caller's own department's, even on a measure it leads", () => {
    expect(can(actors.LIAISON, "report:write", { departmentId: OTHER, measure: led })).toBe(false);
  });
});

describe("one refusal style", () => {
  it("refuses a role without the action as forbidden, and a scoped role on another record as notYours", () => {
    expect(refusal(null, "report:write", { departmentId: OWN })).toMatchObject({ namespace: "authz", key: "forbidden" });
    expect(refusal(actors.ADMIN, "report:write", { departmentId: OWN })).toMatchObject({ namespace: "authz", key: "forbidden" });
    expect(refusal(actors.LIAISON, "report:write", { departmentId: OTHER })).toMatchObject({ namespace: "authz", key: "notYours" });
    expect(refusal(actors.LIAISON, "report:write", { departmentId: OWN })).toBeNull();
    expect(() => authorize(actors.LEADER, "user:manage")).toThrow(Forbidden);
    expect(() => authorize(actors.ADMIN, "user:manage")).not.toThrow();
  });

  it("derives who gets a department's work and where a caller starts from the matrix", () => {
    expect(rolesWith("report:write")).toEqual([LIAISON]);
    expect(rolesWith("instruction:write")).toEqual([LEADER]);
    expect(homeDepartmentId(actors.LIAISON)).toBe(OWN);
    expect(homeDepartmentId(actors.ADMIN)).toBeNull();
    expect(homeDepartmentId({ role: LIAISON, departmentId: null })).toBeNull();
    expect(startView).toEqual({ [ADMIN]: "plan", [LEADER]: "dashboard", [LIAISON]: "department", [DEPARTMENT_HEAD]: "department" });
    expect(homeDepartmentId(actors.DEPARTMENT_HEAD)).toBe(OWN);
  });

  it("部门负责人: signs off only the own department's reports, reads like its liaison, writes nothing; 分管 is a leader's", () => {
    expect(rolesWith("report:signoff")).toEqual([DEPARTMENT_HEAD]);
    expect(can(actors.DEPARTMENT_HEAD, "report:signoff", { departmentId: OTHER, measure: led })).toBe(false);
    expect(can(actors.DEPARTMENT_HEAD, "report:read", { departmentId: OTHER, measure: led })).toBe(true);
    expect(can(actors.DEPARTMENT_HEAD, "closure:read", { measure: supported })).toBe(true);
    expect(can(actors.DEPARTMENT_HEAD, "closure:read", { measure: foreign })).toBe(false);
    expect(can({ role: DEPARTMENT_HEAD, departmentId: null }, "report:signoff", { departmentId: null })).toBe(false);
    expect([ADMIN, LEADER, LIAISON, DEPARTMENT_HEAD].filter(roleNeedsDepartment)).toEqual([LIAISON, DEPARTMENT_HEAD]);
    expect([ADMIN, LEADER, LIAISON, DEPARTMENT_HEAD].filter(mayBeInChargeOfDepartments)).toEqual([LEADER]);
  });
});
