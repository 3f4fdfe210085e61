import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "./env";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= new PrismaClient({ adapter: new PrismaPg({ connectionString: env().DATABASE_URL, max: 10 }) });
  return globalForPrisma.prisma;
}

/**
 * The one Prisma client of the process. Created on first use, so that building
 * the app needs no database and no environment.
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const instance = client();
    const value: unknown = Reflect.get(instance, prop);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
