import { forbidden } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Label, Select } from "@/components/ui/form";
import { EmptyState } from "@/components/empty-state";
import { PageHeader } from "@/components/page-header";
import { NoticeTable } from "@/features/notices/components/notice-table";
import { listNotices } from "@/features/notices/queries";
import { listDepartments } from "@/features/plan/queries";
import { canAtAll, scopeOf } from "@/lib/permissions";
import { requireUser } from "@/server/auth";

const STATES = ["open", "ISSUED", "SIGNED", "REPLIED", "CLOSED"] as const;
const COLOURS = ["BLUE", "YELLOW", "RED"] as const;

const pick = <T extends string>(value: unknown, allowed: readonly T[]): T | undefined =>
  typeof value === "string" && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;

/** 督办单: a department's liaisons see theirs; the bureau and leaders see all, with filters (kept in the URL). */
export default async function NoticesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!canAtAll(user, "notice:read")) forbidden();
  const all = scopeOf(user, "notice:read") === "any";
  const raw = await searchParams;
  const [t, locale, departments] = await Promise.all([getTranslations("notices"), getLocale(), all ? listDepartments() : Promise.resolve([])]);
  const departmentId = all && typeof raw.department === "string" && departments.some((d) => d.id === raw.department) ? raw.department : undefined;
  const state = pick(raw.state, STATES);
  const colour = pick(raw.colour, COLOURS);
  const notices = await listNotices(user, { departmentId, state, colour }, locale);
  return (
    <>
      <PageHeader title={t("title")} description={all ? t("hintBureau") : t("hintDepartment")} />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" data-testid="notice-filters">
        {all ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor="f-department">{t("department")}</Label>
            <Select id="f-department" name="department" defaultValue={departmentId ?? ""}>
              <option value="">{t("allDepartments")}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.shortName}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-state">{t("state")}</Label>
          <Select id="f-state" name="state" defaultValue={state ?? ""}>
            <option value="">{t("allStates")}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>
                {s === "open" ? t("stateOpen") : t(`state${s}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="f-colour">{t("colour")}</Label>
          <Select id="f-colour" name="colour" defaultValue={colour ?? ""}>
            <option value="">{t("allColours")}</option>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {t(`colour${c}`)}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="outline">
          {t("filter")}
        </Button>
      </form>
      {notices.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <Card>
          <CardContent className="px-0 py-0 sm:px-2">
            <NoticeTable notices={notices} showDepartment={all} />
          </CardContent>
        </Card>
      )}
      <p className="mt-2 text-xs text-muted-foreground">{t("count", { count: notices.length })}</p>
    </>
  );
}
