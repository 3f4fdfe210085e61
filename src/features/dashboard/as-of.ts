import { z } from "zod";
import { dayToDate, todayInChina } from "@/lib/due";

/** The "as of" day from the URL: a valid past or present date, else today (China time). */
export function parseAsOf(value: string | string[] | undefined): string {
  const today = todayInChina();
  const parsed = z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .refine((d) => !Number.isNaN(dayToDate(d).getTime()) && d <= today)
    .safeParse(value);
  return parsed.success ? parsed.data : today;
}
