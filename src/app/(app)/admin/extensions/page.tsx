import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { decideExtensionAction } from "@/features/reports/actions";
import { ExtensionDecisionForm } from "@/features/reports/components/small-forms";
import { getDecidedExtensions, getPendingExtensions } from "@/features/reports/queries";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/pager";
import { CardHeader, CardTitle } from "@/components/ui/card";
import { todayInChina } from "@/lib/due";
import { isoDay } from "@/lib/due";
import { periodLabel, type PeriodKind } from "@/lib/periods";
import { requirePermission } from "@/server/auth";

const HISTORY_PAGE = 30;

/** What an extension request asks, the same in the pending list and in the history: who, which measure and period, from and to which day, why. */
function RequestCells({
  request: e,
  locale,
}: {
  request: { reason: string; currentDueDate: Date; requestedDueDate: Date; department: { shortName: string }; period: { id: string; kind: PeriodKind; periodEnd: Date; measure: { number: number; keyTask: { number: number } } } };
  locale: string;
}) {
  return (
    <>
      <Td>{e.department.shortName}</Td>
      <Td>
        <Link href={`/reports/${e.period.id}`} className="text-primary hover:underline">
          {e.period.measure.keyTask.number}.{e.period.measure.number}
        </Link>
      </Td>
      <Td className="whitespace-nowrap">{periodLabel({ kind: e.period.kind, periodEnd: isoDay(e.period.periodEnd) }, locale)}</Td>
      <Td className="whitespace-nowrap tabular-nums">
        {isoDay(e.currentDueDate)} → {isoDay(e.requestedDueDate)}
      </Td>
      <Td>{e.reason}</Td>
    </>
  );
}

export default async function ExtensionsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("extension:decide");
  const { page: pageValue } = await searchParams;
  const [t, locale, pending, decided] = await Promise.all([getTranslations("reports"), getLocale(), getPendingExtensions(user), getDecidedExtensions(user, pageValue, HISTORY_PAGE)]);
  return (
    <>
      <PageHeader title={t("pendingExtensions")} />
      {pending.length === 0 ? (
        <EmptyState title={t("noPendingExtensions")} />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{t("department")}</Th>
                <Th>{t("measure")}</Th>
                <Th>{t("period")}</Th>
                <Th>{t("dueDate")}</Th>
                <Th>{t("reason")}</Th>
                <Th />
              </tr>
            </thead>
            <tbody>
              {pending.map((e) => (
                <tr key={e.id} data-testid="extension-row">
                  <RequestCells request={e} locale={locale} />
                  <Td className="w-64">
                    <ExtensionDecisionForm extensionId={e.id} action={decideExtensionAction} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}

      <Card className="mt-6" data-testid="decided-extensions">
        <CardHeader>
          <CardTitle>{t("decidedExtensions")}</CardTitle>
        </CardHeader>
        {decided.rows.length === 0 ? (
          <p className="px-5 pb-5 text-sm text-muted-foreground">{t("noDecidedExtensions")}</p>
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t("extensionDecision")}</Th>
                <Th>{t("department")}</Th>
                <Th>{t("measure")}</Th>
                <Th>{t("period")}</Th>
                <Th>{t("dueDate")}</Th>
                <Th>{t("reason")}</Th>
                <Th>{t("extensionDecidedBy")}</Th>
              </tr>
            </thead>
            <tbody>
              {decided.rows.map((e) => (
                <tr key={e.id} data-testid="decided-extension-row">
                  <Td>
                    <Badge tone={e.state === "APPROVED" ? "success" : "danger"}>{t(`extensionState${e.state}`)}</Badge>
                    {e.decisionNote ? <div className="mt-1 text-xs text-muted-foreground">{e.decisionNote}</div> : null}
                  </Td>
                  <RequestCells request={e} locale={locale} />
                  <Td className="whitespace-nowrap">
                    {e.decidedBy ?? "—"}
                    {e.decidedAt ? <div className="text-xs tabular-nums text-muted-foreground">{todayInChina(e.decidedAt)}</div> : null}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <Pager total={decided.total} page={decided.page} pageSize={HISTORY_PAGE} shown={decided.rows.length} href={(p) => `/admin/extensions?page=${p}`} />
    </>
  );
}
