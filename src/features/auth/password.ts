import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";

/** bcrypt cost: about a quarter of a second per hash on the target server. */
const COST = 11;

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Compares a password with a stored hash in constant time. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// A real hash of a random string, compared against when the login name is unknown,
// so an unknown user takes as long to refuse as a wrong password.
const DUMMY_HASH = "$2b$11$1CclbBnsNquIO421agBI.uGzvC7X//dTTTpvWztm.CGcZZdm50n8q";

/** Spends the same time as a real comparison and always fails. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  await bcrypt.compare(password, DUMMY_HASH);
  return false;
}

/** The shortest password a user may choose. */
export const MIN_PASSWORD_LENGTH = 10;
/** bcrypt reads only the first 72 bytes; a longer password would be cut silently. */
export const MAX_PASSWORD_BYTES = 72;

/** A one-time password for a new account or a reset: 16 characters from 96 random bits, shown once. */
export function oneTimePassword(): string {
  return randomBytes(12).toString("base64url");
}
