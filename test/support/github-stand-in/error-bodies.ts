import type { StandInResponse } from "./stand-in-types.js";

/** GitHub's generic documentation link, used when no operation is known. */
export const REST_DOCS = "https://docs.github.com/rest";

/** GitHub's error body: since 2024 it repeats the status as a string. */
export function errorResponse(
  status: number,
  message: string,
  documentationUrl = REST_DOCS,
  extra: object = {},
): StandInResponse {
  return { status, body: { message, documentation_url: documentationUrl, ...extra, status: String(status) } };
}

export function notFound(documentationUrl = REST_DOCS): StandInResponse {
  return errorResponse(404, "Not Found", documentationUrl);
}

export function badCredentials(): StandInResponse {
  return errorResponse(401, "Bad credentials");
}

export function notAccessibleByIntegration(documentationUrl: string): StandInResponse {
  return errorResponse(403, "Resource not accessible by integration", documentationUrl);
}

/** A rule GitHub enforces beyond its description, answered as GitHub does: "Validation Failed" with one error. */
export function validationFailed(
  documentationUrl: string,
  error: { resource: string; code: string; field: string; message?: string },
): StandInResponse {
  return errorResponse(422, "Validation Failed", documentationUrl, { errors: [error] });
}

/**
 * The body GitHub sends with a scripted fault: a rate-limit message the throttling plugin recognises (it looks for
 * "secondary rate" in the message; a primary limit is told by `x-ratelimit-remaining: 0`), or a server error.
 */
export function faultResponse(status: number, headers: Record<string, string>, requestId: string): StandInResponse {
  if (status === 403 || status === 429) {
    const primary = headers["x-ratelimit-remaining"] === "0";
    const message = primary
      ? "API rate limit exceeded for installation ID 1000. If you reach out to GitHub Support for help, please include the request ID " +
        requestId +
        "."
      : "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID " +
        requestId +
        ".";
    const docs = primary
      ? "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit"
      : "https://docs.github.com/free-pro-team@latest/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
    return { ...errorResponse(status, message, docs), headers };
  }
  if (status >= 500) return { status, body: { message: "Server Error" }, headers };
  return { ...errorResponse(status, "Scripted failure"), headers };
}
