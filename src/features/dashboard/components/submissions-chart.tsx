"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * Reports submitted per quarter, as bars; a bar opens the list of its submissions. The page
 * carries the same figures, as links, in a table for screen readers, shown when a keyboard reaches it.
 */
export function SubmissionsChart({ data, label, hrefPrefix }: { data: { quarter: string; quarterLabel: string; count: number }[]; label: string; hrefPrefix: string }) {
  const router = useRouter();
  return (
    <div role="img" aria-label={label} className="h-64 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="quarterLabel" tick={{ fontSize: 11 }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Bar
            dataKey="count"
            name={label}
            fill="#1f4e9c"
            radius={[3, 3, 0, 0]}
            isAnimationActive={false}
            cursor="pointer"
            onClick={(_entry, index) => {
              const bar = data[index];
              if (bar) router.push(`${hrefPrefix}&quarter=${bar.quarter}`);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
