/** What a server action returns to its form: a message and, for invalid input, errors per field. */
export type ActionState = {
  ok: boolean;
  message: string | null;
  fieldErrors?: Record<string, string[]>;
  /** A save refused because someone saved first: what the user had typed, field by field, so that it is not lost. */
  unsaved?: Record<string, string>;
};

export const initialActionState: ActionState = { ok: false, message: null };
