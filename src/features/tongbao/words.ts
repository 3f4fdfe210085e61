import { documentWords } from "@/i18n/document-words";
import type { TongbaoWords } from "./content";

/** The 通报's words ("tongbaoDoc") in a language. */
export const tongbaoWords = (locale: string): TongbaoWords => documentWords("tongbaoDoc", locale);
