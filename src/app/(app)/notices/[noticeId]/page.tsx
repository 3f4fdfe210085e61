import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ArrowLeft, Printer } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/page-header";
import { decideNoticeAction, replyNoticeAction, signNoticeAction } from "@/features/notices/actions";
import { NoticeColourBadge } from "@/features/notices/components/notice-colour";
import { DecideNoticeForm, ReplyNoticeForm, SignNoticeForm } from "@/features/notices/components/notice-forms";
import { getNotice } from "@/features/notices/queries";
import { can } from "@/lib/permissions";
import { requireUser } from "@/server/auth";
import { chinaDateTime } from "@/lib/due";

/** One 督办单: its text and course, and the caller's step (sign, reply, close or return). */
export default async function NoticePage({ params }: { params: Promise<{ noticeId: string }> }) {
  const user = await requireUser();
  const { noticeId } = await params;
  const [t, locale] = await Promise.all([getTranslations("notices"), getLocale()]);
  const notice = await getNotice(user, noticeId, locale);
  // One the caller may not read answers like one that does not exist.
  if (!notice) notFound();
  const when = (d: Date | null) => (d ? chinaDateTime(d) : null);
  const target = { departmentId: notice.department.id };
  const course: [string, string | null, string | null][] = [
    [t("issuedAt"), when(notice.issuedAt), notice.issuedBy],
    [t("signedAt"), when(notice.signedAt), notice.signedBy],
    [t("repliedAt"), notice.state === "REPLIED" || notice.state === "CLOSED" ? when(notice.repliedAt) : null, notice.repliedBy],
    [t("closedAt"), when(notice.closedAt), notice.closedBy],
  ];
  return (
    <>
      <Link href="/notices" className="mb-4 inline-flex items-center gap-1 text-sm text-primary hover:underline">
        <ArrowLeft className="size-4" aria-hidden />
        {t("title")}
      </Link>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-2">
            <span data-testid="notice-number">{notice.number}</span>
            <NoticeColourBadge colour={notice.shownColour} label={t(`colour${notice.shownColour}`)} />
            <Badge tone="neutral" data-testid="notice-state">
              {t(`state${notice.state}`)}
            </Badge>
          </span>
        }
        description={
          <>
            {t(`kind${notice.colour}`)} · {notice.department.shortName} · {t("measure")} {notice.measureNumber}
            {notice.shownColour !== notice.colour ? ` · ${t("escalated", { from: t(`colour${notice.colour}`) })}` : ""}
          </>
        }
        actions={
          <Button variant="outline" asChild>
            <Link href={`/notices/${notice.id}/print`} target="_blank" data-testid="notice-print-link">
              <Printer className="size-4" aria-hidden />
              {t("printView")}
            </Link>
          </Button>
        }
      />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-3">
        <div className="flex flex-col gap-5 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("text")}</CardTitle>
            </CardHeader>
            <CardContent className="flex flex-col gap-3 text-sm">
              <p className="whitespace-pre-wrap text-base" data-testid="notice-text">
                {notice.text}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1.5">
                <dt className="text-muted-foreground">{t("measure")}</dt>
                <dd>
                  <Link href={`/measures/${notice.measure.id}`} className="text-primary hover:underline">
                    {notice.measureNumber}
                  </Link>{" "}
                  <span className="text-muted-foreground">{notice.measure.currentText ?? notice.measure.text}</span>
                </dd>
                <dt className="text-muted-foreground">{t("period")}</dt>
                <dd>{notice.period ?? t("wholeMeasure")}</dd>
                <dt className="text-muted-foreground">{t("dueDate")}</dt>
                <dd className="tabular-nums">
                  {notice.dueDate}
                  {notice.overdue ? <span className="ml-2 text-red-700">{t("daysLate", { days: notice.daysLate })}</span> : null}
                </dd>
              </dl>
            </CardContent>
          </Card>
          {notice.reply ? (
            <Card data-testid="notice-reply">
              <CardHeader>
                <CardTitle>{t("reply")}</CardTitle>
              </CardHeader>
              <CardContent className="text-sm">
                <p className="whitespace-pre-wrap">{notice.reply}</p>
              </CardContent>
            </Card>
          ) : null}
          {notice.state === "SIGNED" && notice.returnReason ? <Alert tone="warning">{`${t("returnReason")}：${notice.returnReason}`}</Alert> : null}
          {notice.state === "ISSUED" && can(user, "notice:sign", target) ? (
            <Card>
              <CardContent className="pt-5">
                <SignNoticeForm noticeId={notice.id} version={notice.version} action={signNoticeAction} />
              </CardContent>
            </Card>
          ) : null}
          {(notice.state === "ISSUED" || notice.state === "SIGNED") && can(user, "notice:reply", target) ? (
            <Card>
              <CardContent className="pt-5">
                <ReplyNoticeForm noticeId={notice.id} version={notice.version} action={replyNoticeAction} />
              </CardContent>
            </Card>
          ) : null}
          {notice.state === "REPLIED" && can(user, "notice:close", target) ? <DecideNoticeForm noticeId={notice.id} version={notice.version} action={decideNoticeAction} /> : null}
        </div>
        <Card className="h-fit">
          <CardHeader>
            <CardTitle>{t("history")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ol className="flex flex-col gap-2 border-l-2 border-border pl-4 text-sm" data-testid="notice-course">
              {course.map(([label, at, by]) => (
                <li key={label} className={at ? "" : "text-muted-foreground"}>
                  <span className="font-medium">{label}</span>
                  <div className="text-xs tabular-nums">{at ? t("by", { name: by ?? "—", date: at }) : "—"}</div>
                </li>
              ))}
            </ol>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
