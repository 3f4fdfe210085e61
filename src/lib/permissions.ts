/**
 * Who may do what: the one home of every authorization rule.
 *
 * The role × action matrix below, with the scope each role has, is asked by
 * every mutation (first thing, through `authorize`), every server action and
 * route handler (before they read their input), and every query behind a page
 * (which returns only what the caller may see). Pages and the client use the
 * same `can` only to choose what to show. A new rule is a new action here (and
 * a row in src/lib/permissions.test.ts and tests/integration/action-matrix.test.ts);
 * nothing else names a role.
 */
import { Role } from "@/generated/prisma/enums";
import { RuleError } from "./rule-error";

export { Role };

export type Action =
  | "plan:read"
  | "plan:import"
  | "plan:manage"
  | "plan:carryover"
  | "department:read"
  | "department:manage"
  | "user:manage"
  | "measure:manage"
  | "calendar:manage"
  | "report:read"
  | "report:write"
  | "report:review"
  | "report:signoff"
  | "report:backfill"
  | "report:onBehalf"
  | "extension:read"
  | "extension:request"
  | "extension:decide"
  | "instruction:read"
  | "instruction:write"
  | "instruction:assign"
  | "instruction:reply"
  | "instruction:close"
  | "notice:read"
  | "notice:issue"
  | "notice:sign"
  | "notice:reply"
  | "notice:close"
  | "audit:read"
  | "dashboard:read"
  | "export:read"
  | "notification:read"
  | "account:password"
  | "closure:read"
  | "closure:apply"
  | "closure:review"
  | "closure:signoff"
  | "evaluation:read"
  | "evaluation:write"
  | "demo:remove";

/**
 * "any": every record.
 * "own": records of the caller's department.
 * "ownOrLed": records of the caller's department, of the other departments on a measure the caller's department leads,
 *   and the lead department's on a measure the caller's department supports.
 * "onMeasure": records about a measure the caller's department carries (as lead or supporting department).
 * "leads": records about a measure the caller's department leads (牵头).
 * "ownOrOnMeasure": records of the caller's department, and records about a measure it carries.
 */
export type Scope = "any" | "own" | "ownOrLed" | "onMeasure" | "leads" | "ownOrOnMeasure";

export const permissionMatrix: Record<Role, Partial<Record<Action, Scope>>> = {
  [Role.ADMIN]: {
    "plan:read": "any",
    // Importing a plan's key-task table (and exporting it as the template) creates plans and departments.
    "plan:import": "any",
    "plan:manage": "any",
    // 结转: the bureau carries unfinished measures of an ended plan into a running or draft one (decision 028).
    "plan:carryover": "any",
    "department:read": "any",
    "department:manage": "any",
    "user:manage": "any",
    "measure:manage": "any",
    // The working-day calendar moves every due date that falls on a day it lists.
    "calendar:manage": "any",
    "report:read": "any",
    "report:review": "any",
    // 补录: a past period's report entered afterwards with its real days (also from a spreadsheet), decision 025.
    "report:backfill": "any",
    // 代填报: a report filled in now on a department's behalf, shown as such.
    "report:onBehalf": "any",
    "extension:read": "any",
    "extension:decide": "any",
    "instruction:read": "any",
    // The bureau assigns instructions (交办) and closes them (办结) or sends them back, like the leader.
    "instruction:assign": "any",
    "instruction:close": "any",
    // 督办单: the bureau issues them, and accepts (办结) or returns the departments' replies.
    "notice:read": "any",
    "notice:issue": "any",
    "notice:close": "any",
    "audit:read": "any",
    "dashboard:read": "any",
    "export:read": "any",
    "notification:read": "any",
    // Changing one's own password: the mutation only ever touches the caller's own account.
    "account:password": "any",
    // 办结销号: the bureau accepts or returns an application, reopens a closed measure, declares 常态化.
    "closure:read": "any",
    "closure:review": "any",
    // 终期评估 and 年度总结: the bureau confirms or changes each measure's proposed verdict and issues the reports.
    "evaluation:read": "any",
    "evaluation:write": "any",
    // 演示数据 (decision 030): removing the embedded mode's demonstration history, at once and for everybody.
    "demo:remove": "any",
  },
  [Role.LEADER]: {
    "plan:read": "any",
    "department:read": "any",
    "report:read": "any",
    "extension:read": "any",
    "instruction:read": "any",
    "instruction:write": "any",
    "instruction:assign": "any",
    "instruction:close": "any",
    "notice:read": "any",
    "dashboard:read": "any",
    "export:read": "any",
    "notification:read": "any",
    "account:password": "any",
    "closure:read": "any",
    // A plan may ask a leader to sign off an accepted closure before the measure closes.
    "closure:signoff": "any",
    // The 终期评估 and 年度总结 are read by the leaders; the verdicts are the bureau's.
    "evaluation:read": "any",
  },
  [Role.LIAISON]: {
    "plan:read": "any",
    "department:read": "own",
    "report:read": "ownOrLed",
    "report:write": "own",
    "extension:read": "own",
    "extension:request": "own",
    // 领导批示: the department it is assigned to, and the departments on the measure (lead and supporting); nobody else's liaison.
    "instruction:read": "ownOrOnMeasure",
    // 落实情况: the assigned department's own report on an instruction.
    "instruction:reply": "own",
    // 督办单 sent to the caller's department: read, sign for (签收) and answer.
    "notice:read": "own",
    "notice:sign": "own",
    "notice:reply": "own",
    "export:read": "own",
    "notification:read": "any",
    "account:password": "any",
    // A measure's closure and its evidence: the departments on the measure; applying: its lead department alone.
    "closure:read": "onMeasure",
    "closure:apply": "leads",
  },
  // 部门负责人 (decision 032): reads what the department's liaisons read, signs off their reports
  // before they reach the bureau (when the plan asks for it), and hears the department's escalations.
  [Role.DEPARTMENT_HEAD]: {
    "plan:read": "any",
    "department:read": "own",
    "report:read": "ownOrLed",
    // 部门负责人审签: the caller's own department's reports awaiting sign-off.
    "report:signoff": "own",
    "extension:read": "own",
    "instruction:read": "ownOrOnMeasure",
    "notice:read": "own",
    "export:read": "own",
    "notification:read": "any",
    "account:password": "any",
    "closure:read": "onMeasure",
  },
};

