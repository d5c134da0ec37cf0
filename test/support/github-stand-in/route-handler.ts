import type { Urls } from "./github-objects.js";
import type { StandInState } from "./stand-in-state.js";
import type { StandInResponse, TokenGrant } from "./stand-in-types.js";

/** What a handler of one implemented operation gets: the request, already authenticated and validated. */
export interface HandlerContext {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Record<string, unknown> | undefined;
  /** The request body's bytes, for media types other than JSON (an asset upload). */
  rawBody: Buffer;
  grant: TokenGrant;
  state: StandInState;
  urls: Urls;
  /** The request's Accept header: media types such as `application/vnd.github.raw` change the answer. */
  accept: string;
  /** The operation's documentation URL, which GitHub puts in its error bodies. */
  docs: string;
}

export type RouteHandler = (context: HandlerContext) => StandInResponse;
