/** File names of evidence as shown and downloaded; pure, so pages and components use it too. */

/** The extension each accepted evidence type is stored and served under. */
const EXTENSION_OF: Record<string, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
  "application/msword": "doc",
  "application/vnd.ms-excel": "xls",
};

/**
 * Characters that reorder or hide text: the bidirectional marks, embeddings,
 * overrides and isolates (U+200E, U+200F, U+202A–U+202E, U+2066–U+2069, U+061C),
 * and every control character (C0, DEL, C1), line and paragraph separators.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** A file name safe to show and to send back in Content-Disposition. */
export function cleanFileName(name: string): string {
  const base = name.replace(INVISIBLE, "").split(/[\\/]/).pop() ?? "";
  const cleaned = [...base].map((ch) => ('"<>|:*?'.includes(ch) ? "_" : ch)).join("").trim();
  return [...(cleaned || "file")].slice(0, 120).join("");
}

/**
 * The name a file is shown and downloaded under: cleaned, and ending in the extension of the
 * type its content was found to be (a PDF named "x.html" becomes "x.pdf"), whatever the name said.
 */
export function evidenceFileName(name: string, mimeType: string): string {
  const ext = EXTENSION_OF[mimeType];
  const cleaned = cleanFileName(name);
  if (!ext) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const stem = (dot >= 0 && /^[\p{L}\p{N}_-]{1,10}$/u.test(cleaned.slice(dot + 1)) ? cleaned.slice(0, dot) : cleaned).replace(/^[.\s]+|[.\s]+$/gu, "");
  return `${[...(stem || "file")].slice(0, 110).join("")}.${ext}`;
}
