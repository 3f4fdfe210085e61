/**
 * CRC-32 (the gzip trailer's checksum) of two byte strings joined, from the CRC-32 of each and the
 * second one's length, without reading the bytes again: the page cache's replays send a stored page
 * with a new nonce between its parts, and checksumming half a megabyte for every replay cost more
 * than the rest of the replay (docs/decisions/039-…). Node's `zlib.crc32` has no combine step.
 *
 * Arithmetic in GF(2) modulo the CRC-32 polynomial, bit-reflected as the checksum is: appending `n`
 * zero bytes to a message multiplies its CRC by x^(8n), so crc(A‖B) = crc(A)·x^(8·|B|) ⊕ crc(B).
 */
const POLY = 0xedb88320;
/** x^0 in the reflected representation. */
const ONE = 0x80000000;

/** a·b modulo the polynomial. */
function multiply(a: number, b: number): number {
  if (a === 0) return 0;
  let m = ONE;
  let product = 0;
  for (;;) {
    if (a & m) {
      product ^= b;
      if ((a & (m - 1)) === 0) break;
    }
    m >>>= 1;
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1;
  }
  return product >>> 0;
}

/** x^(2^k) for k = 0…31; beyond, x^(2^(k+32)) = x^(2^k), the order of x dividing 2^32 − 1. */
const POWERS: number[] = [];
for (let k = 0, p = ONE >>> 1; k < 32; k++, p = multiply(p, p)) POWERS.push(p);

/** x^(8·bytes): the factor that appending `bytes` zero bytes applies. */
function shiftFor(bytes: number): number {
  let p = ONE;
  let k = 3; // 8 = 2^3 bits per byte
  for (let n = bytes; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = multiply(POWERS[k % 32], p);
  return p;
}

/** The CRC-32 of A‖B from crc(A), crc(B) and B's length in bytes. */
export function crc32Combine(crcA: number, crcB: number, lengthB: number): number {
  return (multiply(shiftFor(lengthB), crcA >>> 0) ^ crcB) >>> 0;
}
