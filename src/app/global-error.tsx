"use client";

import "./globals.css";

// The root layout itself failed, so there are no translations here: both languages, plainly.
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body className="min-h-screen">
        <div data-duban-no-store="" className="mx-auto flex max-w-lg flex-col items-center gap-3 px-4 py-20 text-center">
          <h1 className="text-xl font-semibold">服务暂时不可用 · Service temporarily unavailable</h1>
          <p className="text-sm text-muted-foreground">请稍后重试。Please try again shortly.{error.digest ? ` (${error.digest})` : ""}</p>
          <button onClick={reset} className="rounded-md bg-primary px-4 py-2 text-sm text-white">
            重试 · Retry
          </button>
        </div>
      </body>
    </html>
  );
}
