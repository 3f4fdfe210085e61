import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileTypeFromFile } from "file-type";

/** A stored (or staged) evidence file's name: 128 random bits in hex. */
const STORED_NAME = /^[0-9a-f]{32}$/;
const PART = ".part";
const UPLOAD = ".upload.json";

/** What an upload that was received but not yet attached to a report carries beside its file. */
export interface PendingUpload {
  uploaderId: string;
  periodId: string;
  departmentId: string;
  /** The display name, already cleaned and with the extension of the detected type. */
  originalName: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** ISO time of the upload; it expires after UPLOAD_TTL_MS. */
  createdAt: string;
}

/** An entry of the evidence folder, for the sweep. */
export interface StoreEntry {
  name: string;
  kind: "file" | "partial" | "upload";
  mtimeMs: number;
}

/** Where evidence files live: outside public/, under random names. */
export interface EvidenceStore {
  /**
   * Streams `body` to a temporary file, counting bytes; stops reading and deletes the
   * partial file as soon as it passes `maxBytes`. Nothing of the body is held in memory
   * beyond the stream's chunks.
   */
  receive(
    body: ReadableStream<Uint8Array> | NodeJS.ReadableStream,
    maxBytes: number,
  ): Promise<{ ok: true; name: string; size: number; sha256: string; tempPath: string } | { ok: false; reason: "size" | "empty" }>;
  /** Makes a received temporary file a stored file (`meta` describes the pending upload). */
  commit(name: string, meta: PendingUpload): Promise<void>;
  /** Deletes a received temporary file that was refused. */
  discard(name: string): Promise<void>;
  /** The pending upload `name`, or null (no such upload, or its description is unreadable). */
  pending(name: string): Promise<PendingUpload | null>;
  /** Marks an upload as attached: its description goes, its file stays. */
  settle(name: string): Promise<void>;
  remove(storedName: string): Promise<void>;
  /** Removes a temporary or description file left behind (by the sweep). */
  removeEntry(entry: StoreEntry): Promise<void>;
  list(): Promise<StoreEntry[]>;
  pathOf(storedName: string): string;
}

function checkedName(name: string): string {
  if (!STORED_NAME.test(name)) throw new Error("invalid stored name");
  return name;
}

/** A store in a folder on disk. */
export function folderStore(dir: string): EvidenceStore {
  const at = (name: string, suffix = "") => path.join(/*turbopackIgnore: true*/ dir, checkedName(name) + suffix);
  return {
    async receive(body, maxBytes) {
      await mkdir(dir, { recursive: true });
      const name = randomBytes(16).toString("hex");
      const hash = createHash("sha256");
      let size = 0;
      let tooLarge = false;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          size += chunk.byteLength;
          if (size > maxBytes) {
            tooLarge = true;
            done(new Error("too large"));
            return;
          }
          hash.update(chunk);
          done(null, chunk);
        },
      });
      const source = body instanceof ReadableStream ? Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>) : (body as NodeJS.ReadableStream);
      try {
        await pipeline(source, counter, createWriteStream(at(name, PART), { flags: "wx", mode: 0o600 }));
      } catch (error) {
        await rm(at(name, PART), { force: true });
        if (tooLarge) return { ok: false, reason: "size" };
        throw error;
      }
      if (size === 0) {
        await rm(at(name, PART), { force: true });
        return { ok: false, reason: "empty" };
      }
      return { ok: true, name, size, sha256: hash.digest("hex"), tempPath: at(name, PART) };
    },
    async commit(name, meta) {
      await writeFile(at(name, UPLOAD), JSON.stringify(meta), { flag: "wx", mode: 0o600 });
      await rename(at(name, PART), at(name));
    },
    async discard(name) {
      await rm(at(name, PART), { force: true });
    },
    async pending(name) {
      if (!STORED_NAME.test(name)) return null;
      try {
        const [text] = await Promise.all([readFile(at(name, UPLOAD), "utf8"), stat(at(name))]);
        return JSON.parse(text) as PendingUpload;
      } catch {
        return null;
      }
    },
    async settle(name) {
      await rm(at(name, UPLOAD), { force: true });
    },
    async remove(storedName) {
      await rm(at(storedName), { force: true });
    },
    async removeEntry(entry) {
      await rm(at(entry.name, entry.kind === "partial" ? PART : entry.kind === "upload" ? UPLOAD : ""), { force: true });
    },
    async list() {
      const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") return [] as string[];
        throw error;
      });
      const entries: StoreEntry[] = [];
      for (const file of names) {
        const kind = file.endsWith(PART) ? "partial" : file.endsWith(UPLOAD) ? "upload" : "file";
        const name = kind === "partial" ? file.slice(0, -PART.length) : kind === "upload" ? file.slice(0, -UPLOAD.length) : file;
        if (!STORED_NAME.test(name)) continue;
        const info = await stat(path.join(dir, file)).catch(() => null);
        if (info?.isFile()) entries.push({ name, kind, mtimeMs: info.mtimeMs });
      }
      return entries;
    },
    pathOf(storedName) {
      return at(storedName);
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

/** The accepted type of a detected format, or null; DOC and XLS are told apart by the name, as their container is the same. */
function acceptedType(detected: { ext: string } | undefined, name: string): string | null {
  if (!detected || !(detected.ext in ALLOWED)) return null;
  if (detected.ext !== "cfb") return ALLOWED[detected.ext];
  const ext = name.toLowerCase().split(".").pop() ?? "";
  return LEGACY_OFFICE[ext] ?? null;
}

/** Checks a file on disk by its content (magic bytes), not its name: the accepted MIME type, or null. */
export async function detectEvidenceType(filePath: string, name: string): Promise<string | null> {
  return acceptedType(await fileTypeFromFile(filePath), name);
}

export { cleanFileName, evidenceFileName } from "@/lib/file-name";
