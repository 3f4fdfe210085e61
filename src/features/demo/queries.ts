import "server-only";
import { db } from "@/server/db";

/**
 * Whether the demonstration history is in the database (the 演示数据 banner on every page). One
 * primary-key probe; the pages that show it are rendered again when DemoData changes (its trigger
 * raises the page version, decision 022), so the banner goes with the removal.
 */
export async function hasDemoData(): Promise<boolean> {
  return (await db.demoData.findFirst({ select: { entityType: true } })) !== null;
}
