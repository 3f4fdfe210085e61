import Link from "next/link";
import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { getWorklist } from "@/features/reports/queries";
import { todayInChina } from "@/lib/due";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth";

const PAGE_SIZE = 50;
const urgencyTone = { RETURNED: "danger", OVERDUE: "danger", DUE_SOON: "warning", OPEN: "primary", UPCOMING: "neutral" } as const;

export default async function MyReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!user.departmentId || !can(user, "report:write", { departmentId: user.departmentId })) forbidden();
  const page = z.coerce.number().int().min(1).catch(1).parse((await searchParams).page ?? 1);
  const [t, tp, locale] = await Promise.all([getTranslations("reports"), getTranslations("plan"), getLocale()]);
  const items = await getWorklist(user, user.departmentId, todayInChina(), locale);
  const from = (page - 1) * PAGE_SIZE;
  const shown = items.slice(from, from + PAGE_SIZE);

  return (
    <>
      <PageHeader title={t("myReportsTitle")} description={t("myReportsHint")} />
      {items.length === 0 ? (
        <EmptyState title={t("nothingDue")} />
      ) : (
        <>
          <Card>
            <Table>
              <thead>
                <tr>
                  <Th className="w-24">{t("state")}</Th>
                  <Th className="w-16">{tp("colNumber")}</Th>
                  <Th>{t("measure")}</Th>
                  <Th className="w-36">{t("period")}</Th>
                  <Th className="w-28">{t("dueDate")}</Th>
                  <Th className="w-24">{t("role")}</Th>
                  <Th className="w-20" />
                </tr>
              </thead>
              <tbody>
                {shown.map((item) => (
                  <tr key={item.periodId} data-testid="worklist-row">
                    <Td>
                      <Badge tone={urgencyTone[item.urgency]}>{t(`urgency${item.urgency}`)}</Badge>
                      {item.state === "DRAFT" ? <span className="ml-1 text-xs text-muted-foreground">{t("stateDRAFT")}</span> : null}
                    </Td>
                    <Td className="tabular-nums text-muted-foreground">{item.number}</Td>
                    <Td>
                      <span className="line-clamp-2">{item.measureText}</span>
                    </Td>
                    <Td>{item.period}</Td>
                    <Td className="tabular-nums">
                      {item.dueDate}
                      {item.dueDate !== item.originalDueDate ? <div className="text-xs text-amber-700">{t("delayed", { date: item.originalDueDate })}</div> : null}
                    </Td>
                    <Td>{item.isLead ? t("asLead") : t("asSupport")}</Td>
                    <Td>
                      <Button size="sm" asChild>
                        <Link href={`/reports/${item.periodId}`}>{t("open")}</Link>
                      </Button>
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          </Card>
          <Pager total={items.length} page={page} pageSize={PAGE_SIZE} shown={shown.length} href={(p) => `/reports?page=${p}`} />
        </>
      )}
    </>
  );
}
