/**
 * The message namespaces that components running in the browser read (`useTranslations`). Only
 * these are sent with every page: the whole catalogue is about 80 KB, most of it read on the server
 * alone (documents, audit labels, notifications). A unit test reads every client module and fails
 * when one reads a namespace missing here, or when one listed here is read by none.
 */
export const CLIENT_NAMESPACES = [
  "account",
  "admin",
  "common",
  "dashboard",
  "department",
  "departmentKinds",
  "errors",
  "evaluation",
  "instructions",
  "login",
  "measure",
  "nav",
  "notices",
  "reports",
  "roles",
] as const;

/** The part of a catalogue that the browser needs. */
export function clientMessages<M extends Record<string, unknown>>(messages: M): Partial<M> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((ns) => ns in messages).map((ns) => [ns, messages[ns]])) as Partial<M>;
}
