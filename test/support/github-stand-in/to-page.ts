import type { StandInResponse } from "./stand-in-types.js";
import { toLinkHeader } from "./to-link-header.js";

/** GitHub's page size when a list request names no `per_page`. */
export const DEFAULT_PER_PAGE = 30;

/**
 * One page of a page-numbered list as GitHub answers it: `per_page` items from `page`, and the Link header whose
 * URLs start at `base` (GitHub's `/repositories/{id}/…` form). A page past the end is an empty list, not a 404.
 */
export function toPage<T>(items: T[], query: Record<string, string>, base: string): StandInResponse {
  const perPage = query.per_page === undefined ? DEFAULT_PER_PAGE : Number(query.per_page);
  const page = query.page === undefined ? 1 : Math.max(1, Number(query.page));
  const link = toLinkHeader({ base, query, page, lastPage: Math.max(1, Math.ceil(items.length / perPage)) });
  const body = items.slice((page - 1) * perPage, page * perPage);
  return { status: 200, body, headers: link === undefined ? {} : { link } };
}
