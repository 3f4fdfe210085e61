import { z } from "zod";

/** Messages are i18n keys under "admin"; the action translates them. */
export const setUserActiveSchema = z.object({
  userId: z.string().min(1).max(40),
  active: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const setUserRoleSchema = z.object({
  userId: z.string().min(1).max(40),
  role: z.enum(["ADMIN", "LIAISON", "LEADER"]),
});

export const endSessionsSchema = z.object({
  userId: z.string().min(1).max(40),
});

const aliasList = z
  .string()
  .max(300)
  .transform((s) =>
    s
      .split(/[、,，;；\s]+/)
      .map((a) => a.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(30, "aliasTooLong")).max(10));

export const updateDepartmentSchema = z.object({
  departmentId: z.string().min(1).max(40),
  fullName: z.string().trim().min(1, "fullNameRequired").max(60),
  aliases: aliasList,
});

/** An empty field removes the address (notifications stay in the app). */
export const setUserEmailSchema = z.object({
  userId: z.string().min(1).max(40),
  email: z
    .string()
    .trim()
    .max(254, "emailInvalid")
    .transform((s) => (s === "" ? null : s))
    .pipe(z.email("emailInvalid").nullable()),
});
