import { createHash, randomBytes } from "node:crypto";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileTypeFromBuffer } from "file-type";

/** Where evidence files live: outside public/, under random names. */
export interface EvidenceStore {
  /** Writes the bytes and returns the stored name. */
  save(bytes: Uint8Array): Promise<string>;
  remove(storedName: string): Promise<void>;
  pathOf(storedName: string): string;
}

/** A store in a folder on disk. */
export function folderStore(dir: string): EvidenceStore {
  return {
    async save(bytes) {
      await mkdir(dir, { recursive: true });
      const name = randomBytes(16).toString("hex");
      await writeFile(path.join(dir, name), bytes, { flag: "wx", mode: 0o600 });
      return name;
    },
    async remove(storedName) {
      await rm(path.join(dir, storedName), { force: true });
    },
    pathOf(storedName) {
      if (!/^[0-9a-f]{32}$/.test(storedName)) throw new Error("invalid stored name");
      return path.join(dir, storedName);
    },
  };
}

/** What the content must turn out to be: PDF, images, Word, Excel. The name's extension alone is never trusted. */
const ALLOWED: Record<string, string> = {
  pdf: "application/pdf",
  png: "image/png",
  jpg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  // Word 97–2003 and Excel 97–2003 share one container format.
  cfb: "application/x-cfb",
};
const LEGACY_OFFICE: Record<string, string> = { doc: "application/msword", xls: "application/vnd.ms-excel" };

export interface EvidenceLimits {
  maxBytes: number;
  maxFiles: number;
}

export type EvidenceCheck = { ok: true; mimeType: string; sha256: string } | { ok: false; reason: "type" | "size" | "empty" };

/** Checks one upload by its content (magic bytes), not its name. */
export async function checkEvidence(name: string, bytes: Uint8Array, limits: EvidenceLimits): Promise<EvidenceCheck> {
  if (bytes.byteLength === 0) return { ok: false, reason: "empty" };
  if (bytes.byteLength > limits.maxBytes) return { ok: false, reason: "size" };
  const detected = await fileTypeFromBuffer(bytes);
  if (!detected || !(detected.ext in ALLOWED)) return { ok: false, reason: "type" };
  let mimeType = ALLOWED[detected.ext];
  if (detected.ext === "cfb") {
    const ext = name.toLowerCase().split(".").pop() ?? "";
    if (!(ext in LEGACY_OFFICE)) return { ok: false, reason: "type" };
    mimeType = LEGACY_OFFICE[ext];
  }
  return { ok: true, mimeType, sha256: createHash("sha256").update(bytes).digest("hex") };
}

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const unsafe = (ch: string) => ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 || '"<>|:*?'.includes(ch);
  const cleaned = [...base].map((ch) => (unsafe(ch) ? "_" : ch)).join("").trim();
  return (cleaned || "file").slice(0, 120);
}
