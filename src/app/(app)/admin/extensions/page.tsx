import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { decideExtensionAction } from "@/features/reports/actions";
import { ExtensionDecisionForm } from "@/features/reports/components/small-forms";
import { getPendingExtensions } from "@/features/reports/queries";
import { isoDay } from "@/lib/due";
import { periodLabel } from "@/lib/periods";
import { requirePermission } from "@/server/auth";

export default async function ExtensionsPage() {
  const user = await requirePermission("extension:decide");
  const [t, locale, pending] = await Promise.all([getTranslations("reports"), getLocale(), getPendingExtensions(user)]);
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
                  <Td>{e.department.shortName}</Td>
                  <Td>
                    <Link href={`/reports/${e.period.id}`} className="text-primary hover:underline">
                      {e.period.measure.keyTask.number}.{e.period.measure.number}
                    </Link>
                  </Td>
                  <Td>{periodLabel({ kind: e.period.kind, periodEnd: isoDay(e.period.periodEnd) }, locale)}</Td>
                  <Td className="whitespace-nowrap tabular-nums">
                    {isoDay(e.currentDueDate)} → {isoDay(e.requestedDueDate)}
                  </Td>
                  <Td>{e.reason}</Td>
                  <Td className="w-64">
                    <ExtensionDecisionForm extensionId={e.id} action={decideExtensionAction} />
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        </Card>
      )}
    </>
  );
}
