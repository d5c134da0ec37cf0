import type { TokenGrant } from "./stand-in-types.js";

export const DEFAULT_TOKENS: Record<string, TokenGrant> = {
  ghs_test_write: { kind: "installation", login: "github-actions[bot]", access: "write" },
  ghs_test_read: { kind: "installation", login: "github-actions[bot]", access: "read" },
  ghp_test_user: { kind: "user", login: "octo-user", access: "write" },
};

/** Reads the token from `Authorization: token X` or `Bearer X`, the two schemes GitHub accepts for tokens. */
export function readToken(authorization: string | undefined): string | undefined {
  const match = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(authorization ?? "");
  return match?.[1];
}
