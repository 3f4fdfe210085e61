import type { Block, ReportDocument } from "../documents";

const cell = "border border-gray-500 px-2 py-1 align-top";

/** A report's table on its own (the evaluation page shows the report's tables of key tasks, indicators and departments). */
export function ReportTable({ block }: { block: Extract<Block, { kind: "table" }> }) {
  return <BlockView block={block} />;
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "title":
      return <h1 className="mb-3 text-center text-2xl font-bold leading-snug">{block.text}</h1>;
    case "subtitle":
      return <p className="mb-6 text-center">{block.text}</p>;
    case "heading1":
      return <h2 className="mb-2 mt-6 text-lg font-bold">{block.text}</h2>;
    case "heading2":
      return <h3 className="mb-1 mt-4 font-bold">{block.text}</h3>;
    case "paragraph":
      return <p className="mb-1.5 indent-8 leading-relaxed">{block.text}</p>;
    case "note":
      return <p className="mt-2 text-sm">{block.text}</p>;
    case "table":
      return (
        <div className="my-2 overflow-x-auto print:overflow-visible">
          <table className="w-full min-w-[36rem] border-collapse text-sm print:min-w-0">
            <thead>
              <tr>
                {block.headers.map((h, i) => (
                  <th key={h} className={`${cell} bg-gray-100 font-bold`} style={block.widths ? { width: `${block.widths[i]}%` } : undefined}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {block.rows.map((row, r) => (
                <tr key={r} className="break-inside-avoid">
                  {row.map((c, i) => (
                    <td key={i} className={`${cell} whitespace-pre-line`}>
                      {c}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** A report (终期评估报告, 年度总结) on screen and on paper: the same blocks the Word document is written from. */
export function ReportView({ doc }: { doc: ReportDocument }) {
  return (
    <article className="report-sheet mx-auto box-border w-full max-w-[210mm] bg-white px-[6%] py-[8%] font-serif text-[15px] text-black shadow print:max-w-none print:p-0 print:shadow-none" data-testid="report-print">
      {doc.blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </article>
  );
}
