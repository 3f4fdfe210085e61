"use client";

import { useState, useTransition, type FormEvent } from "react";
import Link from "next/link";
import { planHref } from "@/lib/plan-urls";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, Input, Label } from "@/components/ui/form";
import { initialActionState } from "@/lib/action-state";
import { importPlanAction, previewPlanImportAction } from "../actions";
import { MAX_ACTION_TEXT } from "../schemas";
import type { PlanPreview, PreviewMeasure } from "../preview";
import type { TableRow } from "../table";
import { FileInput } from "@/components/ui/file-input";

interface Meta {
  code: string;
  title: string;
  issuer: string;
  startYear: string;
  endYear: string;
}

type Message = { ok: boolean; text: string } | null;

const textarea =
  "w-full rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring";

/** Upload or paste a key-task table, check and correct the preview, confirm the import. */
export function PlanImportForm({ defaultYear }: { defaultYear: number }) {
  const t = useTranslations("admin.planImport");
  const te = useTranslations("errors");
  const [meta, setMeta] = useState<Meta>({ code: "", title: "", issuer: "", startYear: String(defaultYear), endYear: String(defaultYear + 4) });
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState("");
  const [rows, setRows] = useState<TableRow[]>([]);
  const [preview, setPreview] = useState<PlanPreview | null>(null);
  const [dropped, setDropped] = useState(0);
  const [editing, setEditing] = useState<number | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [imported, setImported] = useState<{ code: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const set = (key: keyof Meta) => (e: { target: { value: string } }) => setMeta((m) => ({ ...m, [key]: e.target.value }));

  function show(next: { rows: TableRow[]; preview: PlanPreview }) {
    setRows(next.rows);
    setPreview(next.preview);
    setEditing(null);
  }

  function upload(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) {
      setMessage({ ok: false, text: t("fileMissing") });
      return;
    }
    startTransition(async () => {
      setMessage(null);
      const query = new URLSearchParams({ name: file.name, startYear: meta.startYear, endYear: meta.endYear });
      const response = await fetch(`/api/admin/plans/import?${query}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: file,
      }).catch(() => null);
      const body = (await response?.json().catch(() => null)) as { message?: string; rows?: TableRow[]; preview?: PlanPreview } | null;
      if (!response?.ok || !body?.rows || !body.preview) {
        setMessage({ ok: false, text: body?.message ?? te("generic") });
        return;
      }
      setDropped(0);
      show({ rows: body.rows, preview: body.preview });
      setMessage({ ok: true, text: t("previewReady") });
    });
  }

  /** Calls a server action; a text over the actions' size limit is refused here, and a failed call says so. */
  async function call<S extends { ok: boolean; message: string | null }>(text: string, run: () => Promise<S>): Promise<S | null> {
    if (text.length > MAX_ACTION_TEXT) {
      setMessage({ ok: false, text: t("tooLarge") });
      return null;
    }
    try {
      const state = await run();
      setMessage(state.message ? { ok: state.ok, text: state.message } : null);
      return state;
    } catch {
      setMessage({ ok: false, text: te("generic") });
      return null;
    }
  }

  function reparse(next: TableRow[], fromPaste = false) {
    startTransition(async () => {
      const data = new FormData();
      data.set("startYear", meta.startYear);
      data.set("endYear", meta.endYear);
      const text = fromPaste ? pasted : JSON.stringify(next);
      data.set(fromPaste ? "pasted" : "rows", text);
      const state = await call(text, () => previewPlanImportAction(initialActionState, data));
      if (state?.ok && state.result) show(state.result);
    });
  }

  function confirm() {
    startTransition(async () => {
      const data = new FormData();
      for (const [k, v] of Object.entries(meta)) data.set(k, v);
      const text = JSON.stringify(rows);
      data.set("rows", text);
      const state = await call(text, () => importPlanAction(initialActionState, data));
      setFieldErrors(state?.fieldErrors ?? {});
      if (state?.ok && state.result) setImported({ code: state.result.code });
    });
  }

  const measures: PreviewMeasure[] = preview?.tasks.flatMap((task) => task.measures) ?? [];
  const titleOf = (taskNumber: number) => preview?.tasks.find((x) => x.number === taskNumber)?.title ?? "";

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>{t("startImport")}</CardTitle>
        </CardHeader>
        <CardContent className="flex flex-col gap-5">
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <div className="flex flex-col gap-1.5 lg:col-span-2">
              <Label htmlFor="plan-title">{t("planTitle")}</Label>
              <Input id="plan-title" name="title" value={meta.title} onChange={set("title")} aria-invalid={Boolean(fieldErrors.title)} aria-describedby="plan-title-error" />
              <FieldError id="plan-title-error" messages={fieldErrors.title} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="plan-code">{t("code")}</Label>
              <Input id="plan-code" name="code" value={meta.code} onChange={set("code")} aria-invalid={Boolean(fieldErrors.code)} aria-describedby="plan-code-hint plan-code-error" />
              <p id="plan-code-hint" className="text-xs text-muted-foreground">
                {t("codeHint")}
              </p>
              <FieldError id="plan-code-error" messages={fieldErrors.code} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="plan-start">{t("startYear")}</Label>
              <Input id="plan-start" name="startYear" inputMode="numeric" value={meta.startYear} onChange={set("startYear")} aria-invalid={Boolean(fieldErrors.startYear)} />
              <FieldError id="plan-start-error" messages={fieldErrors.startYear} />
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="plan-end">{t("endYear")}</Label>
              <Input id="plan-end" name="endYear" inputMode="numeric" value={meta.endYear} onChange={set("endYear")} aria-invalid={Boolean(fieldErrors.endYear)} aria-describedby="plan-end-error" />
              <FieldError id="plan-end-error" messages={fieldErrors.endYear} />
            </div>
            <div className="flex flex-col gap-1.5 lg:col-span-2">
              <Label htmlFor="plan-issuer">{t("issuer")}</Label>
              <Input id="plan-issuer" name="issuer" value={meta.issuer} onChange={set("issuer")} />
            </div>
          </div>

          <form onSubmit={upload} className="flex flex-col gap-2" noValidate>
            <Label htmlFor="plan-file">{t("file")}</Label>
            <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
              <FileInput id="plan-file" accept=".xlsx,.csv,.docx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-describedby="plan-file-hint" />
              <Button type="submit" disabled={pending}>
                {pending ? t("reading") : t("upload")}
              </Button>
            </div>
            <p id="plan-file-hint" className="text-xs text-muted-foreground">
              {t("fileHint")}
            </p>
          </form>

          <details className="rounded-md border border-border px-3 py-2">
            <summary className="cursor-pointer text-sm font-medium">{t("orPaste")}</summary>
            <div className="mt-2 flex flex-col gap-2">
              <p className="text-xs text-muted-foreground">{t("pasteHint")}</p>
              <textarea aria-label={t("orPaste")} className={textarea} rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} />
              <div>
                <Button type="button" variant="outline" disabled={pending || pasted.trim() === ""} onClick={() => reparse([], true)}>
                  {t("parsePasted")}
                </Button>
              </div>
            </div>
          </details>

          {message ? (
            <Alert tone={message.ok ? "success" : "danger"} role={message.ok ? "status" : "alert"} data-testid="import-message">
              {message.text}
              {imported ? (
                <>
                  {" "}
                  <Link href={planHref({ code: imported.code })} className="font-medium underline">
                    {t("openPlan")}
                  </Link>
                </>
              ) : null}
            </Alert>
          ) : null}
        </CardContent>
      </Card>

      {preview && !imported ? (
        <Card data-testid="import-preview">
          <CardHeader>
            <CardTitle>{t("previewTitle")}</CardTitle>
            <p className="text-sm text-muted-foreground">
              {t("previewSummary", { tasks: preview.tasks.length, measures: preview.measureCount, notices: preview.noticeCount })}
              {dropped ? ` · ${t("dropped", { count: dropped })}` : ""}
            </p>
            {preview.newDepartments.length ? <Alert tone="warning">{t("newDepartments", { names: preview.newDepartments.join("、") })}</Alert> : null}
          </CardHeader>
          <CardContent className="flex flex-col gap-3">
            <ol className="flex flex-col gap-3">
              {measures.map((m, index) => (
                <li key={`${m.line}-${index}`} className="rounded-md border border-border p-3" data-testid="preview-row">
                  {editing === index ? (
                    <RowEditor
                      row={rows[index]}
                      pending={pending}
                      onCancel={() => setEditing(null)}
                      onSave={(row) => reparse(rows.map((r, i) => (i === index ? row : r)))}
                    />
                  ) : (
                    <MeasureView measure={m} taskTitle={titleOf(m.taskNumber)} />
                  )}
                  {editing === index ? null : (
                    <div className="mt-2 flex flex-wrap gap-2">
                      <Button type="button" size="sm" variant="outline" onClick={() => setEditing(index)} disabled={pending}>
                        {t("edit")}
                      </Button>
                      <Button
                        type="button"
                        size="sm"
                        variant="ghost"
                        disabled={pending || rows.length <= 1}
                        onClick={() => {
                          setDropped((d) => d + 1);
                          reparse(rows.filter((_, i) => i !== index));
                        }}
                      >
                        {t("drop")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ol>
            <div>
              <Button type="button" onClick={confirm} disabled={pending || editing !== null}>
                {pending ? t("importing") : t("confirm")}
              </Button>
            </div>
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}

const sign = (comparison: string) => (comparison === "GTE" ? "≥" : comparison === "LTE" ? "≤" : "=");

/** The checkpoints of a preview row, the first three and how many more. */
const checkpointList = (days: string[]) => (days.length > 3 ? `${days.slice(0, 3).join("、")}…` : days.join("、"));

/** An indicator of the preview in words: 「覆盖率 ≥ 90%」, or a trend 「职业病发生率 降低 ≥ 10%（基线 1.25）」. */
function indicatorText(i: PreviewMeasure["indicators"][number], t: ReturnType<typeof useTranslations<"admin.planImport">>): string {
  if (!i.direction) return `${i.name} ${sign(i.comparison)} ${i.target}${i.unit}`;
  const change = i.target === null ? "" : ` ${sign(i.comparison)} ${i.target}%`;
  const baseline = i.baseline === null ? t("noBaseline") : t("baseline", { value: i.baseline });
  return `${i.name} ${t(i.direction === "DECREASE" ? "trendDecrease" : "trendIncrease")}${change}（${baseline}）`;
}

function MeasureView({ measure: m, taskTitle }: { measure: PreviewMeasure; taskTitle: string }) {
  const t = useTranslations("admin.planImport");
  const ta = useTranslations("admin");
  const s = m.schedule;
  return (
    <div className="flex flex-col gap-1.5 text-sm">
      <div className="flex flex-wrap items-baseline gap-x-2 text-xs text-muted-foreground">
        <span>{t("row", { line: m.line })}</span>
        <span className="font-medium text-foreground">
          {m.taskNumber}.{m.number}
        </span>
        <span>{taskTitle}</span>
      </div>
      <p className="leading-relaxed">{m.text}</p>
      <div className="flex flex-wrap items-center gap-1.5">
        <span className="text-xs text-muted-foreground">{t("departments")}</span>
        {m.departments.map((d) => (
          <Badge key={d.shortName} tone={d.isNew ? "warning" : d.lead || d.jointLead ? "primary" : "neutral"}>
            {d.shortName}
            {d.lead ? `（${t("lead")}）` : d.jointLead ? `（${t("jointLead")}）` : ""}
            {d.isNew ? `·${t("newDepartment")}` : ""}
          </Badge>
        ))}
      </div>
      <div className="text-xs">
        <span className="text-muted-foreground">{t("timeArrangement")}</span> {m.timeArrangement || "—"}
        {s ? (
          <span className="ml-2 text-muted-foreground">
            → {t(`scheduleKind.${s.kind}`)}
            {s.deadline ? `，${t("dueOn", { date: s.deadline })}` : ""}
            {s.dueDates.length > 1 ? `，${t("dueDates", { count: s.dueDates.length, first: s.dueDates[0] })}` : ""}
            {s.deliverable ? `（${s.deliverable}）` : ""}
          </span>
        ) : null}
      </div>
      <div className="text-xs" data-testid="preview-cadence">
        <span className="text-muted-foreground">{t("reporting")}</span>{" "}
        {m.reporting.cadence ? ta(`cadence${m.reporting.cadence}`) : ta("cadencePlan", { cadence: ta("cadenceQUARTERLY") })}
        {m.reporting.checkpoints.length ? `，${t("checkpoints", { count: m.reporting.checkpoints.length, list: checkpointList(m.reporting.checkpoints) })}` : ""}
        {m.notices.some((n) => n.code === "beforePlanStart") ? `，${t("awaitsConfirmation")}` : ""}
      </div>
      {m.indicators.length ? (
        <div className="text-xs" data-testid="preview-indicators">
          <span className="text-muted-foreground">{t("indicators")}</span> {m.indicators.map((i) => indicatorText(i, t)).join("；")}
        </div>
      ) : null}
      {m.notices.length ? (
        <ul className="flex flex-col gap-1" data-testid="preview-notices">
          {m.notices.map((n, i) => (
            <li key={i} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-900">
              {t(`notice.${n.code}`, { detail: n.detail ?? "" })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function RowEditor({ row, pending, onSave, onCancel }: { row: TableRow; pending: boolean; onSave: (row: TableRow) => void; onCancel: () => void }) {
  const t = useTranslations("admin.planImport");
  const [draft, setDraft] = useState(row);
  const id = `row-${row.line}`;
  return (
    <div className="flex flex-col gap-2 text-sm">
      <Label htmlFor={`${id}-text`}>{t("measure")}</Label>
      <textarea id={`${id}-text`} className={textarea} rows={3} value={draft.text} onChange={(e) => setDraft({ ...draft, text: e.target.value })} />
      <div className="grid gap-2 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-departments`}>{t("departments")}</Label>
          <Input id={`${id}-departments`} value={draft.departmentsText} onChange={(e) => setDraft({ ...draft, departmentsText: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-time`}>{t("timeArrangement")}</Label>
          <Input id={`${id}-time`} value={draft.timeArrangement} onChange={(e) => setDraft({ ...draft, timeArrangement: e.target.value })} />
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-joint`}>{t("jointLead")}</Label>
          <Input
            id={`${id}-joint`}
            value={draft.jointLeadsText ?? ""}
            placeholder={t("jointLeadsPlaceholder")}
            aria-describedby={`${id}-joint-hint`}
            onChange={(e) => setDraft({ ...draft, jointLeadsText: e.target.value })}
          />
          <p id={`${id}-joint-hint`} className="text-xs text-muted-foreground">
            {t("jointLeadsHint")}
          </p>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor={`${id}-baselines`}>{t("baselines")}</Label>
          <Input
            id={`${id}-baselines`}
            value={draft.baselinesText ?? ""}
            placeholder={t("baselinesPlaceholder")}
            onChange={(e) => setDraft({ ...draft, baselinesText: e.target.value })}
          />
        </div>
      </div>
      <div className="flex gap-2">
        <Button type="button" size="sm" disabled={pending} onClick={() => onSave(draft)}>
          {t("reparse")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>
          {t("cancelEdit")}
        </Button>
      </div>
    </div>
  );
}
