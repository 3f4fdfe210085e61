import { readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../../src/generated/prisma/client";
import { seedPlan, type SeedPlanReport } from "../../src/features/seed/seed-plan";
import { planDataSchema } from "../../src/features/seed/plan-data";

/** The plans shipped with the product, imported by `npm run db:seed`. */
export const planFiles = ["prisma/seed/plan-2021-2025.json"];

/** Days after a quarter's end that its report is due (DUBAN_QUARTER_DUE_DAYS, default 10). */
export function quarterDueDays(): number {
  const days = Number(process.env.DUBAN_QUARTER_DUE_DAYS ?? 10);
  if (!Number.isInteger(days) || days < 0 || days > 90) throw new Error("DUBAN_QUARTER_DUE_DAYS must be a whole number of days between 0 and 90");
  return days;
}

/**
 * A second, small plan (2026—2030, running) that only the test servers and tests import, so that
 * every plan-scoped view is tested with more than one plan. Not shipped to installations.
 */
export const testPlanFiles = ["tests/fixtures/plan-2026-2030.json"];

/** Imports every shipped plan; idempotent. */
export async function seedShippedPlans(db: PrismaClient): Promise<SeedPlanReport[]> {
  return seedPlanFiles(db, planFiles);
}

/** Imports the plans in `files` (same format as prisma/seed/); idempotent. */
export async function seedPlanFiles(db: PrismaClient, files: readonly string[]): Promise<SeedPlanReport[]> {
  const reports: SeedPlanReport[] = [];
  for (const file of files) {
    const json: unknown = JSON.parse(await readFile(path.resolve(file), "utf8"));
    reports.push(await seedPlan(db, planDataSchema.parse(json), { quarterDueDays: quarterDueDays() }));
  }
  return reports;
}
