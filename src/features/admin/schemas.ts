import { z } from "zod";
import { DepartmentKind, Role } from "@/generated/prisma/enums";
import { idInput, textInput } from "@/lib/input";

/** Messages are i18n keys under "admin"; the action translates them. */
export const setUserActiveSchema = z.object({
  userId: idInput(),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setUserRoleSchema = z.object({
  userId: idInput(),
  role: z.enum(Role),
});

export const endSessionsSchema = z.object({
  userId: idInput(),
});

const aliasList = textInput(300)
  .transform((s) =>
    s
      .split(/[、,，;；\s]+/)
      .map((a) => a.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(30, "aliasTooLong")).max(10));

export const updateDepartmentSchema = z.object({
  departmentId: idInput(),
  shortName: textInput(30, { tooLong: "shortNameTooLong" }).pipe(z.string().trim().min(1, "shortNameRequired")),
  fullName: textInput(60).pipe(z.string().trim().min(1, "fullNameRequired")),
  aliases: aliasList,
  kind: z.enum(DepartmentKind, "kindRequired"),
});

/** An empty field removes the address (notifications stay in the app). */
export const setUserEmailSchema = z.object({
  userId: idInput(),
  email: textInput(254, { tooLong: "emailInvalid", invalid: "emailInvalid" })
    .trim()
    .transform((s) => (s === "" ? null : s))
    .pipe(z.email("emailInvalid").nullable()),
});

/** A new account: the department only for a liaison-to-be (required then, checked by the mutation). */
export const createUserSchema = z.object({
  loginName: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._-]{2,40}$/, "loginNameInvalid"),
  displayName: textInput(40, { tooLong: "displayNameTooLong" }).pipe(z.string().trim().min(1, "displayNameRequired")),
  role: z.enum(Role, "roleRequired"),
  departmentId: z
    .string()
    .optional()
    .transform((s) => (s ? s : null))
    .pipe(idInput().nullable()),
});

export const resetPasswordSchema = z.object({
  userId: idInput(),
});

/** A new department: short name (as documents name it), full name, aliases, 市直部门 or 县市区. */
export const createDepartmentSchema = z.object({
  shortName: textInput(30, { tooLong: "shortNameTooLong" }).pipe(z.string().trim().min(1, "shortNameRequired")),
  fullName: textInput(60).pipe(z.string().trim().min(1, "fullNameRequired")),
  aliases: aliasList,
  kind: z.enum(DepartmentKind, "kindRequired"),
});

/** 分管领导: the departments a leader is in charge of (the form sends one `departmentId` per ticked box). */
export const setLedDepartmentsSchema = z.object({
  userId: idInput(),
  departmentIds: z.array(idInput()).max(500).default([]),
});
