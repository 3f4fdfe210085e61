"use client";

import { useLocale, useTranslations } from "next-intl";
import { quarterKeyLabel } from "@/lib/periods";

/** A cell's colour band (classes in globals.css). */
function heatClass(pct: number | null): string {
  if (pct === null) return "heat heat-none";
  if (pct >= 90) return "heat heat-90";
  if (pct >= 60) return "heat heat-60";
  if (pct >= 30) return "heat heat-30";
  return "heat heat-0";
}

/**
 * Departments × quarters: the share of each department's begun quarterly periods that were
 * accepted, each figure a link to the periods behind it. A client component so that the page
 * carries the grid as a few numbers per row rather than as hundreds of rendered cells twice over.
 */
export function HeatMap({
  quarters,
  rows,
  hrefPrefix,
}: {
  quarters: string[];
  rows: { id: string; name: string; cells: (number | null)[] }[];
  /** The list address without department and quarter. */
  hrefPrefix: string;
}) {
  const t = useTranslations("dashboard");
  const locale = useLocale();
  return (
    <table className="border-separate border-spacing-0.5 text-xs" data-testid="heatmap">
      <thead>
        <tr>
          <th className="px-2 text-left">{t("colDepartment")}</th>
          {quarters.map((q) => (
            <th key={q} scope="col" className="px-1 font-normal text-muted-foreground">
              {quarterKeyLabel(q, locale).year}
              <br />
              {quarterKeyLabel(q, locale).quarter}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="whitespace-nowrap px-2 text-left font-normal">
              {row.name}
            </th>
            {row.cells.map((v, i) => (
              <td key={quarters[i]} className={heatClass(v)}>
                {v === null ? null : (
                  <a href={`${hrefPrefix}&dept=${encodeURIComponent(row.id)}&quarter=${quarters[i]}`}>
                    {v}
                  </a>
                )}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
