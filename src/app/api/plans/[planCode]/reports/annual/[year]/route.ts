import { annualReport } from "@/features/evaluation/documents";
import { reportDownload } from "@/features/evaluation/download";
import { summaryYears } from "@/lib/evaluation";
import { answeringOutages } from "@/server/route-outage";

/** One year's 年度总结 of a plan as a Word document (evaluation:read); any year of the plan that has begun. */
async function downloadAnnual(_request: Request, { params }: { params: Promise<{ planCode: string; year: string }> }) {
  const { planCode, year } = await params;
  return reportDownload(planCode, (data, locale) => (summaryYears(data.plan, data.today).includes(Number(year)) ? annualReport(data, Number(year), locale) : "noYear"));
}

/** While the database is down: 503 with Retry-After. */
export const GET = answeringOutages(downloadAnnual);
