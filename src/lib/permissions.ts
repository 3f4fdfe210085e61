/**
 * Who may do what: the role × action matrix, with the scope each role has.
 * The server asks `can` before every read and write; the client uses the same
 * answer only to hide controls.
 */
export type Role = "ADMIN" | "LIAISON" | "LEADER";

export type Action =
  | "plan:read"
  | "department:read"
  | "department:manage"
  | "user:manage"
  | "measure:manage"
  | "report:read"
  | "report:write"
  | "report:review"
  | "extension:request"
  | "extension:decide"
  | "instruction:write"
  | "audit:read"
  | "dashboard:read";

/** "any": every department; "own": only the caller's department. */
export type Scope = "any" | "own";

export const permissionMatrix: Record<Role, Partial<Record<Action, Scope>>> = {
  ADMIN: {
    "plan:read": "any",
    "department:read": "any",
    "department:manage": "any",
    "user:manage": "any",
    "measure:manage": "any",
    "report:read": "any",
    "report:review": "any",
    "extension:decide": "any",
    "audit:read": "any",
    "dashboard:read": "any",
  },
  LEADER: {
    "plan:read": "any",
    "department:read": "any",
    "report:read": "any",
    "instruction:write": "any",
    "dashboard:read": "any",
  },
  LIAISON: {
    "plan:read": "any",
    "department:read": "own",
    "report:read": "own",
    "report:write": "own",
    "extension:request": "own",
  },
};

export interface Actor {
  role: Role;
  departmentId: string | null;
}

/** Whether `actor` may perform `action`, on the department `target` when the action is department-scoped. */
export function can(actor: Actor | null, action: Action, target?: { departmentId: string | null }): boolean {
  if (!actor) return false;
  const scope = permissionMatrix[actor.role][action];
  if (!scope) return false;
  if (scope === "any") return true;
  return target !== undefined && actor.departmentId !== null && target.departmentId === actor.departmentId;
}
