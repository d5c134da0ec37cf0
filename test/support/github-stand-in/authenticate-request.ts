import type { TokenGrant } from "./stand-in-types.js";

export const DEFAULT_TOKENS: Record<string, TokenGrant> = {
  ghs_test_write: { kind: "installation", login: "github-actions[bot]", access: "write" },
  ghs_test_read: { kind: "installation", login: "github-actions[bot]", access: "read" },
  ghp_test_user: { kind: "user", login: "octo-user", access: "write" },
  /** Another GitHub App's installation token (e.g. from actions/create-github-app-token). */
  ghs_test_app: { kind: "installation", login: "model-gatekeeper[bot]", access: "write" },
  /** A fine-grained personal access token. */
  github_pat_test_user: { kind: "user", login: "Octo-Maintainer", access: "write" },
};

/** Reads the token from `Authorization: token X` or `Bearer X`, the two schemes GitHub accepts for tokens. */
export function readToken(authorization: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}
