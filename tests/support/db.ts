import { inject } from "vitest";
import { prismaFor } from "../../scripts/lib/prisma";

/** A Prisma client on this run's test database. */
export function testDb() {
  return prismaFor(inject("databaseUrl"));
}
