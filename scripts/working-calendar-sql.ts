/**
 * Prints the INSERT statement that fills the working-day calendar for 2021—2027 from the
 * chinese-days package: `npx tsx scripts/working-calendar-sql.ts [from] [to]`. Its output is
 * pasted into a migration, so installations get the calendar without the package at run time.
 */
import { chineseDaysRows, chineseDaysSource } from "./lib/working-calendar-data";

const [from = "2021", to = "2027"] = process.argv.slice(2);
const rows = chineseDaysRows(Number(from), Number(to));
const source = chineseDaysSource();
const values = rows.map((r) => `  ('${r.day}', ${r.working}, '${r.name.replace(/'/g, "''")}', '${source}', CURRENT_TIMESTAMP)`);
console.log(`INSERT INTO "WorkingCalendarDay" ("day", "working", "name", "source", "updatedAt") VALUES\n${values.join(",\n")}\nON CONFLICT ("day") DO NOTHING;`);
