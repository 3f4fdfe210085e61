import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(__dirname, "..");
/** The policy, and Prisma's generated enum. */
const ALLOWED = new Set(["lib/permissions.ts", "generated/prisma/enums.ts"]);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

describe("one home for authorization", () => {
  it("no source file outside the policy names a role", () => {
    const offenders = sources(SRC)
      .map((file) => path.relative(SRC, file).split(path.sep).join("/"))
      .filter((file) => !file.startsWith("generated/") || file === "generated/prisma/enums.ts")
      .filter((file) => !ALLOWED.has(file))
      .filter((file) => /"(ADMIN|LEADER|LIAISON)"|'(ADMIN|LEADER|LIAISON)'/.test(readFileSync(path.join(SRC, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
