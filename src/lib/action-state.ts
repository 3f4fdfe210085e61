/** What a server action returns to its form: a message and, for invalid input, errors per field. */
export type ActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string[]> };

export const initialActionState: ActionState = { ok: false, message: null };
