"use client";

import { useRef, type ComponentProps } from "react";
import { CalendarDays } from "lucide-react";
import { useTranslations } from "next-intl";
import { Input } from "@/components/ui/form";
import { cn } from "@/lib/cn";

/**
 * A date field written yyyy-mm-dd whatever language the browser speaks (its own date field shows
 * mm/dd/yyyy in English), with a calendar button that opens the browser's picker and writes the
 * chosen day back. The server checks the day in every case (src/lib/input.ts dayInput).
 */
export function DateInput({ className, min, max, defaultValue, ...props }: Omit<ComponentProps<"input">, "type">) {
  const t = useTranslations("common");
  const text = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  function open() {
    const p = picker.current;
    if (!p) return;
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.current?.value ?? "")) p.value = text.current!.value;
    try {
      p.showPicker();
    } catch {
      text.current?.focus();
    }
  }
  return (
    <div className={cn("relative flex items-center gap-1", className)}>
      <Input ref={text} type="text" inputMode="numeric" autoComplete="off" maxLength={10} placeholder={t("datePlaceholder")} defaultValue={defaultValue} {...props} />
      <button
        type="button"
        onClick={open}
        className="inline-flex size-10 shrink-0 items-center justify-center rounded-md border border-input bg-background text-muted-foreground hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
        aria-label={t("pickDate")}
        title={t("pickDate")}
      >
        <CalendarDays className="size-4" aria-hidden />
      </button>
      {/* The browser's picker, anchored under the button; it has no name, so only the text field is sent. */}
      <input
        ref={picker}
        type="date"
        tabIndex={-1}
        aria-hidden
        min={typeof min === "string" ? min : undefined}
        max={typeof max === "string" ? max : undefined}
        className="pointer-events-none absolute bottom-0 right-0 h-px w-px opacity-0"
        onChange={(e) => {
          if (text.current && e.currentTarget.value) text.current.value = e.currentTarget.value;
        }}
      />
    </div>
  );
}
