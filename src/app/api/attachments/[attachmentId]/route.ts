import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { getTranslations } from "next-intl/server";
import { evidenceFileName } from "@/features/reports/evidence";
import { getAttachment } from "@/features/reports/queries";
import { getActor } from "@/server/auth";
import { evidenceStore } from "@/server/evidence-store";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Sends one evidence file, as a download, to a caller who may read its report. */
async function download(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  const { attachmentId } = await params;
  // The query answers only for a report the caller may read: a file they may not see answers exactly like one that does not exist.
  const attachment = await getAttachment(actor, attachmentId);
  if (!attachment) return text(t("fileNotFound"), 404);
  const path = evidenceStore().pathOf(attachment.storedName);
  const info = await stat(path).catch(() => null);
  if (!info) return text(t("fileNotFound"), 404);
  // Rows stored before names were cleaned on upload get the same treatment here.
  const name = evidenceFileName(attachment.originalName, attachment.mimeType);
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(Readable.toWeb(createReadStream(path)) as ReadableStream, {
    headers: {
      "Content-Type": attachment.mimeType,
      "Content-Length": String(info.size),
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      "Cache-Control": "private, no-store",
    },
  });
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(download);
