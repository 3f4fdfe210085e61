/**
 * npm run db:seed [-- --demo] — imports the shipped plans (idempotent) into
 * DATABASE_URL or the embedded database; --demo also adds the demo accounts.
 */
import { openDatabase } from "./lib/database";
import { applyMigrations } from "./lib/migrate";
import { prismaFor } from "./lib/prisma";
import { seedShippedPlans } from "./lib/seed";
import { seedDemoAccounts } from "../src/features/seed/seed-demo";

const demo = process.argv.includes("--demo");
const handle = await openDatabase();
const db = prismaFor(handle.url);
try {
  await applyMigrations(handle.url);
  for (const r of await seedShippedPlans(db)) {
    console.log(
      `Plan ${r.planCreated ? "imported" : "already present"}: ${r.keyTasksCreated} key tasks, ${r.measuresCreated} measures, ${r.departmentsCreated} departments created.`,
    );
    if (r.unscheduled.length) console.log(`Measures without a schedule (set them by hand): ${r.unscheduled.join(", ")}`);
    if (r.unknownDepartments.length) console.log(`Unknown department names: ${r.unknownDepartments.join(", ")}`);
  }
  if (demo) console.log(`Demo accounts created: ${await seedDemoAccounts(db)}`);
} finally {
  await db.$disconnect();
  await handle.stop();
}
