import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { seedPlan, type SeedPlanReport } from "../../src/features/seed/seed-plan";
import { planDataSchema } from "../../src/features/seed/plan-data";

/** The plans shipped with the product, imported by `npm run db:seed`. */
export const planFiles = ["prisma/seed/plan-2021-2025.json"];

/** Imports every shipped plan; idempotent. */
export async function seedShippedPlans(db: PrismaClient): Promise<SeedPlanReport[]> {
  const reports: SeedPlanReport[] = [];
  for (const file of planFiles) {
    const json: unknown = JSON.parse(await readFile(path.resolve(file), "utf8"));
    reports.push(await seedPlan(db, planDataSchema.parse(json)));
  }
  return reports;
}