/** The caller of a page, action, mutation or route, as the database knows them now. */
export interface Actor {
  id: string;
  loginName: string;
  role: Role;
  departmentId: string | null;
  /** The client address, for the audit trail (absent in scripts and tests). */
  ip?: string | null;
}

/**
 * The operator of the server, running a command (`npm run plan:import`): has the machine, so acts
 * as an administrator. Has no account: the audit trail records it by this label, with no actor id.
 */
export const commandLineOperator: Actor = { id: "", loginName: "command line", role: Role.ADMIN, departmentId: null, ip: null };

/** The part of an actor the rules look at. */
export type Principal = Pick<Actor, "role" | "departmentId">;

/**
 * What a department-scoped action is about: the department a record belongs to
 * (a report, an extension request, a department page) and/or the departments
 * carrying the measure it concerns.
 */
export interface Target {
  departmentId?: string | null;
  measure?: { departments: readonly { departmentId: string; isLead: boolean }[] };
}

/** The scope `actor` has for `action`, or null when the role may not do it at all. */
export function scopeOf(actor: Principal | null, action: Action): Scope | null {
  if (!actor) return null;
  return permissionMatrix[actor.role]?.[action] ?? null;
}

/** Whether `actor` may perform `action` on `target` (needed when the action is department-scoped). */
export function can(actor: Principal | null, action: Action, target?: Target): boolean {
  const scope = scopeOf(actor, action);
  if (!actor || !scope) return false;
  if (scope === "any") return true;
  const mine = actor.departmentId;
  if (!mine || !target) return false;
  const own = target.departmentId === mine;
  const onMeasure = target.measure?.departments.find((d) => d.departmentId === mine);
  switch (scope) {
    case "own":
      return own;
    case "ownOrLed": {
      const theirs = target.measure?.departments.find((d) => d.departmentId === target.departmentId);
      // A lead department reads its supporters' feedback; a supporting department reads the lead's report it contributes to.
      return own || (Boolean(theirs) && (Boolean(onMeasure?.isLead) || (Boolean(onMeasure) && Boolean(theirs?.isLead))));
    }
    case "onMeasure":
      return Boolean(onMeasure);
    case "leads":
      return Boolean(onMeasure?.isLead);
    case "ownOrOnMeasure":
      return own || Boolean(onMeasure);
  }
}

/** Whether `actor` may do `action` on at least something (a department-scoped role on its own department). */
export function canAtAll(actor: Principal | null, action: Action): boolean {
  const scope = scopeOf(actor, action);
  return scope === "any" || (scope !== null && Boolean(actor?.departmentId));
}

/** The roles that may do `action` at all (who a department's notifications go to, say). */
export function rolesWith(action: Action): Role[] {
  return (Object.keys(permissionMatrix) as Role[]).filter((role) => permissionMatrix[role][action] !== undefined);
}

/**
 * Where each role starts after signing in: a liaison on their department's page, a leader on the
 * leaders' overview (领导驾驶舱) of the current plan, an administrator on the current plan's page.
 */
export const startView: Record<Role, "department" | "dashboard" | "plan"> = {
  [Role.ADMIN]: "plan",
  [Role.LEADER]: "dashboard",
  [Role.LIAISON]: "department",
  [Role.DEPARTMENT_HEAD]: "department",
};

/** The roles an account of which must belong to a department (a CHECK in the database says the same). */
export function roleNeedsDepartment(role: Role): boolean {
  return role === Role.LIAISON || role === Role.DEPARTMENT_HEAD;
}

/**
 * The roles an administrator may put in charge of departments (分管领导, decision 032): they hear
 * those departments' escalations (a red 进度 light, a red notice, an overdue instruction).
 */
export function mayBeInChargeOfDepartments(role: Role): boolean {
  return role === Role.LEADER;
}

/** The roles of a department's own people who hear its escalations: whoever signs off its reports (its head). */
export const escalationAction: Action = "report:signoff";

/** The department a caller works for when their view is limited to it (their home page), else null. */
export function homeDepartmentId(actor: Principal | null): string | null {
  return scopeOf(actor, "department:read") === "own" ? (actor?.departmentId ?? null) : null;
}

/**
 * A refusal by the policy. `key` is a message under "authz": "forbidden" when
 * the role may not do this at all (or nobody is signed in), "notYours" when
 * the role may, but not on this record. Whatever raised it changed nothing.
 */
export class Forbidden extends RuleError {
  constructor(key: "forbidden" | "notYours" = "forbidden") {
    super("authz", key);
  }
}

/** The policy's answer as a value: null when allowed, else the refusal. */
export function refusal(actor: Principal | null, action: Action, target?: Target): Forbidden | null {
  if (can(actor, action, target)) return null;
  return new Forbidden(scopeOf(actor, action) === null ? "forbidden" : "notYours");
}

/** The policy check every mutation, action and route handler makes first: returns, or throws `Forbidden`. */
export function authorize(actor: Principal | null, action: Action, target?: Target): void {
  const denied = refusal(actor, action, target);
  if (denied) throw denied;
}
