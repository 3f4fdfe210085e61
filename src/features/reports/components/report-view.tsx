import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { cleanFileName, evidenceFileName } from "@/lib/file-name";
import type { ReportDetail } from "../queries";
import { chinaDateTime } from "@/lib/due";

export const stateTone = { DRAFT: "neutral", AWAITING_HEAD: "warning", SUBMITTED: "primary", RETURNED: "danger", ACCEPTED: "success" } as const;

type Snapshot = {
  progress?: string | null;
  workDone?: string;
  problems?: string;
  nextSteps?: string;
  values?: { indicatorId: string; value: string }[];
  attachments?: { id: string; originalName: string; size?: number }[];
};

/** A report as read by reviewers and other departments, with its version history. */
export async function ReportView({ report, indicators }: { report: ReportDetail; indicators: { id: string; name: string; unit: string }[] }) {
  const [t, tc] = await Promise.all([getTranslations("reports"), getTranslations("common")]);
  const when = (d: Date) => chinaDateTime(d);
  // A 补录's days are days (the real ones); no time of day is known.
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <div className="flex flex-col gap-3 text-sm" data-testid={`report-${report.department.shortName}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={stateTone[report.state]}>{t(`state${report.state}`)}</Badge>
        {report.progress ? <Badge>{t(`progress${report.progress}`)}</Badge> : null}
        {report.entry !== "OWN" ? (
          <Badge tone="warning" data-testid="report-entry">
            {t(`backfill.entry${report.entry}`)}
          </Badge>
        ) : null}
        {report.submittedAt ? (
          <span className="text-xs text-muted-foreground">
            {tc("labelled", { label: t("submittedAt") })}
            {report.entry === "BACKFILL" ? day(report.submittedAt) : when(report.submittedAt)}
          </span>
        ) : null}
        {report.entry === "BACKFILL" && report.reviewedAt ? (
          <span className="text-xs text-muted-foreground">
            {tc("labelled", { label: t("backfill.acceptedOnShort") })}
            {day(report.reviewedAt)}
          </span>
        ) : null}
      </div>
      {report.entry !== "OWN" && report.enteredAt ? (
        <p className="text-xs text-muted-foreground" data-testid="report-entered-by">
          {t(`backfill.enteredBy${report.entry}`, { name: report.enteredBy?.displayName ?? "—", at: when(report.enteredAt) })}
        </p>
      ) : null}
      {report.state === "RETURNED" && report.returnReason ? <Alert tone="danger">{t("returnedNotice", { reason: report.returnReason })}</Alert> : null}
      <dl className="grid gap-2 sm:grid-cols-[8rem_1fr]">
        {(["workDone", "problems", "nextSteps"] as const).map((f) => (
          <div key={f} className="contents">
            <dt className="text-muted-foreground">{t(f)}</dt>
            <dd className="whitespace-pre-wrap">{report[f] || "—"}</dd>
          </div>
        ))}
        {indicators.map((i) => (
          <div key={i.id} className="contents">
            <dt className="text-muted-foreground">{i.name}</dt>
            <dd className="tabular-nums">
              {report.values.find((v) => v.indicatorId === i.id)?.value ?? "—"} {i.unit}
            </dd>
          </div>
        ))}
        <dt className="text-muted-foreground">{t("evidence")}</dt>
        <dd>
          {report.attachments.length ? (
            <ul className="flex flex-col gap-1">
              {report.attachments.map((a) => (
                <li key={a.id}>
                  <a href={`/api/attachments/${a.id}`} className="text-primary hover:underline">
                    {evidenceFileName(a.originalName, a.mimeType)}
                  </a>{" "}
                  <span className="text-xs text-muted-foreground">{Math.ceil(a.size / 1024)} KB</span>
                </li>
              ))}
            </ul>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      <details className="rounded-md border border-border px-3 py-2" data-testid="report-history">
        <summary className="cursor-pointer font-medium">
          {t("history")} ({report.revisions.length})
        </summary>
        {report.revisions.length === 0 ? (
          <p className="py-2 text-muted-foreground">{t("noHistory")}</p>
        ) : (
          <ol className="mt-2 flex flex-col gap-3 border-l-2 border-border pl-4">
            {report.revisions.map((r) => {
              const s = r.snapshot as Snapshot;
              return (
                <li key={r.id}>
                  <p>
                    <span className="font-medium">{t("version", { number: r.number })}</span> · {t(`event${r.event}` as "eventSUBMITTED")} ·{" "}
                    <span className="text-muted-foreground">{r.entry === "BACKFILL" ? day(r.at) : when(r.at)}</span>
                    {r.entry ? (
                      <>
                        {" "}
                        · <Badge tone="warning">{t(`backfill.entry${r.entry}`)}</Badge>{" "}
                        <span className="text-xs text-muted-foreground">{t("backfill.enteredAt", { at: when(r.enteredAt) })}</span>
                      </>
                    ) : null}
                  </p>
                  {r.reason ? <p className="text-destructive">{r.reason}</p> : null}
                  {r.event === "SUBMITTED" ? (
                    // Every field of the version as it was submitted, its indicator values and its evidence, openable.
                    <dl className="mt-1 grid gap-1 text-muted-foreground sm:grid-cols-[7rem_1fr]" data-testid="revision-fields">
                      {s.progress ? (
                        <div className="contents">
                          <dt>{t("progress")}</dt>
                          <dd>{t(`progress${s.progress}` as "progressCOMPLETED")}</dd>
                        </div>
                      ) : null}
                      {(["workDone", "problems", "nextSteps"] as const).map((f) => (
                        <div key={f} className="contents">
                          <dt>{t(f)}</dt>
                          <dd className="whitespace-pre-wrap text-foreground">{s[f] || "—"}</dd>
                        </div>
                      ))}
                      {indicators.map((i) => (
                        <div key={i.id} className="contents">
                          <dt>{i.name}</dt>
                          <dd className="tabular-nums text-foreground">
                            {s.values?.find((v) => v.indicatorId === i.id)?.value ?? "—"} {i.unit}
                          </dd>
                        </div>
                      ))}
                      <dt>{t("evidence")}</dt>
                      <dd>
                        {s.attachments?.length ? (
                          <ul className="flex flex-col gap-0.5">
                            {s.attachments.map((a) => (
                              <li key={a.id}>
                                <a href={`/api/attachments/${a.id}`} className="text-primary hover:underline">
                                  {cleanFileName(a.originalName)}
                                </a>
                              </li>
                            ))}
                          </ul>
                        ) : (
                          "—"
                        )}
                      </dd>
                    </dl>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </details>
    </div>
  );
}
