import type { MetadataRoute } from "next";

/**
 * The web-app manifest (/manifest.webmanifest): lets a phone add the product to its home screen and
 * open it in a window of its own. In Chinese, the interface's default language; public, like the icons.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "督办 · 行动计划落实督办平台",
    short_name: "督办",
    description: "措施到部门，进度到期限",
    lang: "zh-CN",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#163a75",
    icons: [
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
