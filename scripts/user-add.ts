/**
 * npm run user:add -- --login NAME --name 显示名 --role ADMIN|LEADER|LIAISON [--department 市卫健委] [--email a@b.cn]
 * Creates an account (the first administrator of a server deployment, for
 * example). The password is read from DUBAN_NEW_PASSWORD, or generated and
 * printed once.
 */
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { z } from "zod";
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { prismaFor } from "./lib/prisma";
import { hashPassword } from "../src/features/auth/password";
import { normalizeLoginName } from "../src/features/auth/authenticate";
import { recordAuditEvent } from "../src/features/audit/record-audit-event";

const { values } = parseArgs({
  options: { login: { type: "string" }, name: { type: "string" }, role: { type: "string" }, department: { type: "string" }, email: { type: "string" } },
});
const input = z
  .object({
    login: z.string().regex(/^[A-Za-z0-9._-]{2,40}$/, "--login: 2–40 letters, digits, . _ -"),
    name: z.string().min(1, "--name is required").max(40),
    role: z.enum(["ADMIN", "LEADER", "LIAISON"], { message: "--role must be ADMIN, LEADER or LIAISON" }),
    department: z.string().optional(),
    email: z.email("--email must be an e-mail address").max(254).optional(),
  })
  .refine((v) => v.role !== "LIAISON" || v.department, { message: "--department is required for a liaison" })
  .safeParse(values);
if (!input.success) {
  console.error(input.error.issues.map((i) => i.message).join("\n"));
  process.exit(1);
}
const password = process.env.DUBAN_NEW_PASSWORD ?? randomBytes(12).toString("base64url");
if (password.length < 10) {
  console.error("DUBAN_NEW_PASSWORD must have at least 10 characters.");
  process.exit(1);
}

const handle = await openDatabase();
const db = prismaFor(handle.url);
try {
  await applyMigrations(handle.url);
  const department = input.data.department
    ? await db.department.findFirst({
        where: { OR: [{ shortName: input.data.department }, { aliases: { has: input.data.department } }] },
        select: { id: true },
      })
    : null;
  if (input.data.department && !department) throw new Error(`Unknown department: ${input.data.department}`);
  const loginName = normalizeLoginName(input.data.login);
  await db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        loginName,
        displayName: input.data.name,
        role: input.data.role,
        departmentId: department?.id ?? null,
        email: input.data.email ?? null,
        passwordHash: await hashPassword(password),
      },
    });
    await recordAuditEvent(tx, {
      actorId: null,
      actorLabel: "command line",
      action: "user.create",
      entityType: "User",
      entityId: user.id,
      after: { loginName, role: user.role, departmentId: user.departmentId, email: user.email },
    });
  });
  console.log(`Created ${loginName} (${input.data.role}).`);
  if (!process.env.DUBAN_NEW_PASSWORD) console.log(`Password (shown once): ${password}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
  await handle.stop();
}
