import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/**
 * A full-width message page: not found, forbidden, error, outage. A failure is marked
 * `noStore` so that the page cache (src/server/page-cache.ts) never replays it.
 */
export function StatusPage({
  code,
  title,
  message,
  actions,
  homeLabel,
  noStore,
}: {
  code?: string;
  title: string;
  message: string;
  actions?: ReactNode;
  homeLabel: string;
  noStore?: boolean;
}) {
  return (
    <div {...(noStore ? { "data-duban-no-store": "" } : {})} className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-20 text-center">
      {code ? <p className="text-5xl font-bold text-primary/30 tabular-nums">{code}</p> : null}
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="text-sm text-muted-foreground">{message}</p>
      <div className="mt-2 flex gap-2">
        {actions}
        <Button variant="outline" asChild>
          <Link href="/">{homeLabel}</Link>
        </Button>
      </div>
    </div>
  );
}
