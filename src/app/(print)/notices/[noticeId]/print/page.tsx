import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { PrintButton } from "@/components/print-button";
import { getNotice } from "@/features/notices/queries";
import { requireUser } from "@/server/auth";

/** Paper: one A4 sheet with its own margins, whatever the browser's defaults. Inline styles are allowed by the CSP. */
const PAGE_CSS = `@page notice { size: A4; margin: 20mm 22mm; }
.notice-sheet { page: notice; }
@media print { html, body { background: #fff !important; } }`;

const colourText = { BLUE: "text-blue-700 border-blue-700", YELLOW: "text-amber-600 border-amber-600", RED: "text-red-700 border-red-700" } as const;

/** A 督办单 as it is printed and filed (/notices/<id>/print): no navigation of the app, a print button on screen only. */
export default async function NoticePrintPage({ params }: { params: Promise<{ noticeId: string }> }) {
  const user = await requireUser();
  const { noticeId } = await params;
  const [t, format, locale] = await Promise.all([getTranslations("notices"), getFormatter(), getLocale()]);
  const notice = await getNotice(user, noticeId, locale);
  if (!notice) notFound();
  const day = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", timeZone: "Asia/Shanghai" });
  const answered = notice.state === "REPLIED" || notice.state === "CLOSED";
  // The red heading is letter-spaced the Chinese way; spaced out, English words fall apart.
  const spaced = locale !== "en";
  return (
    <div className="min-h-screen bg-gray-200 py-6 print:bg-white print:py-0">
      <style>{PAGE_CSS}</style>
      <div className="mx-auto mb-4 flex max-w-[210mm] items-center justify-between gap-3 px-4 print:hidden">
        <Link href={`/notices/${notice.id}`} className="text-sm text-primary hover:underline">
          ← {t("back")}
        </Link>
        <PrintButton label={t("print")} />
      </div>
      <article
        className="notice-sheet mx-auto box-border w-full max-w-[210mm] bg-white px-[8%] py-[10%] font-serif text-[15px] leading-relaxed text-black shadow print:max-w-none print:p-0 print:shadow-none sm:min-h-[297mm]"
        data-testid="notice-print"
      >
        <header className="border-b-2 border-red-700 pb-3 text-center">
          <p className={`text-2xl font-bold text-red-700 sm:text-3xl ${spaced ? "tracking-[0.3em]" : ""}`}>{t("issuer")}</p>
          <p className={`mt-3 text-3xl font-bold text-red-700 sm:text-4xl ${spaced ? "tracking-[0.6em]" : ""}`}>{t(`kind${notice.colour}`)}</p>
        </header>
        <div className="mt-3 flex items-center justify-between gap-2 text-sm">
          <span className={`rounded border-2 px-2 py-0.5 font-bold ${colourText[notice.shownColour]}`} data-testid="print-colour">
            {t(`colourLong${notice.shownColour}`)}
          </span>
          <span className="font-semibold tabular-nums" data-testid="print-number">
            {notice.number}
          </span>
        </div>
        <p className="mt-8 font-bold">{t("printTo", { department: notice.department.fullName ?? notice.department.shortName })}</p>
        <p className="mt-3 indent-8 whitespace-pre-wrap">{notice.text}</p>
        <p className="mt-3 indent-8">
          {t("printMeasure", { number: notice.measureNumber, text: notice.measure.currentText ?? notice.measure.text })}
          {notice.period ? t("printPeriod", { label: t("period"), period: notice.period }) : ""}
        </p>
        <p className="mt-3 indent-8 font-semibold">{t("printLimit", { date: notice.dueDate })}</p>
        <div className="mt-12 text-right">
          <p>{t("issuer")}</p>
          <p className="tabular-nums">{t("printDate", { date: day(notice.issuedAt) })}</p>
        </div>
        <div className="mt-10 border-t border-dashed border-gray-500 pt-4 text-sm">
          <p>{notice.signedAt ? t("printSigned", { name: notice.signedBy ?? "", date: day(notice.signedAt) }) : t("printNotSigned")}</p>
          {answered && notice.reply ? (
            <div className="mt-3">
              <p className="font-bold">{t("printReply", { label: t("reply") })}</p>
              <p className="mt-1 indent-8 whitespace-pre-wrap">{notice.reply}</p>
            </div>
          ) : null}
        </div>
      </article>
    </div>
  );
}
