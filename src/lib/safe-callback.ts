/**
 * Where a sign-in may send the browser afterwards: a path on this site, never
 * another origin. One rule for the sign-in page, the sign-in form and next-auth's
 * redirect callback.
 *
 * Browsers drop tabs and line breaks inside a URL and read "\" as "/", so
 * "/\t/evil.example" or "/\\evil.example" become "//evil.example", another
 * origin. Rather than guess every browser's repairs, anything that is not a
 * plain path is refused: control characters, backslashes, "//" anywhere, and
 * anything that does not resolve to the same origin.
 */
const FALLBACK = "/";
const MAX_LENGTH = 2000;
const PROBE_ORIGIN = "http://duban.invalid";

export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return FALLBACK;
  if (!value.startsWith("/")) return FALLBACK;
  // C0 controls, DEL and the C1 controls; whitespace a browser would strip or keep is refused alike.
  if (/[\u0000-\u001f\u007f-\u009f\s\\]/.test(value)) return FALLBACK;
  if (value.includes("//")) return FALLBACK;
  let resolved: URL;
  try {
    resolved = new URL(value, PROBE_ORIGIN);
  } catch {
    return FALLBACK;
  }
  if (resolved.origin !== PROBE_ORIGIN) return FALLBACK;
  return value;
}

/**
 * next-auth's redirect callback with the same rule: a path is taken under
 * `baseUrl` (as next-auth does), an absolute URL only when it is on `baseUrl`'s
 * origin; either way the path must pass safeCallbackPath, else the site's root.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (url.startsWith("/")) return base + safeCallbackPath(url);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return base + FALLBACK;
  }
  if (parsed.origin !== new URL(base).origin) return base + FALLBACK;
  return parsed.origin + safeCallbackPath(parsed.pathname + parsed.search + parsed.hash);
}
