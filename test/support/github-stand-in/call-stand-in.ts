/** A request's outcome as the self-tests read it: status, headers and the parsed JSON body (undefined if empty). */
export interface StandInCall {
  status: number;
  headers: Headers;
  json: Record<string, unknown> & unknown[];
}

/**
 * Sends one request to a stand-in the way Octokit would: JSON body and `Authorization: token …`, with the write-capable
 * installation token unless `token` names another (null sends none). `path` may be a full URL, e.g. a Link target.
 */
export async function callStandIn(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string | null; body?: unknown } = {},
): Promise<StandInCall> {
  const token = options.token === undefined ? "ghs_test_write" : options.token;
  const response = await fetch(path.startsWith("http") ? path : `${baseUrl}${path}`, {
    method,
    headers: { ...(token === null ? {} : { authorization: `token ${token}` }), "content-type": "application/json" },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: (text ? JSON.parse(text) : undefined) as StandInCall["json"],
  };
}
