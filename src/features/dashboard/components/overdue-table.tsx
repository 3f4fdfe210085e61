import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";

/** The overdue periods with days overdue and the responsible department. */
export async function OverdueTable({
  items,
  departments,
}: {
  items: { periodId: string; number: string; period: string; dueDate: string; daysOverdue: number; departmentId: string }[];
  departments: { id: string; shortName: string }[];
}) {
  const t = await getTranslations("dashboard");
  const name = new Map(departments.map((x) => [x.id, x.shortName]));
  return (
    <Table data-testid="overdue-table">
      <thead>
        <tr>
          <Th>{t("colMeasure")}</Th>
          <Th>{t("colPeriod")}</Th>
          <Th>{t("colDue")}</Th>
          <Th>{t("colDays")}</Th>
          <Th>{t("colResponsible")}</Th>
        </tr>
      </thead>
      <tbody>
        {items.map((o) => (
          <tr key={`${o.periodId}:${o.departmentId}`} data-testid="overdue-row">
            <Td>
              <Link href={`/reports/${o.periodId}`} className="text-primary hover:underline">
                {o.number}
              </Link>
            </Td>
            <Td>{o.period}</Td>
            <Td className="tabular-nums">{o.dueDate}</Td>
            <Td className="tabular-nums">
              <Badge tone="danger">{o.daysOverdue}</Badge>
            </Td>
            <Td>{name.get(o.departmentId)}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
