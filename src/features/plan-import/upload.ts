/** Reading an uploaded plan file with a hard cap: a declared or actual size over the cap stops the read. */
import { MAX_PLAN_FILE_BYTES } from "./read";
import { PlanFileError } from "./table";

/**
 * The body's bytes, at most `cap`: refused before reading when the declared length is over it,
 * and as soon as the bytes received pass it (the rest is never read).
 */
export async function readCapped(body: ReadableStream<Uint8Array> | null, declaredLength: number | null, cap = MAX_PLAN_FILE_BYTES): Promise<Uint8Array> {
  if (declaredLength !== null && declaredLength > cap) throw new PlanFileError("fileTooLarge", { value: `${Math.round(cap / 1024 / 1024)} MB` });
  if (!body) throw new PlanFileError("fileEmpty");
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel().catch(() => undefined);
      throw new PlanFileError("fileTooLarge", { value: `${Math.round(cap / 1024 / 1024)} MB` });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
