import { z } from "zod";
import { dayInput, textInput } from "@/lib/input";

/** Messages are keys under "admin". */
export const setCalendarDaySchema = z.object({
  day: dayInput("dateInvalid"),
  working: z.enum(["true", "false"], { message: "invalidInput" }).transform((v) => v === "true"),
  name: textInput(40, { tooLong: "calendarNameTooLong" }).pipe(z.string().trim().min(1, "calendarNameRequired")),
});

export const removeCalendarDaySchema = z.object({ day: dayInput("dateInvalid") });

export const confirmCalendarYearSchema = z.object({ year: z.coerce.number({ message: "invalidInput" }).int("invalidInput").min(2000, "invalidInput").max(2100, "invalidInput") });
