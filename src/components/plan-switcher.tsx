"use client";

import { usePathname } from "next/navigation";
import { ChevronDown } from "lucide-react";
import { planHref, type PlanView } from "@/lib/plan-urls";
import { cn } from "@/lib/cn";

export interface SwitcherPlan {
  code: string;
  title: string;
  years: string;
  statusLabel: string;
  ended: boolean;
}

/** The plan's part of an address: the view after /plans/<code>, kept when switching (a key task's timeline goes to the other plan's overview). */
function viewOf(pathname: string): { code: string | null; view: PlanView } {
  const match = /^\/plans\/([^/]+)(?:\/(.*))?$/.exec(pathname);
  if (!match) return { code: null, view: "" };
  const rest = match[2] ?? "";
  const view: PlanView = rest === "dashboard" || rest === "dashboard/list" || rest === "dashboard/print" ? rest : "";
  return { code: decodeURIComponent(match[1]), view };
}

/**
 * The header's plan switcher: which plan the page shows, and the same view of each other plan.
 * Plain links in a disclosure, so it works before the page's script has loaded.
 */
export function PlanSwitcher({ plans, label, fallbackView, className }: { plans: SwitcherPlan[]; label: string; fallbackView: PlanView; className?: string }) {
  const pathname = usePathname();
  const { code, view } = viewOf(pathname);
  const current = plans.find((p) => p.code === code) ?? null;
  const target = code ? view : fallbackView;
  return (
    <details className={cn("group relative shrink-0", className)} data-testid="plan-switcher">
      <summary className="flex h-9 cursor-pointer list-none items-center gap-1.5 whitespace-nowrap rounded-md border border-white/25 px-2 text-sm hover:bg-white/10"
        // The name starts with what the button shows (WCAG 2.5.3, label in name), then says what it is for.
        aria-label={current ? `${current.years} ${current.statusLabel} · ${label}` : label}
      >
        <span className="tabular-nums">{current ? current.years : label}</span>
        {current ? <span className={cn("whitespace-nowrap rounded px-1 text-[11px]", current.ended ? "bg-white/20" : "bg-emerald-500/30")}>{current.statusLabel}</span> : null}
        <ChevronDown className="size-4 shrink-0 transition-transform group-open:rotate-180" aria-hidden />
      </summary>
      <ul className="absolute left-0 z-30 mt-2 flex w-80 max-w-[calc(100vw-2rem)] flex-col gap-0.5 rounded-md bg-white p-1.5 text-foreground shadow-lg ring-1 ring-black/10">
        {plans.map((p) => (
          <li key={p.code}>
            <a
              href={planHref(p, target)}
              aria-current={p.code === code ? "page" : undefined}
              className={cn("flex flex-col rounded px-3 py-2 text-sm hover:bg-muted", p.code === code ? "bg-primary/10" : "")}
              data-testid={`switch-to-${p.code}`}
            >
              <span className="font-medium">{p.title}</span>
              <span className="text-xs text-muted-foreground">
                {p.years} · {p.statusLabel}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
