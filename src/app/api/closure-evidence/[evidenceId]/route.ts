import { getTranslations } from "next-intl/server";
import { getClosureEvidence } from "@/features/closure/queries";
import { getActor } from "@/server/auth";
import { evidenceDownload } from "@/server/evidence-download";
import { answeringOutages } from "@/server/route-outage";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Sends one file of a closure application (办结销号), as a download, to a caller who may read the measure's closure. */
async function download(_request: Request, { params }: { params: Promise<{ evidenceId: string }> }) {
  const [actor, t] = await Promise.all([getActor(), getTranslations("api")]);
  if (!actor) return text(t("signInRequired"), 401);
  const { evidenceId } = await params;
  const file = await getClosureEvidence(actor, evidenceId);
  if (!file) return text(t("fileNotFound"), 404);
  return (await evidenceDownload(file)) ?? text(t("fileNotFound"), 404);
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(download);
