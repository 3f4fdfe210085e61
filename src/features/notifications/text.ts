import type { NotificationKind } from "@/generated/prisma/enums";

/** The keys under "notifications" a notification's sentence is made of. */
type SentenceKey = NotificationKind | "stateAPPROVED" | "stateREJECTED";

/**
 * A notification in words: its kind's message filled with its stored
 * parameters, the extension decision itself put into words. The notification
 * centre and the e-mail use this one function, so both say the same thing.
 */
export function notificationText(t: (key: SentenceKey, values?: Record<string, string>) => string, kind: NotificationKind, params: unknown): string {
  const values = toStrings(params);
  const state = values.state === "APPROVED" || values.state === "REJECTED" ? t(`state${values.state}`) : "";
  return t(kind, { ...values, state });
}

/** Stored parameters are a JSON object of strings; anything else is ignored rather than shown. */
function toStrings(params: unknown): Record<string, string> {
  if (!params || typeof params !== "object" || Array.isArray(params)) return {};
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => typeof e[1] === "string"));
}
