import { z } from "zod";
import { dayInput, textInput } from "@/lib/input";

/** Messages are keys under "admin". */
export const setCalendarDaySchema = z.object({
  day: dayInput("dateInvalid"),
  working: z.enum(["true", "false"], { message: "invalidInput" }).transform((v) => v === "true"),
  name: textInput(40, { tooLong: "calendarNameTooLong" }).pipe(z.string().trim().min(1, "calendarNameRequired")),
});

export const removeCalendarDaySchema = z.object({ day: dayInput("dateInvalid") });
