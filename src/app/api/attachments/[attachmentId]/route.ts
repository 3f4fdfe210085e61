import { getTranslations } from "next-intl/server";
import { getAttachment } from "@/features/reports/queries";
import { getActor } from "@/server/auth";
import { evidenceDownload } from "@/server/evidence-download";
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
  return (await evidenceDownload(attachment)) ?? text(t("fileNotFound"), 404);
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(download);
