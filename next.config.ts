import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./src/i18n/request.ts");

// Headers that do not depend on the request; the CSP (with its per-request nonce) is set in src/proxy.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // forbidden() answers 403 with src/app/forbidden.tsx.
  experimental: {
    authInterrupts: true,
    // Forms carry text only: evidence files go one by one to /api/evidence-uploads, which streams
    // them to disk and is outside the proxy's matcher. No layer holds a larger body in memory.
    serverActions: { bodySizeLimit: "1mb" },
    proxyClientMaxBodySize: "1mb",
  },
  // Print pages live in the route group src/app/(print), at their view's address + /print; the
  // earlier addresses under /print/ still lead there (decision 033).
  async redirects() {
    return [
      { source: "/print/notices/:noticeId", destination: "/notices/:noticeId/print", permanent: true },
      { source: "/print/plans/:planCode/quarterly", destination: "/plans/:planCode/dashboard/print", permanent: true },
    ];
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);
