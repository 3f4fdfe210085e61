import { describe, expect, it } from "vitest";
import { can, permissionMatrix, type Action, type Actor, type Role } from "./permissions";

const OWN = "dept-own";
const OTHER = "dept-other";
const actors: Record<Role, Actor> = {
  ADMIN: { role: "ADMIN", departmentId: null },
  LEADER: { role: "LEADER", departmentId: null },
  LIAISON: { role: "LIAISON", departmentId: OWN },
};
const actions: Action[] = [
  "plan:read",
  "department:read",
  "department:manage",
  "user:manage",
  "measure:manage",
  "report:read",
  "report:write",
  "report:review",
  "extension:request",
  "extension:decide",
  "instruction:write",
  "audit:read",
  "dashboard:read",
];

// The whole matrix, written out: [role, action, own department allowed, other department allowed].
const expected: Array<[Role, Action, boolean, boolean]> = [
  ["ADMIN", "plan:read", true, true],
  ["ADMIN", "department:read", true, true],
  ["ADMIN", "department:manage", true, true],
  ["ADMIN", "user:manage", true, true],
  ["ADMIN", "measure:manage", true, true],
  ["ADMIN", "report:read", true, true],
  ["ADMIN", "report:write", false, false],
  ["ADMIN", "report:review", true, true],
  ["ADMIN", "extension:request", false, false],
  ["ADMIN", "extension:decide", true, true],
  ["ADMIN", "instruction:write", false, false],
  ["ADMIN", "audit:read", true, true],
  ["ADMIN", "dashboard:read", true, true],
  ["LEADER", "plan:read", true, true],
  ["LEADER", "department:read", true, true],
  ["LEADER", "department:manage", false, false],
  ["LEADER", "user:manage", false, false],
  ["LEADER", "measure:manage", false, false],
  ["LEADER", "report:read", true, true],
  ["LEADER", "report:write", false, false],
  ["LEADER", "report:review", false, false],
  ["LEADER", "extension:request", false, false],
  ["LEADER", "extension:decide", false, false],
  ["LEADER", "instruction:write", true, true],
  ["LEADER", "audit:read", false, false],
  ["LEADER", "dashboard:read", true, true],
  ["LIAISON", "plan:read", true, true],
  ["LIAISON", "department:read", true, false],
  ["LIAISON", "department:manage", false, false],
  ["LIAISON", "user:manage", false, false],
  ["LIAISON", "measure:manage", false, false],
  ["LIAISON", "report:read", true, false],
  ["LIAISON", "report:write", true, false],
  ["LIAISON", "report:review", false, false],
  ["LIAISON", "extension:request", true, false],
  ["LIAISON", "extension:decide", false, false],
  ["LIAISON", "instruction:write", false, false],
  ["LIAISON", "audit:read", false, false],
  ["LIAISON", "dashboard:read", false, false],
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
    for (const action of actions) expect(can(null, action, { departmentId: OWN })).toBe(false);
  });

  it("denies a department-scoped action when no department is given to a scoped role", () => {
    expect(can(actors.LIAISON, "department:read")).toBe(false);
    expect(can({ role: "LIAISON", departmentId: null }, "department:read", { departmentId: null })).toBe(false);
  });

  it("lists only known actions in the matrix", () => {
    for (const role of Object.keys(permissionMatrix) as Role[]) {
      for (const action of Object.keys(permissionMatrix[role])) expect(actions).toContain(action);
    }
  });
});
