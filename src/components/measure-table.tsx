import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { DueLabel } from "@/components/due-label";
import { nextDue } from "@/lib/due";
import type { PlanYears } from "@/lib/schedule";
import type { MeasureRow } from "@/features/plan/queries";

/** Measures as a table: number, text, lead and supporting departments, time arrangement, next due date. */
export async function MeasureTable({
  taskNumber,
  measures,
  plan,
  today,
  highlightDepartmentId,
}: {
  taskNumber: number | ((m: MeasureRow) => number);
  measures: MeasureRow[];
  plan: PlanYears;
  today: string;
  highlightDepartmentId?: string;
}) {
  const t = await getTranslations("plan");
  return (
    <Table>
      <thead>
        <tr>
          <Th className="w-16">{t("colNumber")}</Th>
          <Th>{t("colMeasure")}</Th>
          <Th className="w-28">{t("colLead")}</Th>
          <Th className="w-44">{t("colSupport")}</Th>
          <Th className="w-28">{t("colTime")}</Th>
          <Th className="w-40">{t("colNextDue")}</Th>
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => {
          const lead = m.departments.find((d) => d.isLead);
          const support = m.departments.filter((d) => !d.isLead);
          const number = `${typeof taskNumber === "function" ? taskNumber(m) : taskNumber}.${m.number}`;
          return (
            <tr key={m.id} data-testid="measure-row" className="hover:bg-muted/40">
              <Td className="tabular-nums text-muted-foreground">{number}</Td>
              <Td>
                <Link href={`/measures/${m.id}`} className="official-text line-clamp-3 text-foreground hover:text-primary hover:underline">
                  {m.text}
                </Link>
              </Td>
              <Td>
                {lead ? (
                  <Badge tone={lead.id === highlightDepartmentId ? "primary" : "neutral"}>{lead.shortName}</Badge>
                ) : null}
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {support.map((d) => (
                    <Badge key={d.id} tone={d.id === highlightDepartmentId ? "primary" : "neutral"}>
                      {d.shortName}
                    </Badge>
                  ))}
                </div>
              </Td>
              <Td className="text-sm">{m.timeArrangement}</Td>
              <Td className="text-sm">
                <DueLabel due={nextDue(m, plan, today)} />
              </Td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
