import { createTransport } from "nodemailer";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { NotificationKind } from "@/generated/prisma/enums";
import type { MailSettings } from "@/server/env";
import { formatNotificationEmail } from "./email-format";

/**
 * Notifications older than this are not e-mailed: turning e-mail on, or giving
 * a user an address, does not send them their history, and a refused message
 * is retried at each scan for this long.
 */
export const EMAIL_MAX_AGE_DAYS = 3;

/** At most this many e-mails per run; the rest wait for the next scan. */
const BATCH_SIZE = 200;

/** Refusals that concern one message (its recipient, its content); any other error ends the run. */
const MESSAGE_REFUSALS = new Set(["EENVELOPE", "EMESSAGE"]);

interface Claimed {
  id: string;
  kind: NotificationKind;
  params: unknown;
  link: string;
  email: string;
  displayName: string;
}

export interface DeliveryResult {
  /** Accepted by the SMTP server, and recorded in `emailedAt`. */
  sent: number;
  /** Refused or not attempted; released for the next scan. */
  failed: number;
}

/**
 * E-mails the notifications that are due one: unread, not yet e-mailed,
 * created in the last EMAIL_MAX_AGE_DAYS, for an active user with an address.
 *
 * At most once: the due rows are claimed with one UPDATE … WHERE
 * "emailClaimedAt" IS NULL … RETURNING; PostgreSQL re-checks that condition
 * under the row lock, so of two runs at the same time only one gets each row. `emailedAt` is set only after the
 * SMTP server accepted the message. A refused message is released (its claim
 * cleared) and tried again at the next run; a claim whose outcome was never
 * recorded (the process died, the database went away) is never retried, since
 * the message may have gone out. Runs outside any transaction of the scan.
 */
export async function deliverNotificationEmails(db: PrismaClient, settings: MailSettings, now: Date = new Date()): Promise<DeliveryResult> {
  const since = new Date(now.getTime() - EMAIL_MAX_AGE_DAYS * 86_400_000);
  const due = await db.$queryRaw<{ id: string }[]>`
    SELECT n."id" FROM "Notification" AS n JOIN "User" AS u ON u."id" = n."userId"
    WHERE n."emailedAt" IS NULL AND n."emailClaimedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" >= ${since}
      AND u."active" AND u."email" IS NOT NULL
    ORDER BY n."createdAt", n."id"
    LIMIT ${BATCH_SIZE}`;
  // Nothing due: no write at all (a write to Notification moves the page version).
  if (due.length === 0) return { sent: 0, failed: 0 };
  // The claim: each row goes to whichever run updates it first; the other finds it claimed and skips it.
  const claimed = await db.$queryRaw<Claimed[]>`
    UPDATE "Notification" AS n SET "emailClaimedAt" = ${now}
    FROM "User" AS u
    WHERE u."id" = n."userId" AND n."id" IN (${Prisma.join(due.map((d) => d.id))})
      AND n."emailedAt" IS NULL AND n."emailClaimedAt" IS NULL
    RETURNING n."id", n."kind"::text AS "kind", n."params", n."link", u."email", u."displayName"`;
  if (claimed.length === 0) return { sent: 0, failed: 0 };

  const transport = openTransport(settings);
  const host = new URL(settings.baseUrl).hostname || "duban";
  const pending = new Set(claimed.map((c) => c.id));
  let sent = 0;
  try {
    for (const notification of claimed) {
      const outcome = await send(transport, notification, settings, host);
      if (outcome === "unreachable") break; // The server is unreachable or refuses us: the rest wait for the next scan.
      pending.delete(notification.id);
      if (outcome === "accepted") {
        await db.notification.updateMany({ where: { id: notification.id, emailedAt: null }, data: { emailedAt: new Date() } });
        sent++;
      } else {
        await release(db, [notification.id]);
      }
    }
  } finally {
    transport.close();
    if (pending.size) {
      // Not attempted (the run stopped early): free them for the next scan.
      await release(db, [...pending]).catch((error) => console.warn("[notifications] could not release e-mail claims", error instanceof Error ? error.message : error));
    }
  }
  return { sent, failed: claimed.length - sent };
}

/** One pooled connection for the run, with timeouts short enough that an unreachable server does not hold the scan up. */
function openTransport(settings: MailSettings) {
  return createTransport(
    { url: settings.smtpUrl, pool: true, maxConnections: 1, connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 },
    { from: settings.from },
  );
}

/** Hands one message to the SMTP server: accepted, refused (this message only), or the server cannot be used. */
async function send(transport: ReturnType<typeof openTransport>, notification: Claimed, settings: MailSettings, host: string): Promise<"accepted" | "refused" | "unreachable"> {
  let mail;
  try {
    mail = formatNotificationEmail({ ...notification, params: asObject(notification.params) }, notification, settings.baseUrl);
  } catch (error) {
    console.warn(`[notifications] e-mail for ${notification.id} not written: ${error instanceof Error ? error.message : String(error)}`);
    return "refused";
  }
  try {
    const info = await transport.sendMail({ to: notification.email, subject: mail.subject, text: mail.text, messageId: `<${notification.id}@${host}>` });
    if ((info.accepted ?? []).length > 0 && (info.rejected ?? []).length === 0) return "accepted";
    console.warn(`[notifications] e-mail for ${notification.id} refused (${info.response}); will retry`);
    return "refused";
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    console.warn(`[notifications] e-mail for ${notification.id} not sent (${code || "error"}: ${error instanceof Error ? error.message : String(error)}); will retry`);
    return MESSAGE_REFUSALS.has(code) ? "refused" : "unreachable";
  }
}

function release(db: PrismaClient, ids: string[]) {
  return db.notification.updateMany({ where: { id: { in: ids }, emailedAt: null }, data: { emailClaimedAt: null } });
}

/** JSON columns come back from a raw query parsed or as text, depending on the driver. */
function asObject(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return {};
  }
}
