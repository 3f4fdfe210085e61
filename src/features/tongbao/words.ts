import { createTranslator, type AbstractIntlMessages } from "next-intl";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh-CN.json";
import { toLocale } from "@/i18n/config";
import type { TongbaoWords } from "./content";

const MESSAGES: Record<string, AbstractIntlMessages> = { "zh-CN": zh, en };

/** The 通报's words ("tongbaoDoc") in a language, for the page, the downloads, scripts and tests alike; a missing value throws rather than printing a key. */
export function tongbaoWords(locale: string): TongbaoWords {
  const language = toLocale(locale);
  const t = createTranslator({
    locale: language,
    messages: MESSAGES[language],
    namespace: "tongbaoDoc",
    timeZone: "Asia/Shanghai",
    onError: (error) => {
      throw error;
    },
  });
  // The keys are the messages' own; a wrong one throws (onError) in every test that builds a 通报.
  const translate = t as unknown as TongbaoWords;
  return (key, values) => translate(key, values);
}
