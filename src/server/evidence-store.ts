import "server-only";
import path from "node:path";
import { folderStore, type EvidenceLimits } from "@/features/reports/evidence";
import { env } from "./env";

/** The evidence folder of this installation: DUBAN_FILES_DIR, or files/ beside the database data. */
export function evidenceStore() {
  const e = env();
  return folderStore(path.resolve(/*turbopackIgnore: true*/ e.DUBAN_FILES_DIR ?? path.join(e.DUBAN_DATA_DIR, "files")));
}

/** Upload limits from the environment. */
export function evidenceLimits(): EvidenceLimits {
  const e = env();
  return { maxBytes: Math.round(e.DUBAN_MAX_UPLOAD_MB * 1024 * 1024), maxFiles: e.DUBAN_MAX_FILES_PER_REPORT };
}
