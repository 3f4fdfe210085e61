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
    // Report forms carry evidence files: up to 10 files of 20 MB (configurable) in one submission.
    serverActions: { bodySizeLimit: "210mb" },
    proxyClientMaxBodySize: "210mb",
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(config);
