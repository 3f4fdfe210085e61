import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { Readable } from "node:stream";
import { canReadReport } from "@/features/reports/access";
import { getCurrentUser } from "@/server/auth";
import { db } from "@/server/db";
import { evidenceFileName } from "@/features/reports/evidence";
import { evidenceStore } from "@/server/evidence-store";

/** Sends one evidence file, as a download, to a caller who may read its report. */
export async function GET(_request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const user = await getCurrentUser();
  if (!user) return new Response("请先登录", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { attachmentId } = await params;
  const attachment = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      originalName: true,
      storedName: true,
      mimeType: true,
      report: { select: { departmentId: true, measure: { select: { departments: { where: { isLead: true }, select: { departmentId: true } } } } } },
    },
  });
  // A file the caller may not see answers exactly like one that does not exist.
  const lead = attachment?.report.measure.departments[0]?.departmentId ?? null;
  if (!attachment || !canReadReport(user, attachment.report, lead)) {
    return new Response("文件不存在", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const path = evidenceStore().pathOf(attachment.storedName);
  const info = await stat(path).catch(() => null);
  if (!info) return new Response("文件不存在", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
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
