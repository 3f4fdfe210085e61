/** Paging of long lists: pages are numbered from 1 and live in the URL as `page`. */

/** The page asked for in a URL value, kept within 1…pageCount (anything else is page 1). */
export function pageParam(value: unknown, pageCount: number): number {
  const raw = Array.isArray(value) ? value[0] : value;
  const n = typeof raw === "string" && /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(1, n), Math.max(1, pageCount));
}

/** How many pages `total` items fill at `perPage` each (at least one, so an empty list has a page). */
export function pageCountOf(total: number, perPage: number): number {
  return Math.max(1, Math.ceil(total / perPage));
}

/** The items of one page. */
export function slicePage<T>(items: readonly T[], page: number, perPage: number): T[] {
  return items.slice((page - 1) * perPage, page * perPage);
}

/**
 * Pages of whole groups (key tasks with their measures): consecutive groups go on one page while
 * it holds at most `perPage` items; a group larger than that gets a page of its own. Returns each
 * page's [start, end) range of group indexes.
 */
export function groupPages(sizes: readonly number[], perPage: number): { start: number; end: number }[] {
  const pages: { start: number; end: number }[] = [];
  let start = 0;
  let filled = 0;
  sizes.forEach((size, i) => {
    if (i > start && filled + size > perPage) {
      pages.push({ start, end: i });
      start = i;
      filled = 0;
    }
    filled += size;
  });
  pages.push({ start, end: sizes.length });
  return pages;
}
