// use-intl/core is next-intl's own core (the same package next-intl re-exports): no React, so the command-line scripts can build documents too.
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import en from "../../messages/en.json";
import zh from "../../messages/zh-CN.json";
import { toLocale } from "./config";

/** A translator of one namespace of the messages: key (dots for nested keys) and values to text. */
export type DocumentWords = (key: string, values?: Record<string, string | number>) => string;

const MESSAGES: Record<string, AbstractIntlMessages> = { "zh-CN": zh, en };

/**
 * The words of a generated document (the 通报, the 终期评估报告 and 年度总结) in a language, for the
 * pages, the downloads, the command-line scripts and the tests alike; outside a request, so it does
 * not depend on next-intl's request context. A missing key or value throws rather than printing a key.
 */
export function documentWords(namespace: "tongbaoDoc" | "evaluationDoc", locale: string): DocumentWords {
  const language = toLocale(locale);
  const t = createTranslator({
    locale: language,
    messages: MESSAGES[language],
    namespace,
    timeZone: "Asia/Shanghai",
    onError: (error) => {
      throw error;
    },
  });
  const translate = t as unknown as DocumentWords;
  return (key, values) => translate(key, values);
}
