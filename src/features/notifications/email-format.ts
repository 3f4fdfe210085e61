import { createTranslator } from "next-intl";
import type { NotificationKind } from "@/generated/prisma/enums";
import zh from "../../../messages/zh-CN.json";
import { notificationText } from "./text";

/** What one e-mail says; the recipient's language is not stored, so it is the default one, Chinese. */
export interface NotificationEmail {
  subject: string;
  text: string;
}

/** Subjects stay short enough for a phone's inbox; the full sentence is in the body. */
const SUBJECT_MAX_CHARS = 60;

// A message missing a parameter throws rather than mailing the bare key.
const t = createTranslator({
  locale: "zh-CN",
  messages: zh,
  namespace: "notifications",
  timeZone: "Asia/Shanghai",
  onError: (error) => {
    throw error;
  },
});

/**
 * The e-mail for one notification: the same sentence as in the notification
 * centre, a greeting, and the page's absolute address under `baseUrl` (the
 * address users open, NEXTAUTH_URL).
 */
export function formatNotificationEmail(
  notification: { kind: NotificationKind; params: unknown; link: string },
  recipient: { displayName: string },
  baseUrl: string,
): NotificationEmail {
  const sentence = notificationText(t, notification.kind, notification.params);
  return {
    subject: t("emailSubject", { text: truncate(sentence.replace(/\s+/g, " ").trim(), SUBJECT_MAX_CHARS) }),
    text: [
      t("emailGreeting", { name: recipient.displayName }),
      "",
      sentence,
      "",
      t("emailLink", { url: absoluteLink(baseUrl, notification.link) }),
      "",
      "--",
      t("emailFooter"),
      "",
    ].join("\n"),
  };
}

/** `link` is an app path ("/reports/…"); it is appended to the base address, keeping any path the base has. */
export function absoluteLink(baseUrl: string, link: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  return `${base}/${link.replace(/^\/+/, "")}`;
}

function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
}
