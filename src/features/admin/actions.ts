"use server";

import type { ActionState } from "@/lib/action-state";
import { runAction } from "@/server/run-action";
import { db } from "@/server/db";
import { createDepartment, createUser, endSessionsOf, resetUserPassword, setLedDepartments, setUserActive, setUserEmail, setUserRole, updateDepartment } from "./mutations";
import {
  createDepartmentSchema,
  createUserSchema,
  endSessionsSchema,
  resetPasswordSchema,
  setUserActiveSchema,
  setUserEmailSchema,
  setLedDepartmentsSchema,
  setUserRoleSchema,
  updateDepartmentSchema,
} from "./schemas";

/** 分管领导: sets the departments a leader is in charge of (administrators only). */
export async function setLedDepartmentsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "user:manage",
    schema: setLedDepartmentsSchema,
    input: { userId: formData.get("userId"), departmentIds: formData.getAll("departmentId") },
    namespace: "admin",
    mutate: (actor, input) => setLedDepartments(db, actor, input),
    success: "ledDepartmentsSaved",
    revalidate: ["/admin/users"],
  });
}

/** Activates or deactivates an account (administrators only). */
export async function setUserActiveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "user:manage",
    schema: setUserActiveSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setUserActive(db, actor, input),
    success: "saved",
    revalidate: ["/admin/users"],
  });
}

/** Changes an account's role (administrators only). */
export async function setUserRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "user:manage",
    schema: setUserRoleSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setUserRole(db, actor, input),
    success: "saved",
    revalidate: ["/admin/users"],
  });
}

/** Ends every session of an account, so it must sign in again (administrators only). */
export async function endSessionsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "user:manage",
    schema: endSessionsSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => endSessionsOf(db, actor, input),
    success: "sessionsEnded",
    revalidate: ["/admin/users"],
  });
}

/** Sets or removes the e-mail address of an account (administrators only, their own included). */
export async function setUserEmailAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "user:manage",
    schema: setUserEmailSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => setUserEmail(db, actor, input),
    success: "saved",
    revalidate: ["/admin/users"],
  });
}

/** Corrects a department's full name and aliases (administrators only). */
export async function updateDepartmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "department:manage",
    schema: updateDepartmentSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => updateDepartment(db, actor, input),
    success: "saved",
    revalidate: ["/departments", "/admin/departments"],
  });
}

/** Creates an account (administrators only); the answer carries its one-time password, shown once. */
export async function createUserAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { result, ...state } = await runAction({
    permission: "user:manage",
    schema: createUserSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => createUser(db, actor, input),
    success: "userCreated",
    revalidate: ["/admin/users"],
  });
  return result ? { ...state, oneTimePassword: result.password } : state;
}

/** Gives an account a new one-time password and ends its sessions (administrators only); the answer carries the password, shown once. */
export async function resetPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const { result, ...state } = await runAction({
    permission: "user:manage",
    schema: resetPasswordSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => resetUserPassword(db, actor, input),
    success: "passwordReset",
    revalidate: ["/admin/users"],
  });
  return result ? { ...state, oneTimePassword: result.password } : state;
}

/** Adds a department (administrators only). */
export async function createDepartmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction({
    permission: "department:manage",
    schema: createDepartmentSchema,
    input: Object.fromEntries(formData),
    namespace: "admin",
    mutate: (actor, input) => createDepartment(db, actor, input),
    success: "departmentCreated",
    revalidate: ["/departments", "/admin/users"],
  });
}
