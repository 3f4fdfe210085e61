import type { PrismaClient } from "@/generated/prisma/client";
import { cleanFileName, detectEvidenceType, evidenceFileName, type EvidenceLimits, type EvidenceStore } from "./evidence";
import type { Actor } from "@/lib/permissions";
import { assertMayUpload, ReportRuleError, UPLOAD_TTL_MS } from "./mutations";

export interface UploadInput {
  periodId: string;
  /** The name the browser gave the file; only shown (cleaned, with the extension of its real type). */
  name: string;
  /** The length the client declared, when it did: a larger one is refused before any byte is read. */
  declaredLength: number | null;
  body: ReadableStream<Uint8Array> | NodeJS.ReadableStream | null;
}

export interface ReceivedUpload {
  reference: string;
  name: string;
  size: number;
}

/** A file arriving: the name the browser gave it, the length the client declared and the body. */
export type IncomingFile = Omit<UploadInput, "periodId">;

/** Who an authorized upload belongs to: the uploader, the key it is kept under (a period's id, or a closure's) and the department. */
export interface UploadOwner {
  uploaderId: string;
  key: string;
  departmentId: string;
}

/**
 * The one way an evidence file is received, once its caller has been authorized: is the declared
 * length within the limit → stream the body to a temporary file, stopping at the limit → check the
 * content's type → keep it as a pending upload of `owner`. A refusal leaves nothing on disk. Report
 * evidence (`receiveUpload`) and closure evidence (`receiveClosureUpload`) each ask their own rule first.
 */
export async function storeUpload(store: EvidenceStore, limits: EvidenceLimits, owner: UploadOwner, file: IncomingFile): Promise<ReceivedUpload> {
  const detail = { name: cleanFileName(file.name), maxMb: Math.round(limits.maxBytes / 1024 / 1024) };
  if (file.declaredLength !== null && file.declaredLength > limits.maxBytes) throw new ReportRuleError("fileSize", detail);
  if (!file.body || file.declaredLength === 0) throw new ReportRuleError("fileEmpty", detail);
  const received = await store.receive(file.body, limits.maxBytes);
  if (!received.ok) throw new ReportRuleError(received.reason === "size" ? "fileSize" : "fileEmpty", detail);
  const mimeType = await detectEvidenceType(received.tempPath, file.name).catch(() => null);
  if (!mimeType) {
    await store.discard(received.name);
    throw new ReportRuleError("fileType", detail);
  }
  const name = evidenceFileName(file.name, mimeType);
  try {
    await store.commit(received.name, {
      uploaderId: owner.uploaderId,
      periodId: owner.key,
      departmentId: owner.departmentId,
      originalName: name,
      mimeType,
      size: received.size,
      sha256: received.sha256,
      createdAt: new Date().toISOString(),
    });
  } catch (error) {
    await store.discard(received.name);
    throw error;
  }
  return { reference: received.name, name, size: received.size };
}

/**
 * Receives one evidence file for the actor's report on a period: may the actor add evidence to that
 * report (asked before reading the body), then `storeUpload`. The reference returned is attached by
 * saveReport within UPLOAD_TTL_MS; an upload never attached is removed by the sweep.
 */
export async function receiveUpload(db: PrismaClient, store: EvidenceStore, limits: EvidenceLimits, actor: Actor, input: UploadInput): Promise<ReceivedUpload> {
  const { departmentId } = await assertMayUpload(db, actor, input.periodId);
  return storeUpload(store, limits, { uploaderId: actor.id, key: input.periodId, departmentId }, input);
}

export interface SweepOptions {
  now?: Date;
  /** Files younger than this (by last write) are left alone, so uploads in flight survive. */
  graceMs?: number;
  uploadTtlMs?: number;
}

export const SWEEP_GRACE_MS = 60 * 60 * 1000;

/**
 * Removes what no report will ever use: temporary files of uploads that broke off, uploads
 * never attached (UPLOAD_TTL_MS plus the grace period after they were made), and stored files
 * that no attachment row references (left by a crash). Anything written within the grace
 * period stays. Safe to run in several instances at once.
 */
export async function sweepEvidence(db: PrismaClient, store: EvidenceStore, options: SweepOptions = {}): Promise<{ removed: number }> {
  const now = (options.now ?? new Date()).getTime();
  const grace = options.graceMs ?? SWEEP_GRACE_MS;
  const ttl = options.uploadTtlMs ?? UPLOAD_TTL_MS;
  const entries = await store.list();
  let removed = 0;
  const pending = new Set<string>();
  for (const entry of entries) {
    if (entry.kind === "partial" && entry.mtimeMs < now - grace) {
      await store.removeEntry(entry);
      removed++;
    } else if (entry.kind === "upload") {
      const upload = await store.pending(entry.name);
      const made = upload ? Date.parse(upload.createdAt) : entry.mtimeMs;
      if (made < now - ttl - grace || (!upload && entry.mtimeMs < now - grace)) {
        await store.removeEntry(entry);
        removed++;
      } else {
        pending.add(entry.name);
      }
    }
  }
  const candidates = entries.filter((e) => e.kind === "file" && !pending.has(e.name) && e.mtimeMs < now - grace).map((e) => e.name);
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    // A report's evidence, or a closure application's (办结销号), which shares the store.
    const [rows, closureRows] = await Promise.all([
      db.attachment.findMany({ where: { storedName: { in: batch } }, select: { storedName: true } }),
      db.closureEvidence.findMany({ where: { storedName: { in: batch } }, select: { storedName: true } }),
    ]);
    const referenced = new Set([...rows, ...closureRows].map((r) => r.storedName));
    for (const name of batch) {
      if (referenced.has(name)) continue;
      await store.remove(name);
      removed++;
    }
  }
  return { removed };
}
