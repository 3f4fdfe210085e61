import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { NoticeListItem } from "../queries";
import { NoticeColourBadge } from "./notice-colour";

const stateTone = { ISSUED: "warning", SIGNED: "primary", REPLIED: "success", CLOSED: "neutral" } as const;

/** Notices as a table: number, colour today, department, measure, limit, state. */
export async function NoticeTable({ notices, showDepartment = true, showMeasure = true }: { notices: NoticeListItem[]; showDepartment?: boolean; showMeasure?: boolean }) {
  const t = await getTranslations("notices");
  return (
    <Table data-testid="notices">
      <thead>
        <tr>
          <Th>{t("number")}</Th>
          <Th>{t("colour")}</Th>
          {showDepartment ? <Th>{t("department")}</Th> : null}
          {showMeasure ? <Th>{t("measure")}</Th> : null}
          <Th>{t("dueDate")}</Th>
          <Th>{t("state")}</Th>
        </tr>
      </thead>
      <tbody>
        {notices.map((n) => (
          <tr key={n.id} data-testid="notice-row">
            <Td className="whitespace-nowrap">
              <Link href={`/notices/${n.id}`} className="font-medium text-primary hover:underline">
                {n.number}
              </Link>
            </Td>
            <Td>
              <NoticeColourBadge colour={n.shownColour} label={t(`colour${n.shownColour}`)} />
            </Td>
            {showDepartment ? <Td className="whitespace-nowrap">{n.department.shortName}</Td> : null}
            {showMeasure ? (
              <Td className="min-w-40">
                <Link href={`/measures/${n.measure.id}`} className="hover:underline">
                  {n.measureNumber}
                </Link>
                {n.period ? <span className="text-muted-foreground"> · {n.period}</span> : null}
                <p className="line-clamp-1 text-xs text-muted-foreground">{n.text}</p>
              </Td>
            ) : null}
            <Td className="whitespace-nowrap tabular-nums">
              {n.dueDate}
              {n.overdue ? <div className="text-xs text-red-700">{t("daysLate", { days: n.daysLate })}</div> : null}
            </Td>
            <Td>
              <Badge tone={stateTone[n.state]}>{t(`state${n.state}`)}</Badge>
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
