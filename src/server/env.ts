import { z } from "zod";

/**
 * The only reader of process.env in the app. The launcher (scripts/start.ts)
 * sets DATABASE_URL for both modes; a missing or malformed value fails at boot.
 */
const schema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
  DUBAN_DB_MODE: z.enum(["embedded", "server"]).default("server"),
  DUBAN_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
  DUBAN_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(20),
  DUBAN_LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().default(15),
  DUBAN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  DUBAN_DATA_DIR: z.string().default("data"),
  /** Evidence files; beside the database data by default, and part of the same backup. */
  DUBAN_FILES_DIR: z.string().optional(),
  DUBAN_MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(20),
  DUBAN_MAX_FILES_PER_REPORT: z.coerce.number().int().positive().max(50).default(10),
  /** Minutes between notification scans in each app process; 0 turns the schedule off. */
  DUBAN_NOTIFICATION_SCAN_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

/** Parsed environment; throws with a readable list of problems on first use. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({ ...process.env, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
