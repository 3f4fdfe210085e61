import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookieOf } from "@/lib/session-cookies";
import { toLocale } from "./config";

// The locale is a per-user preference kept in a cookie; URLs stay language-neutral. Read from the
// raw Cookie header by the page cache's rule: a cookie sent twice is ignored (the default applies).
export default getRequestConfig(async () => {
  const locale = toLocale(localeCookieOf((await headers()).get("cookie")));
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
