import type { NoticeColour } from "@/lib/notices";
import { cn } from "@/lib/cn";

const swatch: Record<NoticeColour, string> = {
  BLUE: "bg-blue-100 text-blue-900 ring-blue-300",
  YELLOW: "bg-amber-100 text-amber-900 ring-amber-300",
  RED: "bg-red-100 text-red-800 ring-red-300",
};

/** A notice's colour as a small label; `label` is its word in the reader's language (蓝 / 黄 / 红). */
export function NoticeColourBadge({ colour, label, className }: { colour: NoticeColour; label: string; className?: string }) {
  return (
    <span className={cn("inline-flex items-center gap-1 rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ring-1", swatch[colour], className)} data-colour={colour}>
      <span aria-hidden className={cn("size-2 rounded-full", colour === "BLUE" ? "bg-blue-600" : colour === "YELLOW" ? "bg-amber-500" : "bg-red-600")} />
      {label}
    </span>
  );
}
