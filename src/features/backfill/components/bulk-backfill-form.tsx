"use client";

import { useState, useTransition, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/form";
import { FileInput } from "@/components/ui/file-input";

interface PreviewRow {
  line: number;
  measure: string;
  department: string;
  period: string;
  submittedOn: string;
  acceptedOn: string;
  progress: string;
  ok: boolean;
  problems: string[];
}

type Message = { ok: boolean; text: string } | null;

/**
 * Bulk 补录: download the template, upload the filled sheet for a preview (every row matched, or
 * its problems by row and column), then confirm. The same file goes again with the confirmation;
 * the server checks every row again and writes all of them in one transaction, or none.
 */
export function BulkBackfillForm({ planCode }: { planCode: string }) {
  const t = useTranslations("reports");
  const te = useTranslations("errors");
  const [file, setFile] = useState<File | null>(null);
  const [rows, setRows] = useState<PreviewRow[] | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();

  const send = (mode: "preview" | "import") =>
    fetch(`/api/admin/backfill?${new URLSearchParams({ plan: planCode, mode })}`, {
      method: "POST",
      headers: { "Content-Type": "application/octet-stream" },
      body: file,
    })
      .then(async (response) => ({ ok: response.ok, body: (await response.json().catch(() => null)) as { message?: string; rows?: PreviewRow[]; ready?: number } | null }))
      .catch(() => ({ ok: false, body: null }));

  function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setMessage({ ok: false, text: t("backfill.fileMissing") });
      return;
    }
    startTransition(async () => {
      setMessage(null);
      setDone(false);
      const { ok, body } = await send("preview");
      if (!ok || !body?.rows) {
        setRows(null);
        setMessage({ ok: false, text: body?.message ?? te("generic") });
        return;
      }
      setRows(body.rows);
      const bad = body.rows.filter((r) => !r.ok).length;
      setMessage(bad ? { ok: false, text: t("backfill.hasProblems", { count: bad }) } : { ok: true, text: t("backfill.previewReady", { total: body.rows.length, ready: body.ready ?? 0 }) });
    });
  }

  function confirm() {
    startTransition(async () => {
      const { ok, body } = await send("import");
      setMessage({ ok, text: body?.message ?? te("generic") });
      if (ok) setDone(true);
    });
  }

  const ready = rows?.length && rows.every((r) => r.ok) && !done;
  return (
    <div className="flex flex-col gap-4">
      <div>
        <a href="/api/admin/backfill" className="text-sm text-primary hover:underline" download data-testid="backfill-template">
          {t("backfill.downloadTemplate")}
        </a>
      </div>
      <form onSubmit={preview} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex min-w-0 flex-col gap-1">
          <Label htmlFor="backfill-file">{t("backfill.fileLabel")}</Label>
          <FileInput
            id="backfill-file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setRows(null);
              setDone(false);
            }}
          />
        </div>
        <Button type="submit" variant="outline" disabled={pending}>
          {t("backfill.preview")}
        </Button>
      </form>
      {message ? (
        <Alert tone={message.ok ? "success" : "danger"} role="status" data-testid="backfill-message">
          {message.text}
        </Alert>
      ) : null}
      {rows ? (
        <>
          {/* A phone reads one card per row, its problems in full; wider screens get the table. */}
          <ul className="flex flex-col gap-2 sm:hidden" data-testid="backfill-preview-cards">
            {rows.map((r) => (
              <li key={r.line} className="rounded-md border border-border p-3 text-sm">
                <p className="font-medium">
                  {t("backfill.colRow")} {r.line} · {r.measure} · {r.department}
                </p>
                <p className="text-muted-foreground">
                  {r.period} · {t("backfill.colSubmittedOn")} <span className="tabular-nums">{r.submittedOn}</span> · {t("backfill.colAcceptedOn")}{" "}
                  <span className="tabular-nums">{r.acceptedOn}</span> · {r.progress}
                </p>
                <ResultCell row={r} okLabel={t(done ? "backfill.rowDone" : "backfill.rowOk")} />
              </li>
            ))}
          </ul>
          <div className="hidden overflow-x-auto sm:block">
            <table className="w-full text-sm" data-testid="backfill-preview">
              <thead>
                <tr className="border-b border-border text-left text-muted-foreground">
                  {(["colRow", "colMeasure", "colDepartment", "colPeriod", "colSubmittedOn", "colAcceptedOn", "colProgress", "colResult"] as const).map((c) => (
                    <th key={c} className="whitespace-nowrap px-2 py-2 font-medium">
                      {t(`backfill.${c}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.line} className="border-b border-border align-top">
                    <td className="px-2 py-2 tabular-nums">{r.line}</td>
                    <td className="whitespace-nowrap px-2 py-2">{r.measure}</td>
                    <td className="whitespace-nowrap px-2 py-2">{r.department}</td>
                    <td className="whitespace-nowrap px-2 py-2">{r.period}</td>
                    <td className="whitespace-nowrap px-2 py-2 tabular-nums">{r.submittedOn}</td>
                    <td className="whitespace-nowrap px-2 py-2 tabular-nums">{r.acceptedOn}</td>
                    <td className="whitespace-nowrap px-2 py-2">{r.progress}</td>
                    <td className="min-w-64 px-2 py-2">
                      <ResultCell row={r} okLabel={t(done ? "backfill.rowDone" : "backfill.rowOk")} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
      {ready ? (
        <div>
          <Button type="button" onClick={confirm} disabled={pending} data-testid="backfill-confirm">
            {t("backfill.confirm", { count: rows.length })}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** A row's check: ready, or each problem (row and column named) in full. */
function ResultCell({ row, okLabel }: { row: PreviewRow; okLabel: string }) {
  return row.ok ? (
    <Badge tone="success">{okLabel}</Badge>
  ) : (
    <ul className="flex flex-col gap-1 text-destructive">
      {row.problems.map((p) => (
        <li key={p}>{p}</li>
      ))}
    </ul>
  );
}
