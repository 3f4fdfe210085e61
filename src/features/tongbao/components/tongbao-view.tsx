import type { Tongbao } from "../content";

const cell = "border border-gray-500 px-1.5 py-0.5 align-top";

/** The 通报 on paper: the heading lines, then each section with its paper tables and notes. Lays out `buildTongbao`'s content; counts nothing. */
export function TongbaoView({ tongbao: t }: { tongbao: Tongbao }) {
  return (
    <article className="tongbao-sheet mx-auto box-border w-full max-w-[210mm] bg-white px-[6%] py-[8%] font-serif text-[14px] leading-relaxed text-black shadow print:max-w-none print:p-0 print:shadow-none" data-testid="tongbao">
      <header className="text-center">
        <h1 className="text-xl font-bold sm:text-2xl" data-testid="tongbao-title">
          {t.title}
        </h1>
        <p className="mt-2" data-testid="tongbao-quarter">
          {t.subtitle}
        </p>
        <p className="mt-1" data-testid="tongbao-issuer">
          {t.issuer}
        </p>
        <p className="mt-1 text-xs text-gray-700" data-testid="tongbao-dates">
          {t.dates}
        </p>
        {t.shareNote ? <p className="mt-1 text-xs">{t.shareNote}</p> : null}
      </header>
      {t.sections.map((s) => (
        <section key={s.heading} className="mt-5">
          <h2 className="mb-2 font-sans text-base font-bold">{s.heading}</h2>
          {s.paragraphs.map((p, i) => (
            <p key={i} className="mb-2 indent-8">
              {p}
            </p>
          ))}
          {s.tables
            .filter((tb) => tb.paper)
            .map((tb) => (
              <figure key={tb.key} className="mb-3 overflow-x-auto" data-testid={`table-${tb.key}`}>
                <figcaption className="mb-1 text-center text-[13px] font-semibold">{tb.caption}</figcaption>
                <table className="w-full min-w-[38rem] table-fixed border-collapse text-[12px] leading-snug print:min-w-0">
                  <colgroup>
                    {tb.columns.map((c) => (
                      <col key={c.header} style={{ width: `${c.share}%` }} />
                    ))}
                  </colgroup>
                  <thead>
                    <tr>
                      {tb.columns.map((c) => (
                        <th key={c.header} className={`${cell} bg-gray-100 font-sans font-semibold [overflow-wrap:anywhere]`}>
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {tb.rows.map((row, r) => (
                      <tr key={r} className="break-inside-avoid">
                        {row.map((v, c) => (
                          <td key={c} className={tb.columns[c]?.text ? `${cell} text-left` : cell}>
                            {v ?? "—"}
                          </td>
                        ))}
                      </tr>
                    ))}
                    {tb.total ? (
                      <tr className="break-inside-avoid font-semibold" data-testid="total-row">
                        {tb.total.map((v, c) => (
                          <td key={c} className={cell}>
                            {v ?? ""}
                          </td>
                        ))}
                      </tr>
                    ) : null}
                  </tbody>
                </table>
                {tb.notes.map((n, i) => (
                  <p key={i} className="mt-1 text-[12px] leading-snug">
                    {n}
                  </p>
                ))}
              </figure>
            ))}
          {s.notes.map((n, i) => (
            <p key={i} className="mt-1 text-[12px] leading-snug" data-testid="section-note">
              {n}
            </p>
          ))}
        </section>
      ))}
    </article>
  );
}
