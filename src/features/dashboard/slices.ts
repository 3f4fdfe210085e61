import { setImmediate as nextTurn } from "node:timers/promises";

/** The longest a computation runs before it lets the server's other requests through. */
export const SLICE_MS = 10;

/**
 * Calls `fn` on each item, letting the event loop turn every `SLICE_MS`: a province-scale history
 * (100,000 review events) is read into the dashboards' form without holding up a save or a page
 * for the whole of it.
 */
export async function eachSliced<T>(items: Iterable<T>, fn: (item: T) => void): Promise<void> {
  let since = performance.now();
  for (const item of items) {
    fn(item);
    if (performance.now() - since > SLICE_MS) {
      await nextTurn();
      since = performance.now();
    }
  }
}

/** `items.map(fn)`, a slice at a time (see `eachSliced`). */
export async function mapSliced<T, R>(items: readonly T[], fn: (item: T) => R): Promise<R[]> {
  const out: R[] = [];
  await eachSliced(items, (item) => out.push(fn(item)));
  return out;
}
