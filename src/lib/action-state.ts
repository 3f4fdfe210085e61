/** What a server action returns to its form: a message and, for invalid input, errors per field. */
export type ActionState = {
  ok: boolean;
  message: string | null;
  fieldErrors?: Record<string, string[]>;
  /** A save refused because someone saved first: what the user had typed, field by field, so that it is not lost. */
  unsaved?: Record<string, string>;
  /** Refused because the database could not be reached: nothing was saved, and the form must stay as the user left it. */
  unavailable?: boolean;
  /** A password an administrator just created or reset: shown once in the answer, stored nowhere in clear. */
  oneTimePassword?: string;
};

export const initialActionState: ActionState = { ok: false, message: null };
