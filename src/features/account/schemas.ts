import { z } from "zod";
import { MAX_PASSWORD_BYTES, MIN_PASSWORD_LENGTH } from "@/features/auth/password";
import { hasControlCharacters } from "@/lib/input";

/** Messages are i18n keys under "account". */
export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "currentPasswordRequired").max(200, "currentPasswordWrong"),
    newPassword: z
      .string()
      .min(MIN_PASSWORD_LENGTH, "passwordTooShort")
      .refine((s) => Buffer.byteLength(s, "utf8") <= MAX_PASSWORD_BYTES, "passwordTooLong")
      .refine((s) => !hasControlCharacters(s), "passwordInvalid"),
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: "passwordMismatch", path: ["confirmPassword"] });
