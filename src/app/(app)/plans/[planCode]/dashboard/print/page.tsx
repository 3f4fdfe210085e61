import { redirect } from "next/navigation";
import { planPrintHref } from "@/lib/plan-urls";

/** The earlier print address inside the app: the 通报's print page now lives outside the app's navigation. */
export default async function PrintReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ planCode: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const [{ planCode }, raw] = await Promise.all([params, searchParams]);
  const pick = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);
  redirect(planPrintHref({ code: planCode }, { quarter: pick(raw.quarter), asOf: pick(raw.asOf) }));
}
