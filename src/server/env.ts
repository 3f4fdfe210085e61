import { z } from "zod";

/** Where the scan's notifications are e-mailed, when DUBAN_SMTP_URL is set. */
export interface MailSettings {
  /** smtp:// (STARTTLS when the server offers it) or smtps:// (TLS from the start), with optional user:password. */
  smtpUrl: string;
  /** The From header, e.g. "督办 <duban@example.gov.cn>". */
  from: string;
  /** The address users open; links in e-mails are made absolute with it. */
  baseUrl: string;
}

const smtpUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
    } catch {
      return false;
    }
  }, "DUBAN_SMTP_URL must be an smtp:// or smtps:// URL with a host, e.g. smtps://user:password@mail.example.gov.cn:465");

/** The e-mail variables; checked with the rest at boot, and on their own by the notify:scan script. */
const mailFields = {
  /** Unset: notifications stay in the app only. */
  DUBAN_SMTP_URL: z.preprocess((v) => (v === "" ? undefined : v), smtpUrl.optional()),
  DUBAN_MAIL_FROM: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(200)
      .regex(/^(?:[^<>]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/, 'DUBAN_MAIL_FROM must be an address, e.g. "督办 <duban@example.gov.cn>" or duban@example.gov.cn')
      .optional(),
  ),
  NEXTAUTH_URL: z.preprocess((v) => (v === "" ? undefined : v), z.url({ protocol: /^https?$/, error: "NEXTAUTH_URL must be an http:// or https:// URL" }).optional()),
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
};

/** E-mail needs a sender as soon as it has a server. */
function requireSender(value: { DUBAN_SMTP_URL?: string; DUBAN_MAIL_FROM?: string }, ctx: z.RefinementCtx) {
  if (value.DUBAN_SMTP_URL && !value.DUBAN_MAIL_FROM) {
    ctx.addIssue({ code: "custom", path: ["DUBAN_MAIL_FROM"], message: "DUBAN_MAIL_FROM is required when DUBAN_SMTP_URL is set" });
  }
}

/** Where the database is: set by the launcher (scripts/start.ts); anything but the embedded mode is a server. */
const databaseModeSchema = z.enum(["embedded", "server"]).default("server");

/**
 * The database mode of this process, on its own (the demonstration data's removal asks it, decision 030): "embedded"
 * only when the launcher started the embedded PostgreSQL, else "server".
 */
export function databaseMode(): "embedded" | "server" {
  const parsed = databaseModeSchema.safeParse(process.env.DUBAN_DB_MODE || undefined);
  return parsed.success ? parsed.data : "server";
}

/**
 * The only reader of process.env in the app. The launcher (scripts/start.ts)
 * sets DATABASE_URL for both modes; a missing or malformed value fails at boot.
 */
const schema = z
  .object({
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
    NEXTAUTH_SECRET: z.string().min(16, "NEXTAUTH_SECRET must be at least 16 characters"),
    DUBAN_DB_MODE: databaseModeSchema,
    /** Sign-in throttle (see src/features/auth/authenticate.ts): failures of one account from one address, */
    DUBAN_LOGIN_MAX_FAILURES_PER_ACCOUNT_ADDRESS: z.coerce.number().int().positive().default(5),
    /** of one account from any address, */
    DUBAN_LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
    /** and from one address over all accounts (high: an office may share one address); */
    DUBAN_LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
    /** counted together within this many minutes; a lock ends this many minutes after the last counted failure. */
    DUBAN_LOGIN_WINDOW_MINUTES: z.coerce.number().int().positive().max(1440).default(15),
    DUBAN_LOGIN_LOCK_MINUTES: z.coerce.number().int().positive().max(1440).default(15),
    DUBAN_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
    DUBAN_DATA_DIR: z.string().default("data"),
    /** Evidence files; beside the database data by default, and part of the same backup. */
    DUBAN_FILES_DIR: z.string().optional(),
    DUBAN_MAX_UPLOAD_MB: z.coerce.number().positive().max(200).default(20),
    DUBAN_MAX_FILES_PER_REPORT: z.coerce.number().int().positive().max(50).default(10),
    /** Minutes between notification scans in each app process; 0 turns the schedule off. */
    DUBAN_NOTIFICATION_SCAN_MINUTES: z.coerce.number().int().min(0).max(1440).default(10),
    ...mailFields,
  })
  .superRefine(requireSender);

const mailSchema = z.object(mailFields).superRefine(requireSender);

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

function problems(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
}

/** Parsed environment; throws with a readable list of problems on first use. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({ ...process.env, NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET });
  if (!parsed.success) throw new Error(`Invalid environment:\n${problems(parsed.error)}`);
  cached = parsed.data;
  return cached;
}

/**
 * The e-mail settings in `source`, or null when DUBAN_SMTP_URL is unset (e-mail off).
 * Links point at NEXTAUTH_URL, else at http://localhost:PORT as the launcher does.
 */
export function parseMailSettings(source: Record<string, unknown>): MailSettings | null {
  const parsed = mailSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment:\n${problems(parsed.error)}`);
  const { DUBAN_SMTP_URL, DUBAN_MAIL_FROM, NEXTAUTH_URL, PORT } = parsed.data;
  if (!DUBAN_SMTP_URL || !DUBAN_MAIL_FROM) return null;
  return { smtpUrl: DUBAN_SMTP_URL, from: DUBAN_MAIL_FROM, baseUrl: (NEXTAUTH_URL ?? `http://localhost:${PORT}`).replace(/\/+$/, "") };
}

/** E-mail settings of this process (for scripts that need no other setting); null when e-mail is off. */
export function mailSettings(): MailSettings | null {
  return parseMailSettings(process.env);
}
