import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { localeCookie, toLocale } from "./config";

// The locale is a per-user preference kept in a cookie; URLs stay language-neutral.
export default getRequestConfig(async () => {
  const locale = toLocale((await cookies()).get(localeCookie)?.value);
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return { locale, messages, timeZone: "Asia/Shanghai" };
});
