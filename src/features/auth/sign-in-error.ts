/** Shared by the server's authorize() and the sign-in form (a client component): no server imports here. */

/**
 * What the sign-in form may learn of a refusal: wrong credentials, throttled, or
 * the service failing (the database down, a timeout, a bug). Nothing else, and
 * never an error's own text, travels to the browser.
 */
export type SignInErrorCode = "INVALID" | "THROTTLED" | "UNAVAILABLE";

/** The message next-auth hands to the form for an unexpected failure: the code and a reference into the server log. */
export const unavailableMessage = (reference: string) => `UNAVAILABLE:${reference}`;

/** Reads a refusal as the form receives it (next-auth's `error`). */
export function parseSignInError(error: string | null | undefined): { code: SignInErrorCode; reference?: string } {
  if (error === "INVALID" || error === "THROTTLED") return { code: error };
  const match = /^UNAVAILABLE:([0-9a-f]{8})$/.exec(error ?? "");
  return match ? { code: "UNAVAILABLE", reference: match[1] } : { code: "UNAVAILABLE" };
}
