import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { getSignoffQueue } from "@/features/reports/queries";
import { chinaDateTime } from "@/lib/due";
import { periodLabel } from "@/lib/periods";
import { forbidden } from "next/navigation";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth";

/** 待审签 (decision 032): the department head's queue of reports awaiting sign-off. */
export default async function SignoffQueuePage() {
  const user = await requireUser();
  if (!can(user, "report:signoff", { departmentId: user.departmentId })) forbidden();
  const [t, locale, queue] = await Promise.all([getTranslations("reports"), getLocale(), getSignoffQueue(user)]);
  return (
    <>
      <PageHeader title={t("signoffTitle")} description={t("signoffDescription")} />
      {queue.length === 0 ? (
        <EmptyState title={t("signoffEmpty")} />
      ) : (
        <>
        {/* On a phone each report is a card: the text across the width, the button in view. */}
        <ul className="flex flex-col gap-3 md:hidden">
          {queue.map((r) => (
            <li key={r.id} data-testid="signoff-card">
              <Card className="flex flex-col gap-2 p-4 text-sm">
                <div className="flex flex-wrap items-center gap-2">
                  <span className="font-semibold tabular-nums">{r.number}</span>
                  <span>{periodLabel(r.period, locale)}</span>
                  <Badge tone={r.isLead ? "primary" : "neutral"}>{r.isLead ? t("asLead") : t("asSupport")}</Badge>
                </div>
                <p className="line-clamp-3">{r.measureText}</p>
                <p className="text-xs text-muted-foreground tabular-nums">
                  {t("signoffSubmittedBy")} {chinaDateTime(r.submittedToHeadAt)} · {t("dueDate")} {r.dueDate}
                </p>
                <Button size="sm" asChild className="w-full">
                  <Link href={`/reports/${r.periodId}#report-${r.id}`}>{t("signoffOpen")}</Link>
                </Button>
              </Card>
            </li>
          ))}
        </ul>
        <Card className="hidden md:block">
          <Table>
            <thead>
              <tr>
                <Th>{t("signoffSubmittedBy")}</Th>
                <Th>{t("measure")}</Th>
                <Th>{t("period")}</Th>
                <Th>{t("dueDate")}</Th>
                <Th>{t("role")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {queue.map((r) => (
                <tr key={r.id} data-testid="signoff-row">
                  <Td className="whitespace-nowrap tabular-nums">{chinaDateTime(r.submittedToHeadAt)}</Td>
                  <Td>
                    <span className="mr-1 tabular-nums text-muted-foreground">{r.number}</span>
                    <span className="line-clamp-2">{r.measureText}</span>
                  </Td>
                  <Td className="whitespace-nowrap">{periodLabel(r.period, locale)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">{r.dueDate}</Td>
                  <Td>
                    <Badge tone={r.isLead ? "primary" : "neutral"}>{r.isLead ? t("asLead") : t("asSupport")}</Badge>
                  </Td>
                  <Td>
                    <Button size="sm" asChild>
                      <Link href={`/reports/${r.periodId}#report-${r.id}`}>{t("signoffOpen")}</Link>
                    </Button>
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
        </>
      )}
    </>
  );
}
