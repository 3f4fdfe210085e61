import { afterAll, describe, expect, it, vi } from "vitest";
import { prismaFor } from "../../scripts/lib/prisma";
import { defaultLimits } from "../../src/features/auth/authenticate";
import { authorizeCredentials } from "../../src/features/auth/sign-in";
import { parseSignInError } from "../../src/features/auth/sign-in-error";
import { hashPassword } from "../../src/features/auth/password";
import { testDb } from "../support/db";

// Port 1 on this machine: nothing listens, so every query fails to connect.
const unreachable = prismaFor("postgresql://postgres@127.0.0.1:1/duban?connect_timeout=2");
const db = testDb();
afterAll(async () => {
  await unreachable.$disconnect();
  await db.$disconnect();
});
const context = () => ({ ip: "10.30.0.1", limits: defaultLimits });

describe("sign-in failures reach the form only as codes", () => {
  it("answers UNAVAILABLE with a log reference when the database cannot be reached, and logs the details", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const error = await authorizeCredentials(unreachable, { loginName: "admin", password: "whatever" }, context).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    // Exactly the code and an 8-digit reference: no driver or Prisma text for an anonymous caller.
    expect(error!.message).toMatch(/^UNAVAILABLE:[0-9a-f]{8}$/);
    const reference = error!.message.split(":")[1];
    expect(parseSignInError(error!.message)).toEqual({ code: "UNAVAILABLE", reference });
    expect(logged).toHaveBeenCalledTimes(1);
    const [line, cause] = logged.mock.calls[0] as [string, unknown];
    expect(line).toContain(reference);
    expect(String(cause instanceof Error ? cause.message : cause)).not.toBe("");
  });

  it("answers UNAVAILABLE when reading the settings fails", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const failingContext = () => {
      throw new Error("Invalid environment: DUBAN_LOGIN_LOCK_MINUTES");
    };
    await expect(authorizeCredentials(db, { loginName: "admin", password: "x" }, failingContext)).rejects.toThrow(/^UNAVAILABLE:[0-9a-f]{8}$/);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it("passes the expected refusals through as their codes", async () => {
    const loginName = `zed-${Date.now().toString(36)}`;
    await db.user.create({ data: { loginName, displayName: loginName, role: "LEADER", passwordHash: await hashPassword("correct horse") } });
    await expect(authorizeCredentials(db, { loginName, password: "" }, context)).rejects.toThrow(/^INVALID$/);
    await expect(authorizeCredentials(db, { loginName, password: "wrong" }, context)).rejects.toThrow(/^INVALID$/);
    await expect(authorizeCredentials(db, { loginName, password: "correct horse" }, context)).resolves.toMatchObject({ name: loginName });
  });

  it("reads anything but a known code as UNAVAILABLE on the form", () => {
    expect(parseSignInError("INVALID")).toEqual({ code: "INVALID" });
    expect(parseSignInError("THROTTLED")).toEqual({ code: "THROTTLED" });
    expect(parseSignInError("Can't reach database server at `127.0.0.1:5432`")).toEqual({ code: "UNAVAILABLE" });
    expect(parseSignInError("CredentialsSignin")).toEqual({ code: "UNAVAILABLE" });
    expect(parseSignInError(undefined)).toEqual({ code: "UNAVAILABLE" });
  });
});
