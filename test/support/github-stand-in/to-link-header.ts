/**
 * GitHub's `Link` header for page-numbered lists: rels in GitHub's order (prev, next, last, first), the request's
 * own query kept and `page` set last, e.g. `<…/repositories/42/issues/7/comments?per_page=100&page=2>; rel="next"`.
 * GitHub points these at `/repositories/{id}/…`, not `/repos/{owner}/{repo}/…`; clients must follow them as given.
 * Returns undefined for a single page, where GitHub sends no header.
 */
export function toLinkHeader(input: {
  base: string;
  query: Record<string, string>;
  page: number;
  lastPage: number;
}): string | undefined {
  const { base, query, page, lastPage } = input;
  if (lastPage <= 1 && page <= 1) return undefined;
  const at = (target: number): string => {
    const search = new URLSearchParams(Object.entries(query).filter(([name]) => name !== "page"));
    search.set("page", String(target));
    return `<${base}?${search.toString()}>`;
  };
  const links: string[] = [];
  if (page > 1) links.push(`${at(Math.min(page - 1, lastPage))}; rel="prev"`);
  if (page < lastPage) links.push(`${at(page + 1)}; rel="next"`, `${at(lastPage)}; rel="last"`);
  if (page > 1) links.push(`${at(1)}; rel="first"`);
  return links.join(", ");
}
