"use client";

import { useRef, useState, type ChangeEvent, type ComponentProps } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/cn";

/**
 * A file field whose words are the product's own (「选择文件」, 「未选择文件」), whatever language the
 * browser speaks: the browser's own control is kept for choosing (and for assistive technology and
 * tests, through its label) but drawn by a button and a line of text.
 */
export function FileInput({ className, onChange, showChosen = true, ...props }: Omit<ComponentProps<"input">, "type"> & { showChosen?: boolean }) {
  const t = useTranslations("common");
  const input = useRef<HTMLInputElement>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  function change(event: ChangeEvent<HTMLInputElement>) {
    setChosen([...(event.currentTarget.files ?? [])].map((f) => f.name));
    onChange?.(event);
  }
  return (
    <div className={cn("flex min-w-0 flex-wrap items-center gap-3", className)}>
      <input ref={input} type="file" className="sr-only" onChange={change} {...props} />
      <Button type="button" variant="outline" size="sm" onClick={() => input.current?.click()} disabled={props.disabled}>
        {t("chooseFile")}
      </Button>
      {showChosen ? (
        <span className="min-w-0 break-all text-sm text-muted-foreground" aria-hidden>
          {chosen.length ? chosen.join("、") : t("noFileChosen")}
        </span>
      ) : null}
    </div>
  );
}
