import Link from "next/link";
import type { ReactNode } from "react";
import { PrintButton } from "@/components/print-button";

/** Paper: A4 with its own margins, whatever the browser's defaults. Inline styles are allowed by the CSP. */
const PAGE_CSS = `@page report { size: A4; margin: 25mm 22mm; }
.report-sheet { page: report; }
@media print { html, body { background: #fff !important; } }`;

/** A report's print page: no navigation of the app, a way back and a print button on screen only. */
export function PrintFrame({ backHref, backLabel, printLabel, children }: { backHref: string; backLabel: string; printLabel: string; children: ReactNode }) {
  return (
    <div className="min-h-screen bg-gray-200 py-6 print:bg-white print:py-0">
      <style>{PAGE_CSS}</style>
      <div className="mx-auto mb-4 flex max-w-[210mm] items-center justify-between gap-3 px-4 print:hidden">
        <Link href={backHref} className="text-sm text-primary hover:underline">
          ← {backLabel}
        </Link>
        <PrintButton label={printLabel} />
      </div>
      {children}
    </div>
  );
}
