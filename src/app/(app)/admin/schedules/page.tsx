import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { listScheduleIssues } from "@/features/plan/queries";
import { Button } from "@/components/ui/button";
import { can } from "@/lib/permissions";
import { requirePermission } from "@/server/auth";

export default async function ScheduleIssuesPage() {
  const user = await requirePermission("measure:manage");
  const [t, tm, tp, rows] = await Promise.all([getTranslations("admin"), getTranslations("measure"), getTranslations("plan"), listScheduleIssues()]);
  return (
    <>
      <PageHeader
        title={t("schedulesTitle")}
        description={t("schedulesHint")}
        actions={
          can(user, "calendar:manage") ? (
            <Button asChild variant="outline">
              <Link href="/admin/calendar">{t("calendarTitle")}</Link>
            </Button>
          ) : null
        }
      />
      {rows.length === 0 ? (
        <EmptyState title={t("noSchedulesPending")} />
      ) : (
        <Card>
          <Table>
            <thead>
              <tr>
                <Th>{tp("colNumber")}</Th>
                <Th>{tp("colTime")}</Th>
                <Th>{t("reason")}</Th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id}>
                  <Td>
                    <Link href={`/measures/${m.id}`} className="text-primary hover:underline">
                      {m.keyTask.number}.{m.number}
                    </Link>
                  </Td>
                  <Td>{m.timeArrangement}</Td>
                  <Td>
                    {m.scheduleError ??
                      m.scheduleFlags.map((f) => (f === "BEFORE_PLAN_START" || f === "AFTER_PLAN_END" ? tm(`flag${f}`) : f)).join("；")}
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
