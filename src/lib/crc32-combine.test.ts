import { randomBytes } from "node:crypto";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32Combine } from "./crc32-combine";

describe("crc32Combine", () => {
  it("gives the checksum of the joined bytes, for lengths from none to several hundred kilobytes", () => {
    for (const [a, b] of [
      [0, 0],
      [0, 7],
      [7, 0],
      [1, 1],
      [48, 48],
      [1000, 3],
      [65_535, 65_536],
      [12_345, 512 * 1024 + 17],
    ]) {
      const left = randomBytes(a);
      const right = randomBytes(b);
      expect(crc32Combine(crc32(left), crc32(right), right.length)).toBe(crc32(Buffer.concat([left, right])));
    }
  });

  it("chains over many pieces as a single pass over them does", () => {
    const pieces = Array.from({ length: 9 }, (_, i) => randomBytes(97 * i + 5));
    let combined = 0;
    for (const piece of pieces) combined = crc32Combine(combined, crc32(piece), piece.length);
    expect(combined).toBe(crc32(Buffer.concat(pieces)));
  });
});
