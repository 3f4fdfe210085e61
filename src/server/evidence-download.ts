import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { evidenceFileName } from "@/features/reports/evidence";
import { evidenceStore } from "./evidence-store";

/** One stored evidence file as a download (a report's attachment or a closure application's evidence); null when the file is gone. */
export async function evidenceDownload(file: { originalName: string; storedName: string; mimeType: string }): Promise<Response | null> {
  const path = evidenceStore().pathOf(file.storedName);
  const info = await stat(path).catch(() => null);
  if (!info) return null;
  // Rows stored before names were cleaned on upload get the same treatment here.
  const name = evidenceFileName(file.originalName, file.mimeType);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
    headers: {
      "Content-Type": file.mimeType,
      "Content-Length": String(info.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
