import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { DueLabel } from "@/components/due-label";
import { AwaitsConfirmationBadge } from "@/components/awaits-confirmation";
import { nextDue } from "@/lib/status";
import type { MeasureRow } from "@/features/plan/queries";
import { MeasureLightsPair, type MeasureLights } from "@/features/dashboard/components/measure-lights";

/** Measures as a table: number, text, lead and supporting departments, time arrangement, next due date and, given them, both lights. */
export async function MeasureTable({
  taskNumber,
  measures,
  today,
  highlightDepartmentId,
  lights,
}: {
  taskNumber: number | ((m: MeasureRow) => number);
  measures: MeasureRow[];
  today: string;
  highlightDepartmentId?: string;
  /** Each measure's 报送 and 进度 lights (the overview's), by measure id. */
  lights?: Map<string, MeasureLights>;
}) {
  const [t, tc] = await Promise.all([getTranslations("plan"), getTranslations("common")]);
  const numberOf = (m: MeasureRow) => `${typeof taskNumber === "function" ? taskNumber(m) : taskNumber}.${m.number}`;
  const tone = (id: string) => (id === highlightDepartmentId ? "primary" : "neutral");
  return (
    <>
      {/* Phones: one card per measure; a six-column table does not fit. */}
      <ul className="divide-y divide-border md:hidden">
        {measures.map((m) => {
          const lead = m.departments.find((d) => d.isLead);
          return (
            <li key={m.id} data-testid="measure-card" className="flex flex-col gap-2 px-4 py-3">
              <Link href={`/measures/${m.id}`} className="official-text text-sm hover:text-primary">
                <span className="mr-1.5 font-medium tabular-nums text-muted-foreground">{numberOf(m)}</span>
                {m.text}
              </Link>
              <div className="flex flex-wrap items-center gap-1">
                {lead ? <Badge tone={tone(lead.id)}>{lead.shortName} · {t("colLead")}</Badge> : null}
                {m.departments
                  .filter((d) => d.isJointLead)
                  .map((d) => (
                    <Badge key={d.id} tone={tone(d.id)}>
                      {d.shortName} · {t("jointLead")}
                    </Badge>
                  ))}
                {m.departments
                  .filter((d) => !d.isLead && !d.isJointLead)
                  .map((d) => (
                    <Badge key={d.id} tone={tone(d.id)}>
                      {d.shortName}
                    </Badge>
                  ))}
              </div>
              <div className="flex flex-wrap gap-x-4 text-xs text-muted-foreground">
                <span>
                  {tc("labelled", { label: t("colTime") })}{m.timeArrangement}
                  {m.awaitsConfirmation ? <AwaitsConfirmationBadge className="ml-1" /> : null}
                </span>
                <span>
                  {tc("labelled", { label: t("colNextDue") })}<DueLabel due={nextDue(m, today)} />
                </span>
              </div>
              {lights ? <MeasureLightsPair lights={lights.get(m.id)} className="flex-row flex-wrap gap-x-4" /> : null}
            </li>
          );
        })}
      </ul>
      <Table wrapperClassName="hidden md:block">
      <thead>
        <tr>
          <Th className="w-16">{t("colNumber")}</Th>
          <Th>{t("colMeasure")}</Th>
          <Th className="w-28">{t("colLead")}</Th>
          <Th className="w-44">{t("colSupport")}</Th>
          <Th className="w-28">{t("colTime")}</Th>
          <Th className="w-40">{t("colNextDue")}</Th>
          {lights ? <Th className="w-36">{t("colLights")}</Th> : null}
        </tr>
      </thead>
      <tbody>
        {measures.map((m) => {
          const lead = m.departments.find((d) => d.isLead);
          // 共同牵头 sit with the lead: their reports count like the lead's.
          const jointLeads = m.departments.filter((d) => d.isJointLead);
          const support = m.departments.filter((d) => !d.isLead && !d.isJointLead);
          const number = numberOf(m);
          return (
            <tr key={m.id} data-testid="measure-row" className="hover:bg-muted/40">
              <Td className="tabular-nums text-muted-foreground">{number}</Td>
              <Td>
                <Link href={`/measures/${m.id}`} className="official-text line-clamp-3 text-foreground hover:text-primary hover:underline">
                  {m.text}
                </Link>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {lead ? <Badge tone={tone(lead.id)}>{lead.shortName}</Badge> : null}
                  {jointLeads.map((d) => (
                    <Badge key={d.id} tone={tone(d.id)} title={t("jointLead")}>
                      {d.shortName} · {t("jointLead")}
                    </Badge>
                  ))}
                </div>
              </Td>
              <Td>
                <div className="flex flex-wrap gap-1">
                  {support.map((d) => (
                    <Badge key={d.id} tone={tone(d.id)}>
                      {d.shortName}
                    </Badge>
                  ))}
                </div>
              </Td>
              <Td className="text-sm">
                {m.timeArrangement}
                {m.awaitsConfirmation ? <AwaitsConfirmationBadge className="ml-1" /> : null}
              </Td>
              <Td className="text-sm">
                <DueLabel due={nextDue(m, today)} />
              </Td>
              {lights ? (
                <Td>
                  <MeasureLightsPair lights={lights.get(m.id)} />
                </Td>
              ) : null}
            </tr>
          );
        })}
      </tbody>
      </Table>
    </>
  );
}
