import { z } from "zod";

/**
 * The building blocks every input schema uses (forms and URL parameters), so
 * that what the database would refuse or silently change is refused here, with
 * a message key, before anything runs:
 * - control characters (NUL above all: PostgreSQL refuses it in text) in any text;
 * - dates that are not on the calendar (2027-02-30 would become 2027-03-02);
 * - versions and numbers beyond what an INTEGER column holds.
 */

/** C0 control characters except tab, line feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Whether a text holds a character no person types (NUL, escape, …). */
export const hasControlCharacters = (s: string) => CONTROL.test(s);

/** Free text typed by a person, up to `max` characters; `tooLong` and `invalid` are message keys. */
export function textInput(max: number, keys: { tooLong?: string; invalid?: string } = {}) {
  return z
    .string()
    .max(max, keys.tooLong)
    .refine((s) => !hasControlCharacters(s), { message: keys.invalid ?? "textInvalid" });
}

/** A record id from a form or a URL (cuid or seeded key): printable, short. */
export const idInput = (max = 40) => z.string().min(1).max(max).regex(/^[\w.:-]+$/);

/** The largest value of a PostgreSQL INTEGER column (versions, counts). */
export const MAX_INT = 2_147_483_647;

/** A version number a form was loaded from. */
export const versionInput = (min: number) => z.coerce.number().int().min(min).max(MAX_INT);

/** Whether `s` is a YYYY-MM-DD day that exists on the calendar (no 2027-02-30, no month 13), years 1900–2999. */
export function isCalendarDay(s: string): boolean {
  if (!/^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** A calendar day as YYYY-MM-DD; `message` is the key shown when it is not one. */
export const dayInput = (message = "dateInvalid", required = "dateRequired") =>
  // An empty field is asked for, not called invalid (and not compared with other dates).
  z.string().min(1, { message: required, abort: true }).refine(isCalendarDay, { message });
