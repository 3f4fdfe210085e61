"use client";

import { useRef, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { FileInput } from "@/components/ui/file-input";

/** One file chosen in the report form, uploaded on its own as soon as it is chosen. */
export interface UploadItem {
  key: string;
  file: File;
  status: "uploading" | "done" | "error";
  percent: number;
  /** The upload reference the save attaches (when done). */
  reference?: string;
  /** The name the server will store (when done). */
  name?: string;
  message?: string;
  /** Failed on the way (network), not refused: worth another try. */
  retryable?: boolean;
}

export const isUploading = (items: UploadItem[]) => items.some((i) => i.status === "uploading");

/**
 * Evidence files of the report form: each selected file is sent alone to
 * /api/evidence-uploads (streamed to disk there), with its progress and, if it is
 * refused, the server's reason beside it. Done files travel with the form as
 * `upload` references; the form itself carries no file.
 */
export function EvidenceUploads({
  periodId,
  measureId,
  items,
  setItems,
  limits,
  existingCount,
}: {
  /** The report's period; or, for a closure application (办结销号), its measure. */
  periodId?: string;
  measureId?: string;
  items: UploadItem[];
  setItems: (update: (items: UploadItem[]) => UploadItem[]) => void;
  limits: { maxMb: number; maxFiles: number };
  existingCount: number;
}) {
  const t = useTranslations("reports");
  // Requests under way, to abort one whose file is removed. Not aborted on unmount: the form
  // remounts when a save changes the version, and the list (held by the editor) goes on.
  const requests = useRef(new Map<string, XMLHttpRequest>());

  const update = (key: string, change: Partial<UploadItem>) => setItems((list) => list.map((i) => (i.key === key ? { ...i, ...change } : i)));

  function upload(key: string, file: File) {
    const xhr = new XMLHttpRequest();
    requests.current.set(key, xhr);
    const target: Record<string, string> = measureId ? { measureId } : { periodId: periodId ?? "" };
    xhr.open("POST", `/api/evidence-uploads?${new URLSearchParams({ ...target, name: file.name })}`);
    xhr.setRequestHeader("Content-Type", "application/octet-stream");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) update(key, { percent: Math.min(99, Math.floor((e.loaded / e.total) * 100)) });
    };
    xhr.onload = () => {
      requests.current.delete(key);
      let body: { reference?: string; name?: string; message?: string } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not our JSON (a proxy's error page): the generic message below.
      }
      if (xhr.status === 201 && body.reference) update(key, { status: "done", percent: 100, reference: body.reference, name: body.name });
      else update(key, { status: "error", retryable: !body.message || xhr.status >= 500, message: body.message ?? t("uploadFailed", { name: file.name }) });
    };
    xhr.onerror = () => {
      requests.current.delete(key);
      update(key, { status: "error", retryable: true, message: t("uploadFailed", { name: file.name }) });
    };
    xhr.send(file);
  }

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = [...(event.currentTarget.files ?? [])];
    event.currentTarget.value = "";
    let count = existingCount + items.filter((i) => i.status !== "error").length;
    const added: UploadItem[] = chosen.map((file) => {
      const key = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
      const item: UploadItem = { key, file, status: "uploading", percent: 0 };
      if (file.size > limits.maxMb * 1024 * 1024) return { ...item, status: "error", message: t("fileSize", { name: file.name, maxMb: limits.maxMb }) };
      if (file.size === 0) return { ...item, status: "error", message: t("fileEmpty", { name: file.name }) };
      if (++count > limits.maxFiles) return { ...item, status: "error", message: t("tooManyFiles", { max: limits.maxFiles }) };
      return item;
    });
    setItems((list) => [...list, ...added]);
    for (const item of added) if (item.status === "uploading") upload(item.key, item.file);
  }

  function remove(key: string) {
    requests.current.get(key)?.abort();
    requests.current.delete(key);
    setItems((list) => list.filter((i) => i.key !== key));
  }

  function retry(item: UploadItem) {
    update(item.key, { status: "uploading", percent: 0, message: undefined, retryable: false });
    upload(item.key, item.file);
  }

  return (
    <>
      {/* The chosen files are listed below with their progress: no line of names beside the button. */}
      <FileInput multiple accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx" aria-label={t("evidence")} aria-describedby="files-hint" onChange={choose} showChosen={false} />
      {items.length ? (
        <ul className="flex flex-col gap-2 text-sm" data-testid="evidence-uploads">
          {items.map((item) => (
            <li key={item.key} className="flex flex-col gap-1" data-testid="evidence-upload">
              <div className="flex flex-wrap items-center gap-3">
                <span className="break-all">{item.name ?? item.file.name}</span>
                {item.status === "uploading" ? (
                  <>
                    <progress max={100} value={item.percent} className="h-2 w-32" aria-label={t("uploading", { percent: item.percent })} />
                    <span className="text-xs text-muted-foreground">{t("uploading", { percent: item.percent })}</span>
                  </>
                ) : item.status === "done" ? (
                  <>
                    <input type="hidden" name="upload" value={item.reference} />
                    <span className="text-xs text-emerald-700">{t("uploaded")}</span>
                  </>
                ) : null}
                {item.status === "error" && item.retryable ? (
                  <Button type="button" variant="outline" size="sm" onClick={() => retry(item)}>
                    {t("uploadRetry")}
                  </Button>
                ) : null}
                <Button type="button" variant="ghost" size="sm" onClick={() => remove(item.key)}>
                  {t("uploadRemove")}
                </Button>
              </div>
              {item.status === "error" ? (
                <p role="alert" className="text-xs text-destructive">
                  {item.message}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
