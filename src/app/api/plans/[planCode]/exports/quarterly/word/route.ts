import { tongbaoDownload } from "@/features/tongbao/export-route";
import { answeringOutages } from "@/server/route-outage";

/** One plan's quarterly 通报 as a Word document (.docx), with the same quarter, share and content as the workbook. */
async function exportQuarterlyWord(request: Request, { params }: { params: Promise<{ planCode: string }> }) {
  return tongbaoDownload(request, (await params).planCode, "docx");
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(exportQuarterlyWord);
