import { tongbaoDownload } from "@/features/tongbao/export-route";
import { answeringOutages } from "@/server/route-outage";

/**
 * One plan's quarterly 通报 as an Excel workbook, for the quarter named by ?quarter=2025-Q4 (by
 * default the last complete one; ?asOf= of earlier addresses picks that day's quarter); a caller
 * whose export is limited to their department gets only its share.
 */
async function exportQuarterly(request: Request, { params }: { params: Promise<{ planCode: string }> }) {
  return tongbaoDownload(request, (await params).planCode, "xlsx");
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(exportQuarterly);
