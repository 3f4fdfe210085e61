import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { Table, Td, Th } from "@/components/ui/table";
import { AuditActionLabel } from "@/components/audit-action-label";
import { PageHeader } from "@/components/page-header";
import { Pager } from "@/components/pager";
import { AUDIT_PAGE_SIZE, getAuditEvents } from "@/features/audit/queries";
import { requirePermission } from "@/server/auth";
import { chinaDateTime } from "@/lib/due";

const ACTION_GROUPS = ["auth", "user", "department", "plan", "measure", "period", "report", "extension", "instruction", "notification"] as const;
const filtersSchema = z.object({
  action: z.enum(ACTION_GROUPS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("audit:read");
  const raw = await searchParams;
  const filters = filtersSchema.parse({ action: raw.action || undefined, page: raw.page ?? 1 });
  const locale = await getLocale();
  const [t, tp, te, { events, total }] = await Promise.all([
    getTranslations("reports"),
    getTranslations("plan"),
    getTranslations("auditSubjects"),
    getAuditEvents(user, { action: filters.action ? `${filters.action}.` : undefined, page: filters.page }, locale),
  ]);
  // Kinds of record and groups of actions in the user's language; a kind without a text shows as stored.
  const kind = (type: string) => (te.has(`type.${type}`) ? te(`type.${type}`) : type);
  const query = (page: number) => `/admin/audit?${new URLSearchParams({ ...(filters.action ? { action: filters.action } : {}), page: String(page) })}`;
  return (
    <>
      {/* Never replayed by the page cache: sign-ins and other bookkeeping rows shown here do not raise the page version (decision 011). */}
      <div data-duban-no-store="" hidden />
      <PageHeader title={t("auditTitle")} description={t("auditHint")} />
      <form method="get" role="search" className="mb-5 flex items-end gap-3">
        <div className="flex flex-col gap-1">
          <Label htmlFor="action">{t("auditFilterAction")}</Label>
          <Select id="action" name="action" defaultValue={filters.action ?? ""} className="w-48">
            <option value="">{t("auditAll")}</option>
            {ACTION_GROUPS.map((g) => (
              <option key={g} value={g}>
                {te(`group.${g}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit">{tp("applyFilters")}</Button>
      </form>
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>{t("auditWhen")}</Th>
              <Th>{t("auditWho")}</Th>
              <Th>{t("auditAction")}</Th>
              <Th>{t("auditObject")}</Th>
              <Th>IP</Th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-testid="audit-row">
                <Td className="whitespace-nowrap tabular-nums">{chinaDateTime(e.at, true)}</Td>
                <Td>{e.actorLabel}</Td>
                <Td>
                  <AuditActionLabel action={e.action} />
                </Td>
                <Td data-testid="audit-subject">
                  <span className="text-muted-foreground">{kind(e.entityType)}</span>
                  {e.subject ? ` ${e.subject}` : ""}
                </Td>
                <Td className="font-mono text-xs">{e.ip ?? "—"}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Card>
      <Pager total={total} page={filters.page} pageSize={AUDIT_PAGE_SIZE} shown={events.length} href={query} />
    </>
  );
}
