import { finalReport } from "@/features/evaluation/documents";
import { reportDownload } from "@/features/evaluation/download";
import { answeringOutages } from "@/server/route-outage";

/** The 终期评估报告 of an ended plan as a Word document (evaluation:read). */
async function downloadFinal(_request: Request, { params }: { params: Promise<{ planCode: string }> }) {
  return reportDownload((await params).planCode, (data, locale) => (data.evaluable ? finalReport(data, locale) : "notEvaluable"));
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(downloadFinal);
