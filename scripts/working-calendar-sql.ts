/**
 * Prints the INSERT statement that fills the working-day calendar from the chinese-days package:
 * `npx tsx scripts/working-calendar-sql.ts [from] [to]` for years the package publishes (holidays and
 * 调休 working days), `npx tsx scripts/working-calendar-sql.ts --statutory <year>` for a year it does
 * not publish yet: the statutory public holidays alone, marked statutory-only (decision 031). Its
 * output is pasted into a migration, so installations get the calendar without the package at run time.
 */
import { chineseDaysRows, chineseDaysSource, statutoryRows, statutorySource, type CalendarRow } from "./lib/working-calendar-data";

const args = process.argv.slice(2);
let rows: CalendarRow[];
let source: string;
if (args[0] === "--statutory") {
  rows = statutoryRows(Number(args[1]));
  source = statutorySource();
} else {
  const [from = "2021", to = "2026"] = args;
  rows = chineseDaysRows(Number(from), Number(to));
  source = chineseDaysSource();
}
const values = rows.map((r) => `  ('${r.day}', ${r.working}, '${r.name.replace(/'/g, "''")}', '${source}', CURRENT_TIMESTAMP)`);
console.log(`INSERT INTO "WorkingCalendarDay" ("day", "working", "name", "source", "updatedAt") VALUES\n${values.join(",\n")}\nON CONFLICT ("day") DO NOTHING;`);
